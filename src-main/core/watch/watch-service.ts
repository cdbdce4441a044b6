import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { IngestReport, WatchRoot } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import type { Store } from '../store/store';
import type { EventHub } from '../events/event-hub';
import type { WatchControl } from '../api/handlers';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { errorText, type IngestSource } from './source';
import { defaultSources } from './sources';
import { KeyedQueue } from './keyed-queue';
import { ProblemLog } from './problem-log';
import { MAX_DEPTH } from './walk-tree';

export interface WatchServiceOptions {
  store: Store;
  hub: EventHub;
  /** Where problems are told to a person (the CLI prints them). */
  log?: (message: string) => void;
  /** Where runs' artifact URIs lead (a run folder joining another run copies its files there). */
  artifacts: ArtifactStore;
  /** The formats to read; every format Runlens knows by default. */
  sources?: IngestSource[];
  /** A folder watched on every start besides the remembered ones, which cannot be removed (the client's spool). */
  spool?: string;
}

/** Queue keys name the source too: one path may be a unit of two formats. */
const KEY_SEP = '\0';
/**
 * chokidar drops a `change` event that follows the previous one for the same file within 50 ms
 * (a leading-edge throttle with no trailing event), so the last write of a burst — the final
 * metric rows of a run — may never be reported. Each event therefore also arms a re-check this
 * long after the burst's last event.
 */
export const SETTLE_MS = 200;

/**
 * Keeps watched roots in sync with the store: chokidar reports changed files, each source says
 * which of its units a file belongs to, a per-unit queue ingests each unit serially, and
 * problems are recorded per root, never thrown. A root is a folder, or a file some source reads
 * directly (an `mlflow.db`).
 */
export class WatchService implements WatchControl {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly lastError = new Map<string, string>();
  private readonly problems = new ProblemLog();
  private readonly queue: KeyedQueue;
  private readonly settleTimers = new Map<string, NodeJS.Timeout>();
  private readonly sources: IngestSource[];
  private readonly log: (message: string) => void;
  private readonly spool: { path: string; addedAt: number } | null;

  constructor(private readonly opts: WatchServiceOptions) {
    this.log = opts.log ?? (() => {});
    this.spool = opts.spool ? { path: resolve(opts.spool), addedAt: Date.now() } : null;
    this.sources = opts.sources ?? defaultSources(opts.store, opts.hub, opts.artifacts);
    this.queue = new KeyedQueue(async (key) => {
      const at = key.indexOf(KEY_SEP);
      const source = this.sources.find((s) => s.kind === key.slice(0, at))!;
      const unit = key.slice(at + 1);
      // Sources report bad files rather than throw; anything else (a locked store) must still
      // not reject the queue's promise, which nobody awaits: report it on the root.
      const result = await source.ingest(unit).catch((e: unknown) => ({ problems: [`${unit}: ${errorText(e)}`] }));
      this.report(unit, result.problems);
    });
  }

  /** Starts watching the spool and every root remembered in the store. */
  async resume(): Promise<void> {
    if (this.spool) {
      await mkdir(this.spool.path, { recursive: true });
      await this.follow(this.spool.path, false);
    }
    for (const root of this.opts.store.watch.roots()) await this.add(root.path);
  }

  roots(): WatchRoot[] {
    // The spool is not stored with the user's roots: it is watched because the core runs, not
    // because someone chose it, so it cannot be forgotten either.
    const remembered = this.opts.store.watch.roots().filter((r) => r.path !== this.spool?.path);
    return [...(this.spool ? [this.spool] : []), ...remembered].map((r) => ({
      ...r,
      spool: r.path === this.spool?.path,
      lastError: this.lastError.get(r.path) ?? null,
      problems: this.problems.list(r.path),
    }));
  }

  async add(path: string): Promise<{ root: WatchRoot; report: IngestReport }> {
    const { root, isFile } = await requireRoot(path);
    if (isFile) await this.requireReadableFile(root);
    if (root !== this.spool?.path) this.opts.store.watch.addRoot(root, Date.now());
    const report = await this.follow(root, isFile);
    const entry = this.roots().find((r) => r.path === root)!;
    this.opts.hub.watchChanged(entry);
    return { root: entry, report };
  }

  private async follow(root: string, isFile: boolean): Promise<IngestReport> {
    if (!this.watchers.has(root)) this.watchers.set(root, await this.startWatcher(root, isFile));
    // The watcher is live before the scan, so nothing written meanwhile is missed; the queue
    // folds a unit reported by both into one ingest.
    return this.ingestOnce(root);
  }

  async remove(path: string): Promise<boolean> {
    const root = resolve(path);
    if (root === this.spool?.path) {
      throw new ApiError('INVALID_PARAMETER_VALUE', `The spool folder is always watched (the Python client writes runs there while the app is closed): ${root}`);
    }
    await this.watchers.get(root)?.close();
    this.watchers.delete(root);
    this.lastError.delete(root);
    this.problems.forget(root);
    return this.opts.store.watch.removeRoot(root);
  }

  async ingestOnce(path: string): Promise<IngestReport> {
    const { root, isFile } = await requireRoot(path);
    const problems: string[] = [];
    const runs = new Set<string>();
    let points = 0;
    let units = 0;
    for (const source of this.sources) {
      for (const unit of await source.findUnits(root, problems)) {
        units += 1;
        const result = await source.ingest(unit);
        for (const id of result.runIds) runs.add(id);
        points += result.points;
        problems.push(...result.problems);
      }
    }
    if (isFile && units === 0) throw notReadable(root);
    this.report(root, problems);
    return { runs: runs.size, points, problems };
  }

  /** Resolves once every queued unit has been ingested (tests and shutdown wait on it). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  async close(): Promise<void> {
    await Promise.all([...this.watchers.values()].map((w) => w.close()));
    this.watchers.clear();
    for (const t of this.settleTimers.values()) clearTimeout(t);
    this.settleTimers.clear();
    await this.queue.idle();
  }

  private async requireReadableFile(file: string): Promise<void> {
    for (const source of this.sources) if ((await source.findUnits(file, [])).length > 0) return;
    throw notReadable(file);
  }

  private unitsFor(file: string): string[] {
    const keys: string[] = [];
    for (const s of this.sources) {
      const unit = s.unitFor(file);
      if (unit !== null) keys.push(s.kind + KEY_SEP + unit);
    }
    return keys;
  }

  private startWatcher(root: string, isFile: boolean): Promise<FSWatcher> {
    // A file root (a SQLite database) changes through companions beside it (`-wal`): watch its
    // folder, one level deep, for files named after it.
    const watcher = isFile
      ? watch(dirname(root), {
          ignoreInitial: true,
          depth: 0,
          ignored: (p) => p !== dirname(root) && !basename(p).startsWith(basename(root)),
        })
      : watch(root, {
          ignoreInitial: true,
          // Links are not followed: a symlink loop cannot trap the watcher.
          followSymlinks: false,
          depth: MAX_DEPTH,
          ignored: (p, stats) => {
            if (!stats || stats.isDirectory()) return this.sources.some((s) => s.ignoresDir(p));
            return stats.isFile() && this.unitsFor(p).length === 0;
          },
        });
    const onFile = (file: string) => {
      for (const key of this.unitsFor(file)) {
        void this.queue.request(key);
        this.settleLater(key);
      }
    };
    watcher.on('add', onFile);
    watcher.on('change', onFile);
    watcher.on('error', (e) => this.report(root, [`${root}: watcher error: ${(e as Error).message}`]));
    return new Promise((done) => watcher.once('ready', () => done(watcher)));
  }

  private settleLater(key: string): void {
    clearTimeout(this.settleTimers.get(key));
    const timer = setTimeout(() => {
      this.settleTimers.delete(key);
      if (this.watchers.size > 0) void this.queue.request(key);
    }, SETTLE_MS);
    timer.unref();
    this.settleTimers.set(key, timer);
  }

  /** Files the problems on the root that holds `scope`, and tells the UI. */
  private report(scope: string, problems: string[]): void {
    if (problems.length === 0) return;
    for (const p of problems) this.log(p);
    const root = [...this.watchers.keys()].find((r) => scope === r || scope.startsWith(r + sep));
    if (!root) return;
    this.problems.record(root, scope, problems, Date.now());
    this.lastError.set(root, problems[problems.length - 1]!);
    const entry = this.roots().find((r) => r.path === root);
    if (entry) this.opts.hub.watchChanged(entry);
  }
}

function notReadable(file: string): ApiError {
  return new ApiError('INVALID_PARAMETER_VALUE', `Not a file Runlens can read (expected an MLflow SQLite database): ${file}`);
}

async function requireRoot(path: string): Promise<{ root: string; isFile: boolean }> {
  const root = resolve(path);
  const info = await stat(root).catch(() => null);
  if (!info || !(info.isDirectory() || info.isFile())) throw new ApiError('INVALID_PARAMETER_VALUE', `Folder does not exist: ${root}`);
  return { root, isFile: info.isFile() };
}
