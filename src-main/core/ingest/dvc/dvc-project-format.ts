// DVC pipelines (dvc.yaml + dvc.lock), as DVC 3 writes them (iterative/dvc `dvc/schema.py`,
// `dvc/dvcfile.py`, checked against real `dvc repro` output in e2e/formats_dvc):
// - dvc.lock (`schema: '2.0'`) maps each stage that ran to its `cmd`, `deps` and `outs` (each a
//   `path` relative to the dvc.yaml folder with `hash: md5`, `md5`, `size`, and `nfiles` for a
//   folder, whose md5 ends in `.dir`: the hash of DVC's listing of it), and `params` as
//   `{<params file>: {<key>: <value>}}`. Stages expanded from `foreach`/`matrix` appear as
//   `name@key`, so the lock already holds every stage as it ran. Locks of DVC 1 have no `schema`
//   key and the stages at the top level.
// - dvc.yaml names outs that are metrics or plots (`metrics:`/`plots:` lists of a stage, or of
//   the file) beside plain `outs`; entries are paths or one-key mappings `{path: {cache: false}}`.
import { createHash } from 'node:crypto';
import { isMap, isScalar, type Document, type Node } from 'yaml';
import { flattenYamlNode } from '../params/flatten-params';
import { readYamlValues } from '../yaml-values';

export const DVC_YAML = 'dvc.yaml';
export const DVC_LOCK = 'dvc.lock';
/** The params file DVC reads by default; its keys are kept bare, other files' prefixed. */
const DEFAULT_PARAMS_FILE = 'params.yaml';

/** A dep or out of a stage as the lock records it. */
export interface DvcPathState {
  path: string;
  /** `md5:<md5>` (DVC's own hash; a folder's ends in `.dir`), or a remote dep's `etag:`/`checksum:`. */
  digest: string;
  sizeBytes: number | null;
  nfiles: number | null;
  folder: boolean;
}

export interface DvcLockedStage {
  name: string;
  cmd: string;
  deps: DvcPathState[];
  outs: DvcPathState[];
  params: Record<string, string>;
  /** A digest of the whole lock entry: another value means the stage ran again on other data. */
  state: string;
}

export interface Parsed<T> {
  value: T;
  problems: string[];
}

function parseYaml(text: string, file: string, problems: string[]): { doc: Document; root: unknown } | null {
  const read = readYamlValues(text);
  if ('problem' in read) {
    problems.push(`${file}: ${read.problem}`);
    return null;
  }
  return { doc: read.doc, root: read.value };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stages a dvc.lock records, in its order; entries it cannot read are reported and skipped. */
export function parseDvcLock(text: string, file: string): Parsed<DvcLockedStage[]> {
  const problems: string[] = [];
  const read = parseYaml(text, file, problems);
  if (!read) return { value: [], problems };
  const { doc, root } = read;
  if (root === null || root === undefined) return { value: [], problems };
  if (!isRecord(root)) return { value: [], problems: [`${file}: not a DVC lock file`] };
  const path = 'schema' in root ? ['stages'] : [];
  const stages = 'schema' in root ? root.stages : root;
  if (!isRecord(stages)) return { value: [], problems: 'schema' in root ? [] : [`${file}: not a DVC lock file`] };
  const out: DvcLockedStage[] = [];
  for (const [name, entry] of Object.entries(stages)) {
    if (!isRecord(entry)) {
      problems.push(`${file}: stage '${name}' is not a mapping; skipped`);
      continue;
    }
    const cmd = Array.isArray(entry.cmd) ? entry.cmd.map(String).join('\n') : String(entry.cmd ?? '');
    const params: Record<string, string> = {};
    const paramsNode = doc.getIn([...path, name, 'params'], true) as Node | undefined;
    if (isMap(paramsNode)) {
      for (const pair of paramsNode.items) {
        const paramsFile = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const read: { params: Record<string, string>; problems: string[] } = { params: {}, problems };
        flattenYamlNode(pair.value as Node | null, '', file, read);
        const prefix = paramsFile === DEFAULT_PARAMS_FILE ? '' : `${paramsFile}:`;
        for (const [key, value] of Object.entries(read.params)) params[prefix + key] = value;
      }
    }
    out.push({
      name,
      cmd,
      deps: pathStates(entry.deps, `${file}: stage '${name}' deps`, problems),
      outs: pathStates(entry.outs, `${file}: stage '${name}' outs`, problems),
      params,
      state: createHash('sha256').update(JSON.stringify(entry)).digest('hex').slice(0, 16),
    });
  }
  return { value: out, problems };
}

function pathStates(list: unknown, where: string, problems: string[]): DvcPathState[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    problems.push(`${where}: not a list`);
    return [];
  }
  const out: DvcPathState[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item.path !== 'string') {
      problems.push(`${where}: an entry without a path; skipped`);
      continue;
    }
    const digest = hashOf(item);
    // A dep with no hash (an unhashed remote source) has no version to name.
    if (digest === null) continue;
    out.push({
      path: item.path,
      digest,
      sizeBytes: typeof item.size === 'number' ? item.size : null,
      nfiles: typeof item.nfiles === 'number' ? item.nfiles : null,
      folder: digest.endsWith('.dir'),
    });
  }
  return out;
}

function hashOf(item: Record<string, unknown>): string | null {
  for (const key of ['md5', 'etag', 'checksum']) {
    const v = item[key];
    if (typeof v === 'string' && v !== '') return `${key}:${v}`;
  }
  return null;
}

/** The paths dvc.yaml declares as metrics or plots (file-level, or a stage's own). */
export function parseDvcYamlArtifacts(text: string, file: string): Parsed<Set<string>> {
  const problems: string[] = [];
  const paths = new Set<string>();
  const read = parseYaml(text, file, problems);
  const root = read?.root;
  if (!isRecord(root)) {
    if (read && root !== null && root !== undefined) problems.push(`${file}: not a DVC pipeline file`);
    return { value: paths, problems };
  }
  const collect = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const entry of list) {
      if (typeof entry === 'string') paths.add(entry);
      else if (isRecord(entry)) Object.keys(entry).forEach((p) => paths.add(p));
    }
  };
  collect(root.metrics);
  collect(root.plots);
  if (isRecord(root.stages)) {
    for (const stage of Object.values(root.stages)) {
      if (!isRecord(stage)) continue;
      collect(stage.metrics);
      collect(stage.plots);
    }
  }
  return { value: paths, problems };
}
