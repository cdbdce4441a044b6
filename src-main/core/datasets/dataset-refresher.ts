import { isAbsolute } from 'node:path';
import type { EventHub } from '../events/event-hub';
import type { Store } from '../store/store';
import { describeLocal } from './describe-local';
import { digestPath } from './digest';

export interface DatasetRefresherOptions {
  store: Store;
  hub: EventHub;
  /** Pause between passes. */
  intervalMs?: number;
  log?: (message: string) => void;
  now?: () => number;
}

const DEFAULT_INTERVAL_MS = 3000;

/**
 * Notices when local data changes on disk: each pass looks at the latest version of every
 * dataset name whose uri is a local path, and when the data there has another digest records a
 * new version of the name (same uri, created now) — the runs and models downstream of the old
 * one then show that newer data is available. A pass costs a stat per file: the digest cache
 * re-reads only files whose size or mtime moved.
 *
 * Only versions the core digested itself (`sha256:`) are compared: a DVC `md5:` or an MLflow
 * digest of the same path would differ from ours without the data having changed. Missing or
 * unreadable data makes no version and removes none.
 */
export class DatasetRefresher {
  private readonly interval: number;
  private readonly log: (message: string) => void;
  private readonly now: () => number;
  /** Per name, the digest last found on disk, so data back at an older version's bytes is
   * looked up once, not every pass. */
  private readonly lastSeen = new Map<string, string>();
  /** Problems already logged, so an unreadable path is reported once, not every pass. */
  private readonly logged = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly opts: DatasetRefresherOptions) {
    this.interval = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.log = opts.log ?? (() => {});
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refreshNow().finally(() => this.start());
    }, this.interval);
    // Nothing to wait for when the process is otherwise done.
    this.timer.unref();
  }

  /** One pass now (after any pass already running); resolves to the names that gained a version. */
  refreshNow(): Promise<string[]> {
    const pass = this.queue.then(() => (this.closed ? [] : this.pass()));
    this.queue = pass.catch((e: unknown) => this.log(`dataset refresh failed: ${e instanceof Error ? e.message : String(e)}`));
    return pass;
  }

  /** Stops passes and waits for one in flight, so the store can close after. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
  }

  private async pass(): Promise<string[]> {
    const { store, hub } = this.opts;
    const changed: string[] = [];
    const at = this.now();
    for (const { latest } of store.datasets.summaries()) {
      if (this.closed) break;
      const uri = latest.uri;
      if (uri === null || !isAbsolute(uri) || !latest.digest.startsWith('sha256:')) continue;
      let digest: string;
      try {
        digest = (await digestPath(uri, store.digests, at)).digest;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const message = `dataset '${latest.name}': ${e instanceof Error ? e.message : String(e)}`;
        if (code !== 'ENOENT' && !this.logged.has(message)) {
          this.logged.add(message);
          this.log(message);
        }
        continue;
      }
      if (digest === latest.digest || this.lastSeen.get(latest.name) === digest) continue;
      this.lastSeen.set(latest.name, digest);
      // Back to an older version's bytes: that version exists, and stays where it is in time.
      if (store.datasets.versionsOf(latest.name).some((v) => v.digest === digest)) continue;
      const { record } = await describeLocal(uri, store.digests, { name: latest.name, source: latest.source, kind: latest.kind });
      if (this.closed) break;
      store.datasets.upsert({ ...record, sourceType: latest.sourceType }, at);
      changed.push(latest.name);
    }
    if (changed.length > 0) hub.datasetsChanged(changed);
    return changed;
  }
}
