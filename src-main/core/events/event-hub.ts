import type { RunSummary, WatchRoot } from '../../../src-shared/domain';
import type { CoreEvent } from '../../../src-shared/events';

export type EventListener = (event: CoreEvent) => void;

/** How long changes gather before they go out: one update per run per window, not per request. */
export const FLUSH_MS = 100;

/**
 * Collects what changed in the core and delivers it to subscribers (SSE clients, the Electron
 * window) as coalesced, typed events. A run logging 50 batches a second becomes one
 * `run.updated` per window, and its summary is looked up only when someone is listening.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();
  private readonly changedRuns = new Set<string>();
  private readonly appended = new Map<string, Set<string>>();
  private readonly roots = new Map<string, WatchRoot>();
  private readonly datasets = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly lookupRun: (id: string) => RunSummary | null) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  runChanged(runId: string): void {
    this.changedRuns.add(runId);
    this.schedule();
  }

  pointsAppended(runId: string, keys: Iterable<string>): void {
    let set = this.appended.get(runId);
    if (!set) this.appended.set(runId, (set = new Set()));
    for (const k of keys) set.add(k);
    this.changedRuns.add(runId);
    this.schedule();
  }

  watchChanged(root: WatchRoot): void {
    this.roots.set(root.path, root);
    this.schedule();
  }

  datasetsChanged(names: Iterable<string>): void {
    for (const n of names) this.datasets.add(n);
    this.schedule();
  }

  /**
   * Delivers an event now, uncoalesced: for events whose every instance matters (a promotion's
   * end) or that their source already throttles (its progress).
   */
  emit(event: CoreEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** Delivers pending events now (also used on shutdown and by tests). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const events: CoreEvent[] = [];
    if (this.listeners.size > 0) {
      for (const id of this.changedRuns) {
        const run = this.lookupRun(id);
        if (run) events.push({ type: 'run.updated', data: { run } });
      }
      for (const [runId, keys] of this.appended) events.push({ type: 'points.appended', data: { runId, keys: [...keys] } });
      for (const root of this.roots.values()) events.push({ type: 'watch.changed', data: { root } });
      if (this.datasets.size > 0) events.push({ type: 'datasets.changed', data: { names: [...this.datasets] } });
    }
    this.changedRuns.clear();
    this.appended.clear();
    this.roots.clear();
    this.datasets.clear();
    for (const e of events) for (const l of this.listeners) l(e);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private schedule(): void {
    if (!this.timer) this.timer = setTimeout(() => this.flush(), FLUSH_MS);
  }
}
