// Live push: a RUNNING pushed run (link live = 1) follows to its remote as it logs. The core's
// events say when a run gained points or changed; a push of it goes out shortly after (a
// burst of events makes one push; at most one push of a run is in flight). While the remote
// is unreachable the push is retried with a growing delay, the error kept in the link; once
// the run has ended and its status is pushed, live push of it stops.
import type { RunStatus } from '../../../src-shared/domain';
import type { CoreEvent } from '../../../src-shared/events';
import type { EventHub } from '../events/event-hub';
import type { Store } from '../store/store';

/** How long after new points a push goes out: events of a burst gather into one push. */
export const LIVE_PUSH_DELAY_MS = 500;
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

/** Pushes the run; answers the status it pushed (a run that ended meanwhile gets another push, from its events). */
type PushOne = (runId: string, remote: string, signal: AbortSignal) => Promise<{ status: RunStatus }>;

interface Entry {
  runId: string;
  remote: string;
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  /** Something changed while a push was in flight: push again after it. */
  dirty: boolean;
  failures: number;
}

const idOf = (runId: string, remote: string) => `${runId}\n${remote}`;

export class LivePush {
  private readonly entries = new Map<string, Entry>();
  private readonly controller = new AbortController();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly hub: EventHub,
    private readonly store: Store,
    private readonly pushOne: PushOne,
    private readonly log: (message: string) => void,
  ) {}

  /** Keeps the run pushed to the remote while it runs (its link is already marked live). */
  follow(runId: string, remote: string): void {
    if (this.controller.signal.aborted) return;
    let entry = this.entries.get(idOf(runId, remote));
    if (!entry) this.entries.set(idOf(runId, remote), (entry = { runId, remote, timer: null, running: null, dirty: false, failures: 0 }));
    this.unsubscribe ??= this.hub.subscribe((e) => this.onEvent(e));
    this.schedule(entry, 0);
  }

  /** Stops the run's live pushes (to every remote); false when none was live. */
  stop(runId: string): boolean {
    let stopped = false;
    for (const link of this.store.sync.linksOf(runId)) {
      if (link.direction === 'push' && link.live) stopped = this.store.sync.setLive(runId, link.remote, false) || stopped;
    }
    for (const entry of [...this.entries.values()]) if (entry.runId === runId) this.drop(entry);
    return stopped;
  }

  /** Stops every live push and waits for the ones in flight to end. */
  async close(): Promise<void> {
    this.controller.abort(new Error('closing'));
    const running = [...this.entries.values()].map((e) => e.running);
    for (const entry of [...this.entries.values()]) this.drop(entry);
    await Promise.all(running);
  }

  private onEvent(e: CoreEvent): void {
    const runId = e.type === 'points.appended' ? e.data.runId : e.type === 'run.updated' ? e.data.run.id : null;
    if (runId === null) return;
    for (const entry of this.entries.values()) if (entry.runId === runId) this.schedule(entry, LIVE_PUSH_DELAY_MS);
  }

  private drop(entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    this.entries.delete(idOf(entry.runId, entry.remote));
    if (this.entries.size === 0 && this.unsubscribe) {
      this.unsubscribe();
      this.unsubscribe = null;
    }
  }

  /** A push after `delay`, unless one is already due (a retry's backoff is not cut short) or running. */
  private schedule(entry: Entry, delay: number): void {
    if (entry.running) {
      entry.dirty = true;
      return;
    }
    if (entry.timer) return;
    entry.timer = setTimeout(() => this.run(entry), delay);
    entry.timer.unref?.();
  }

  private run(entry: Entry): void {
    entry.timer = null;
    entry.dirty = false;
    entry.running = (async () => {
      const signal = this.controller.signal;
      try {
        const { status } = await this.pushOne(entry.runId, entry.remote, signal);
        const hadFailed = entry.failures > 0;
        entry.failures = 0;
        if (status !== 'RUNNING') {
          this.store.sync.setLive(entry.runId, entry.remote, false);
          this.drop(entry);
          this.hub.runChanged(entry.runId);
        } else if (hadFailed) this.hub.runChanged(entry.runId);
      } catch (e) {
        if (signal.aborted || !this.entries.has(idOf(entry.runId, entry.remote))) return;
        const message = e instanceof Error ? e.message : String(e);
        if (!this.store.runs.exists(entry.runId)) return this.drop(entry);
        if (!this.store.remotes.get(entry.remote)) {
          // The remote was deleted: nothing to retry against (a later push to a new remote starts over).
          this.store.sync.setLive(entry.runId, entry.remote, false);
          this.drop(entry);
          return this.hub.runChanged(entry.runId);
        }
        this.store.sync.markFailed(entry.runId, entry.remote, message);
        if (entry.failures === 0) {
          this.log(`live push of run ${entry.runId} to ${entry.remote} failed, retrying: ${message}`);
          this.hub.runChanged(entry.runId);
        }
        entry.failures += 1;
        entry.running = null;
        this.schedule(entry, Math.min(RETRY_FIRST_MS * 2 ** (entry.failures - 1), RETRY_MAX_MS));
        return;
      } finally {
        entry.running = null;
      }
      if (entry.dirty && this.entries.has(idOf(entry.runId, entry.remote))) this.schedule(entry, LIVE_PUSH_DELAY_MS);
    })();
  }
}
