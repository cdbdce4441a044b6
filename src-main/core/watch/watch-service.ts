import { stat } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { IngestReport, WatchRoot } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import type { Store } from '../store/store';
import type { EventHub } from '../events/event-hub';
import type { WatchControl } from '../api/handlers';
import { METRICS_FILE, RUN_FILE } from '../ingest/run-folder-format';
import { ingestRunFolder } from './run-folder-ingester';
import { findRunFolders, MAX_DEPTH, SKIPPED_DIRS } from './find-run-folders';
import { KeyedQueue } from './keyed-queue';

const WATCHED_FILES = new Set([RUN_FILE, METRICS_FILE]);

export interface WatchServiceOptions {
  store: Store;
  hub: EventHub;
  /** Where problems are told to a person (the CLI prints them). */
  log?: (message: string) => void;
}

/**
 * Keeps watched folders in sync with the store: chokidar reports changed files, a per-folder
 * queue ingests each run folder serially, and problems are recorded per root, never thrown.
 */
export class WatchService implements WatchControl {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly lastError = new Map<string, string>();
  private readonly queue: KeyedQueue;
  private readonly log: (message: string) => void;

  constructor(private readonly opts: WatchServiceOptions) {
    this.log = opts.log ?? (() => {});
    this.queue = new KeyedQueue(async (dir) => {
      const result = await ingestRunFolder(opts.store, opts.hub, dir);
      this.report(dir, result.problems);
    });
  }

  /** Starts watching every root remembered in the store. */
  async resume(): Promise<void> {
    for (const root of this.opts.store.watch.roots()) await this.add(root.path);
  }

  roots(): WatchRoot[] {
    return this.opts.store.watch.roots().map((r) => ({ ...r, lastError: this.lastError.get(r.path) ?? null }));
  }

  async add(path: string): Promise<{ root: WatchRoot; report: IngestReport }> {
    const root = await requireFolder(path);
    this.opts.store.watch.addRoot(root, Date.now());
    if (!this.watchers.has(root)) this.watchers.set(root, await this.startWatcher(root));
    // The watcher is live before the scan, so nothing written meanwhile is missed; the queue
    // folds a folder reported by both into one ingest.
    const report = await this.ingestOnce(root);
    const entry = this.roots().find((r) => r.path === root)!;
    this.opts.hub.watchChanged(entry);
    return { root: entry, report };
  }

  async remove(path: string): Promise<boolean> {
    const root = resolve(path);
    await this.watchers.get(root)?.close();
    this.watchers.delete(root);
    this.lastError.delete(root);
    return this.opts.store.watch.removeRoot(root);
  }

  async ingestOnce(path: string): Promise<IngestReport> {
    const root = await requireFolder(path);
    const problems: string[] = [];
    const folders = await findRunFolders(root, problems);
    let runs = 0;
    let points = 0;
    for (const dir of folders) {
      const result = await ingestRunFolder(this.opts.store, this.opts.hub, dir);
      if (result.runId) runs += 1;
      points += result.points;
      problems.push(...result.problems);
    }
    this.report(root, problems);
    return { runs, points, problems };
  }

  /** Resolves once every queued folder has been ingested (tests and shutdown wait on it). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  async close(): Promise<void> {
    await Promise.all([...this.watchers.values()].map((w) => w.close()));
    this.watchers.clear();
    await this.queue.idle();
  }

  private startWatcher(root: string): Promise<FSWatcher> {
    const watcher = watch(root, {
      ignoreInitial: true,
      // Links are not followed: a symlink loop cannot trap the watcher.
      followSymlinks: false,
      depth: MAX_DEPTH,
      ignored: (p, stats) => SKIPPED_DIRS.has(basename(p)) || (stats?.isFile() === true && !WATCHED_FILES.has(basename(p))),
    });
    const onFile = (file: string) => {
      if (WATCHED_FILES.has(basename(file))) void this.queue.request(dirname(file));
    };
    watcher.on('add', onFile);
    watcher.on('change', onFile);
    watcher.on('error', (e) => this.report(root, [`${root}: watcher error: ${(e as Error).message}`]));
    return new Promise((done) => watcher.once('ready', () => done(watcher)));
  }

  private report(path: string, problems: string[]): void {
    if (problems.length === 0) return;
    for (const p of problems) this.log(p);
    const root = [...this.watchers.keys()].find((r) => path === r || path.startsWith(r + sep));
    if (!root) return;
    this.lastError.set(root, problems[problems.length - 1]!);
    const entry = this.roots().find((r) => r.path === root);
    if (entry) this.opts.hub.watchChanged(entry);
  }
}

async function requireFolder(path: string): Promise<string> {
  const root = resolve(path);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new ApiError('INVALID_PARAMETER_VALUE', `Folder does not exist: ${root}`);
  return root;
}
