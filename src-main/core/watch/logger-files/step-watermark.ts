import type { Store } from '../../store/store';
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
