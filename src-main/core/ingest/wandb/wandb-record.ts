// Decodes the `Record` messages of a W&B run log, the parts Runlens uses. Field numbers are
// those of `wandb/proto/wandb_internal.proto` as shipped in wandb 0.31 (checked against the
// installed package's descriptors); everything else is skipped by wire type.
import { ProtobufReader, WIRE, type Field } from '../binary/protobuf-reader';

/** One key/value of a history row, summary or config: the key path joined, the value as JSON text. */
export interface WandbItem {
  key: string;
  valueJson: string;
}

export interface WandbGit {
  remote: string;
  commit: string;
}

export interface WandbRunInfo {
  runId: string;
  entity: string;
  project: string;
  displayName: string;
  notes: string;
  group: string;
  jobType: string;
  tags: string[];
  sweepId: string;
  host: string;
  /** Epoch ms, or null when the record has none. */
  startTime: number | null;
  config: WandbItem[];
  summary: WandbItem[];
  git: WandbGit | null;
}

export interface WandbEnvironment {
  os: string;
  python: string;
  program: string;
  codePath: string;
  host: string;
  username: string;
  executable: string;
  gpuType: string;
  gpuCount: number;
  cpuCount: number;
  git: WandbGit | null;
}

export type WandbRecord =
  | { kind: 'run'; run: WandbRunInfo }
  | { kind: 'history'; items: WandbItem[]; step: number | null }
  | { kind: 'summary'; update: WandbItem[]; remove: string[] }
  | { kind: 'config'; update: WandbItem[] }
  | { kind: 'exit'; exitCode: number; runtimeSeconds: number }
  | { kind: 'stats'; timestamp: number | null; items: WandbItem[] }
  | { kind: 'environment'; env: WandbEnvironment }
  | { kind: 'other' };

// Record (oneof record_type).
const R_HISTORY = 2;
const R_SUMMARY = 3;
const R_CONFIG = 5;
const R_STATS = 7;
const R_RUN = 17;
const R_EXIT = 18;
const R_ENVIRONMENT = 26;

/** Decodes one record; throws ProtobufError for a malformed message. */
export function decodeRecord(bytes: Uint8Array): WandbRecord {
  const r = new ProtobufReader(bytes);
  let out: WandbRecord = { kind: 'other' };
  for (let f = r.next(); f; f = r.next()) {
    if (f.wire !== WIRE.bytes) {
      r.skip(f);
      continue;
    }
    switch (f.no) {
      case R_HISTORY:
        out = decodeHistory(r.message());
        break;
      case R_SUMMARY: {
        const { update, remove } = decodeUpdates(r.message());
        out = { kind: 'summary', update, remove: remove.map((i) => i.key) };
        break;
      }
      case R_CONFIG:
        out = { kind: 'config', update: decodeUpdates(r.message()).update };
        break;
      case R_STATS:
        out = decodeStats(r.message());
        break;
      case R_RUN:
        out = { kind: 'run', run: decodeRun(r.message()) };
        break;
      case R_EXIT:
        out = decodeExit(r.message());
        break;
      case R_ENVIRONMENT:
        out = { kind: 'environment', env: decodeEnvironment(r.message()) };
        break;
      default:
        r.skip(f);
    }
  }
  return out;
}

/**
 * HistoryItem / SummaryItem / ConfigItem / StatsItem: `key` (1), `nested_key` (2, repeated;
 * what wandb-core writes: one element for a flat key, the path for a nested dict), `value_json`
 * (16). Older writers could send typed values instead: `integer` (5, sint64), `number` (6, double).
 */
function decodeItem(r: ProtobufReader): WandbItem {
  let key = '';
  const nested: string[] = [];
  let valueJson: string | null = null;
  let typed: string | null = null;
  for (let f = r.next(); f; f = r.next()) {
    if (f.no === 1 && f.wire === WIRE.bytes) key = r.string();
    else if (f.no === 2 && f.wire === WIRE.bytes) nested.push(r.string());
    else if (f.no === 16 && f.wire === WIRE.bytes) valueJson = r.string();
    else if (f.no === 5 && f.wire === WIRE.varint) typed = String(unzigzag(r.varint()));
    else if (f.no === 6 && f.wire === WIRE.fixed64) typed = jsonNumberText(r.double());
    else r.skip(f);
  }
  // W&B shows a nested dict's keys joined with dots (`{"val": {"loss": …}}` is `val.loss`).
  return { key: nested.length > 0 ? nested.join('.') : key, valueJson: valueJson ?? typed ?? 'null' };
}

function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

function jsonNumberText(n: number): string {
  return Number.isNaN(n) ? 'NaN' : n === Infinity ? 'Infinity' : n === -Infinity ? '-Infinity' : String(n);
}

function decodeHistory(r: ProtobufReader): WandbRecord {
  const items: WandbItem[] = [];
  let step: number | null = null;
  for (let f = r.next(); f; f = r.next()) {
    if (f.no === 1 && f.wire === WIRE.bytes) items.push(decodeItem(r.message()));
    else if (f.no === 2 && f.wire === WIRE.bytes) {
      // HistoryStep { int64 num = 1 }: absent num means step 0 (proto3 default).
      step = 0;
      const s = r.message();
      for (let g = s.next(); g; g = s.next()) {
        if (g.no === 1 && g.wire === WIRE.varint) step = s.int64();
        else s.skip(g);
      }
    } else r.skip(f);
  }
  return { kind: 'history', items, step };
}

/** SummaryRecord / ConfigRecord: `update` (1) and `remove` (2), both repeated items. */
function decodeUpdates(r: ProtobufReader): { update: WandbItem[]; remove: WandbItem[] } {
  const update: WandbItem[] = [];
  const remove: WandbItem[] = [];
  for (let f = r.next(); f; f = r.next()) {
    if (f.no === 1 && f.wire === WIRE.bytes) update.push(decodeItem(r.message()));
    else if (f.no === 2 && f.wire === WIRE.bytes) remove.push(decodeItem(r.message()));
    else r.skip(f);
  }
  return { update, remove };
}

/** StatsRecord: `timestamp` (2, Timestamp), `item` (3, StatsItem). */
function decodeStats(r: ProtobufReader): WandbRecord {
  const items: WandbItem[] = [];
  let timestamp: number | null = null;
  for (let f = r.next(); f; f = r.next()) {
    if (f.no === 2 && f.wire === WIRE.bytes) timestamp = decodeTimestamp(r.message());
    else if (f.no === 3 && f.wire === WIRE.bytes) items.push(decodeItem(r.message()));
    else r.skip(f);
  }
  return { kind: 'stats', timestamp, items };
}

/** RunExitRecord: `exit_code` (1, int32), `runtime` (2, int32 seconds). */
function decodeExit(r: ProtobufReader): WandbRecord {
  let exitCode = 0;
  let runtimeSeconds = 0;
  for (let f = r.next(); f; f = r.next()) {
    if (f.no === 1 && f.wire === WIRE.varint) exitCode = r.int64();
    else if (f.no === 2 && f.wire === WIRE.varint) runtimeSeconds = r.int64();
    else r.skip(f);
  }
  return { kind: 'exit', exitCode, runtimeSeconds };
}

/** google.protobuf.Timestamp { int64 seconds = 1; int32 nanos = 2 } as epoch ms. */
function decodeTimestamp(r: ProtobufReader): number {
  let seconds = 0;
  let nanos = 0;
  for (let f = r.next(); f; f = r.next()) {
    if (f.no === 1 && f.wire === WIRE.varint) seconds = r.int64();
    else if (f.no === 2 && f.wire === WIRE.varint) nanos = r.int64();
    else r.skip(f);
  }
  return seconds * 1000 + Math.round(nanos / 1e6);
}

/** GitRepoRecord: `remote_url` (1), `commit` (2). */
function decodeGit(r: ProtobufReader): WandbGit {
  const git = { remote: '', commit: '' };
  for (let f = r.next(); f; f = r.next()) {
    if (f.no === 1 && f.wire === WIRE.bytes) git.remote = r.string();
    else if (f.no === 2 && f.wire === WIRE.bytes) git.commit = r.string();
    else r.skip(f);
  }
  return git;
}

function stringField(r: ProtobufReader, f: Field, fields: Record<number, string>, into: Record<string, unknown>): boolean {
  const name = fields[f.no];
  if (name === undefined || f.wire !== WIRE.bytes) return false;
  into[name] = r.string();
  return true;
}

const RUN_STRINGS: Record<number, keyof WandbRunInfo> = {
  1: 'runId',
  2: 'entity',
  3: 'project',
  6: 'group',
  7: 'jobType',
  8: 'displayName',
  9: 'notes',
  12: 'sweepId',
  13: 'host',
};

/** RunRecord: strings above, `config` (4), `summary` (5), `tags` (10), `start_time` (17), `git` (21). */
function decodeRun(r: ProtobufReader): WandbRunInfo {
  const run: WandbRunInfo = {
    runId: '',
    entity: '',
    project: '',
    displayName: '',
    notes: '',
    group: '',
    jobType: '',
    tags: [],
    sweepId: '',
    host: '',
    startTime: null,
    config: [],
    summary: [],
    git: null,
  };
  for (let f = r.next(); f; f = r.next()) {
    if (stringField(r, f, RUN_STRINGS, run as unknown as Record<string, unknown>)) continue;
    if (f.wire !== WIRE.bytes) r.skip(f);
    else if (f.no === 4) run.config = decodeUpdates(r.message()).update;
    else if (f.no === 5) run.summary = decodeUpdates(r.message()).update;
    else if (f.no === 10) run.tags.push(r.string());
    else if (f.no === 17) run.startTime = decodeTimestamp(r.message());
    else if (f.no === 21) run.git = decodeGit(r.message());
    else r.skip(f);
  }
  return run;
}

const ENV_STRINGS: Record<number, keyof WandbEnvironment> = {
  1: 'os',
  2: 'python',
  6: 'program',
  7: 'codePath',
  12: 'host',
  13: 'username',
  14: 'executable',
  18: 'gpuType',
};

/**
 * EnvironmentRecord (what `files/wandb-metadata.json` holds in runs that have one): strings
 * above, `git` (9), `cpu_count` (16), `gpu_count` (19). wandb-core writes it in parts (a second
 * record carries the hardware), so empty fields mean "not in this part".
 */
function decodeEnvironment(r: ProtobufReader): WandbEnvironment {
  const env: WandbEnvironment = { os: '', python: '', program: '', codePath: '', host: '', username: '', executable: '', gpuType: '', gpuCount: 0, cpuCount: 0, git: null };
  for (let f = r.next(); f; f = r.next()) {
    if (stringField(r, f, ENV_STRINGS, env as unknown as Record<string, unknown>)) continue;
    if (f.no === 9 && f.wire === WIRE.bytes) env.git = decodeGit(r.message());
    else if (f.no === 16 && f.wire === WIRE.varint) env.cpuCount = r.varint();
    else if (f.no === 19 && f.wire === WIRE.varint) env.gpuCount = r.varint();
    else r.skip(f);
  }
  return env;
}
