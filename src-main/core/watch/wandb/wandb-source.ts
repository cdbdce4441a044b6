import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import { FILE_HEADER_SIZE, checkFileHeader } from '../../ingest/wandb/record-log';
import { configYamlParams, metadataJsonTags } from '../../ingest/wandb/wandb-mapping';
import { errorText, type IngestSource, type UnitResult } from '../source';
import { walkTree } from '../walk-tree';
import { openRegularFile, readRegularText } from '../read-regular-file';
import { tailSlices } from '../tail-file';
import { wandbSlices } from './wandb-log-slices';

const KIND = 'wandb';
/** `run-<id>.wandb`, the run's transaction log. */
const LOG_FILE = /^run-(.+)\.wandb$/;
const FILES_DIR = 'files';
const CONFIG_YAML = 'config.yaml';
const METADATA_JSON = 'wandb-metadata.json';
/**
 * A run whose log has no exit record and has not grown for this long is taken as killed. The
 * writer buffers whole 32 KiB blocks (wandb-core never flushes a partial block before the run
 * ends), so a live run's log can sit unchanged for minutes between blocks; an hour is well past that.
 */
export const STALE_MS = 60 * 60 * 1000;
/** W&B's folder names, used only to keep the watcher out of the run's own logs and copies. */
const RUN_DIR_NAME = /^(?:offline-)?run-\d{8}_\d{6}-[^/\\]+$/;

/**
 * W&B runs (`wandb/offline-run-…/` and synced `wandb/run-…/` folders): one unit per folder that
 * holds a `run-<id>.wandb` log with W&B's file header. The log is tailed like a metrics file
 * (see wandbSlices); `files/config.yaml` and `files/wandb-metadata.json`, which synced and older
 * runs have, fill in params and tags the log did not give.
 */
export class WandbSource implements IngestSource {
  readonly kind = KIND;

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
    private readonly now: () => number = Date.now,
  ) {}

  unitFor(changedPath: string): string | null {
    const name = basename(changedPath);
    if (LOG_FILE.test(name)) return dirname(changedPath);
    const parent = dirname(changedPath);
    if ((name === CONFIG_YAML || name === METADATA_JSON) && basename(parent) === FILES_DIR) return dirname(parent);
    return null;
  }

  ignoresDir(dir: string): boolean {
    // A run's debug logs and temp files, and any folder inside `files/` (media, saved files).
    const parent = dirname(dir);
    if (RUN_DIR_NAME.test(basename(parent))) return basename(dir) === 'logs' || basename(dir) === 'tmp';
    return dir.split(sep).some((part, i, parts) => part === FILES_DIR && i > 0 && i < parts.length - 1 && RUN_DIR_NAME.test(parts[i - 1]!));
  }

  async findUnits(root: string, problems: string[]): Promise<string[]> {
    if (!(await stat(root)).isDirectory()) return [];
    const candidates: string[] = [];
    await walkTree(root, problems, (dir, entries) => {
      if (!entries.some((e) => e.isFile() && LOG_FILE.test(e.name))) return true;
      candidates.push(dir);
      return false;
    });
    const units: string[] = [];
    for (const dir of candidates) if ((await this.logsIn(dir, problems)).length > 0) units.push(dir);
    return units;
  }

  async ingest(dir: string): Promise<UnitResult> {
    const problems: string[] = [];
    const runIds: string[] = [];
    let points = 0;
    for (const file of await this.logsIn(dir, problems)) {
      const r = await this.ingestLog(dir, file, problems);
      if (r) {
        runIds.push(r.runId);
        points += r.points;
      }
    }
    return { runIds, points, problems };
  }

  /** The folder's `run-<id>.wandb` files that start with W&B's header (or are too new to have it). */
  private async logsIn(dir: string, problems: string[]): Promise<string[]> {
    let names: string[];
    try {
      names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && LOG_FILE.test(e.name)).map((e) => e.name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${dir}: ${errorText(e)}`);
      return [];
    }
    const logs: string[] = [];
    for (const name of names.sort()) {
      const file = join(dir, name);
      const head = await readHead(file).catch(() => null);
      if (head && checkFileHeader(head) !== 'invalid') logs.push(file);
    }
    return logs;
  }

  private async ingestLog(dir: string, file: string, problems: string[]): Promise<{ runId: string; points: number } | null> {
    let info;
    try {
      info = await stat(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${file}: ${errorText(e)}`);
      return null;
    }
    const wandbId = LOG_FILE.exec(basename(file))![1]!;
    // Prefixed: W&B's 8-character ids must not collide with other formats' run ids.
    const runId = `wandb-${wandbId}`;
    const fileStart = Math.round(info.birthtimeMs > 0 ? info.birthtimeMs : info.mtimeMs);
    const slices = wandbSlices(this.store, { runId, wandbId, dir, file, fileStart });
    // Keyed by the run folder's and log's names, not the path: a moved `wandb/` folder is not read twice.
    const offsetKey = `${KIND}:${basename(dir)}/${basename(file)}`;
    const points = await tailSlices(this.store, this.hub, { runId, file, offsetKey, parseSlice: slices.parse }, problems);
    if (!this.store.runs.exists(runId)) return { runId, points };
    const statusChanged = this.settleStatus(runId, info.mtimeMs);
    const filesChanged = await this.readRunFiles(dir, runId, problems);
    if (statusChanged || filesChanged || slices.sawRunFields()) this.hub.runChanged(runId);
    return { runId, points };
  }

  /**
   * A run without an exit record is RUNNING while its log grows, KILLED once the log is stale
   * (the process died without finishing). Recomputed on every read: a log that grows again
   * makes the run RUNNING again.
   */
  private settleStatus(runId: string, mtimeMs: number): boolean {
    const run = this.store.runs.summary(runId)!;
    if (run.status !== 'RUNNING' && run.status !== 'KILLED') return false;
    const stale = this.now() - mtimeMs > STALE_MS;
    const status = stale ? 'KILLED' : 'RUNNING';
    if (status === run.status) return false;
    this.store.tx(() => this.store.runs.update(runId, { status, endTime: stale ? Math.round(Math.max(mtimeMs, run.lastHeartbeat)) : null }));
    return true;
  }

  /** Params and tags from `files/` that the log did not set (the log's values win). */
  private async readRunFiles(dir: string, runId: string, problems: string[]): Promise<boolean> {
    const configText = await readOptional(join(dir, FILES_DIR, CONFIG_YAML), problems);
    const metadataText = await readOptional(join(dir, FILES_DIR, METADATA_JSON), problems);
    if (configText === null && metadataText === null) return false;
    let params: Record<string, string> = {};
    let tags: Record<string, string> = {};
    try {
      if (configText !== null) params = configYamlParams(configText);
    } catch (e) {
      problems.push(`${join(dir, FILES_DIR, CONFIG_YAML)}: ${errorText(e)}`);
    }
    try {
      if (metadataText !== null) tags = metadataJsonTags(metadataText);
    } catch (e) {
      problems.push(`${join(dir, FILES_DIR, METADATA_JSON)}: ${errorText(e)}`);
    }
    return this.store.tx(() => {
      const run = this.store.runs.summary(runId)!;
      const newParams = Object.fromEntries(Object.entries(params).filter(([k]) => !(k in run.params)));
      const newTags = Object.fromEntries(Object.entries(tags).filter(([k]) => !(k in run.tags)));
      this.store.runs.setParams(runId, newParams);
      this.store.runs.setTags(runId, newTags);
      return Object.keys(newParams).length + Object.keys(newTags).length > 0;
    });
  }
}

async function readHead(file: string): Promise<Uint8Array> {
  const { handle } = await openRegularFile(file);
  try {
    const buf = new Uint8Array(FILE_HEADER_SIZE);
    const { bytesRead } = await handle.read(buf, 0, FILE_HEADER_SIZE, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function readOptional(file: string, problems: string[]): Promise<string | null> {
  try {
    return await readRegularText(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${file}: ${errorText(e)}`);
    return null;
  }
}
