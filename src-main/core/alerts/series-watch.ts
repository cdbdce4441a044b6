// non-finite and threshold: every point newly stored in a watched key is examined (not only the
// last value of a batch), reading each series from a per-(run, key) cursor in stored order.
import type { AlertRule, ThresholdOp } from '../../../src-shared/alerts';
import type { StoredSeries } from '../store/stored-series';
import type { AlertDraft } from './alert-draft';
import { nonFiniteMessage, thresholdMessage } from './alert-messages';
import type { ActiveRule } from './rule-book';

/** Points decoded per read: bounds memory when a batch (or a first read) holds millions. */
const PAGE = 65_536;

/**
 * Where a series without a cursor starts: `start` examines all its points (a run that began
 * while the core ran, or a key new since then); `now` only points stored after this batch
 * (history: a run first seen that began before the core started, an old folder, a pulled run).
 */
export type FirstRead = 'start' | 'now';

interface RunCursors {
  firstRead: FirstRead;
  /** Points of each key already examined, in stored order. */
  examined: Map<string, number>;
}

/** The state a point puts a rule in: "beyond" raises on the way in and re-arms on the way out. */
type Beyond = (value: number) => boolean;

const BEYOND: Record<ThresholdOp, (v: number, t: number) => boolean> = {
  '>': (v, t) => v > t,
  '>=': (v, t) => v >= t,
  '<': (v, t) => v < t,
  '<=': (v, t) => v <= t,
};

function beyondOf(rule: AlertRule): Beyond {
  if (rule.kind === 'non-finite') return (v) => !Number.isFinite(v);
  const test = BEYOND[rule.op!];
  const threshold = rule.value!;
  // NaN compares false: it is "not beyond" (the non-finite rules are the ones that watch it).
  return (v) => test(v, threshold);
}

export class SeriesWatch {
  private readonly runs = new Map<string, RunCursors>();

  constructor(private readonly series: StoredSeries) {}

  /**
   * The runs RUNNING when alerts started and their series: points stored before then are not
   * re-examined, and a key they log for the first time after it is examined from its start.
   */
  seed(runIds: Iterable<string>, counts: Iterable<{ runId: string; key: string; count: number }>): void {
    for (const id of runIds) this.cursors(id, 'start');
    for (const c of counts) this.cursors(c.runId, 'start').examined.set(c.key, c.count);
  }

  /**
   * The alerts raised by points appended to `keys` of a run. A rule raises at most once per
   * key per batch: a value flapping around a threshold a thousand times in one batch is one
   * alert, not a thousand.
   */
  onPoints(runId: string, keys: readonly string[], firstRead: FirstRead, rules: readonly ActiveRule[]): AlertDraft[] {
    const run = this.cursors(runId, firstRead);
    const counts = this.series.counts(runId);
    const drafts: AlertDraft[] = [];
    for (const key of keys) {
      const stored = counts.get(key);
      if (stored === undefined) continue;
      const from = run.examined.get(key) ?? (run.firstRead === 'start' ? 0 : stored);
      run.examined.set(key, stored);
      if (stored <= from) continue;
      const watching = rules.filter((r) => r.matches(key));
      if (watching.length > 0) drafts.push(...this.examine(runId, key, from, stored, watching));
    }
    return drafts;
  }

  private cursors(runId: string, firstRead: FirstRead): RunCursors {
    let run = this.runs.get(runId);
    if (!run) this.runs.set(runId, (run = { firstRead, examined: new Map() }));
    return run;
  }

  /** Points from..to of the key; the point before `from` tells whether each rule was already beyond. */
  private examine(runId: string, key: string, from: number, to: number, watching: readonly ActiveRule[]): AlertDraft[] {
    const rules = watching.map(({ rule }) => ({ rule, beyond: beyondOf(rule), was: false, raised: false }));
    if (from > 0) {
      const prev = this.series.readNearEnd(runId, key, from - 1, 1).value[0]!;
      for (const r of rules) r.was = r.beyond(prev);
    }
    const drafts: AlertDraft[] = [];
    for (let at = from; at < to; at += PAGE) {
      const page = this.series.readNearEnd(runId, key, at, Math.min(PAGE, to - at));
      for (const r of rules) {
        for (let i = 0; i < page.value.length && !r.raised; i++) {
          const v = page.value[i]!;
          const now = r.beyond(v);
          if (now && !r.was) {
            r.raised = true;
            drafts.push(draft(r.rule, runId, key, v, page.step[i]!));
          }
          r.was = now;
        }
      }
    }
    return drafts;
  }
}

function draft(rule: AlertRule, runId: string, key: string, value: number, step: number): AlertDraft {
  const message = rule.kind === 'non-finite' ? nonFiniteMessage(key, value, step) : thresholdMessage(key, rule.op!, rule.value!, value, step);
  return { rule, runId, message, metric: key, value, step };
}
