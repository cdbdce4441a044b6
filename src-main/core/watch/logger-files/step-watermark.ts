import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import type { NewPoint } from '../../store/metric-point';

/**
 * Keeps only points beyond the highest step already stored for their key. For files that are
 * rewritten whole (trainer_state.json) or restarted (a shrunk CSV): what they repeat is what the
 * store holds, so skipping it never stores a point twice. The stored steps are read once, then
 * advanced by the points kept.
 */
export class StepWatermark {
  private last: Map<string, number> | null = null;

  constructor(
    private readonly store: Store,
    private readonly runId: string,
  ) {}

  keep(p: NewPoint): boolean {
    if (this.last === null) {
      this.last = new Map((this.store.runs.summary(this.runId)?.metrics ?? []).map((m) => [m.key, m.lastStep]));
    }
    const step = p.step ?? 0;
    const last = this.last.get(p.key);
    if (last !== undefined && step <= last) return false;
    this.last.set(p.key, step);
    return true;
  }

  filter(points: NewPoint[]): NewPoint[] {
    return points.filter((p) => this.keep(p));
  }
}

/**
 * Stores the points beyond the run's stored steps (files read whole each time: HF Trainer's
 * state, DVCLive's summary), marks the run alive at `at` when any were new, and announces them.
 * Returns how many were stored.
 */
export function appendBeyondStoredSteps(store: Store, hub: EventHub, runId: string, candidates: NewPoint[], at: number): number {
  if (candidates.length === 0) return 0;
  const kept = store.tx(() => {
    // Inside the transaction: another ingest of the unit may have stored some meanwhile.
    const fresh = new StepWatermark(store, runId).filter(candidates);
    store.metrics.append(runId, fresh);
    if (fresh.length > 0) store.runs.heartbeat(runId, at);
    return fresh;
  });
  if (kept.length > 0) hub.pointsAppended(runId, [...new Set(kept.map((p) => p.key))]);
  return kept.length;
}
