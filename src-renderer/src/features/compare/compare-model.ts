// What the compare page shows, computed from run summaries: which params differ, which metric
// keys every run shares, and each run's figures for them against the baseline run.
import type { RunSummary } from '../../../../src-shared/domain';
import { fromWire } from '../../../../src-shared/wire-number';

export interface ParamRow {
  key: string;
  /** One per run, in column order; undefined where the run has no such param. */
  values: (string | undefined)[];
  /** Not every run has the same value (a missing param counts as a value of its own). */
  differs: boolean;
  /** Per run: its value is not the baseline's. */
  fromBaseline: boolean[];
}

export function paramRows(runs: RunSummary[], baselineIndex: number): ParamRow[] {
  const keys = [...new Set(runs.flatMap((run) => Object.keys(run.params)))].sort((a, b) => a.localeCompare(b));
  return keys.map((key) => {
    const values = runs.map((run) => run.params[key]);
    const base = values[baselineIndex];
    return { key, values, differs: values.some((v) => v !== values[0]), fromBaseline: values.map((v) => v !== base) };
  });
}

/** Metric keys every compared run has, in key order. */
export function sharedMetricKeys(runs: RunSummary[]): string[] {
  if (runs.length === 0) return [];
  const [first, ...rest] = runs;
  return first!.metrics
    .map((m) => m.key)
    .filter((key) => rest.every((run) => run.metrics.some((m) => m.key === key)))
    .sort((a, b) => a.localeCompare(b));
}

export interface MetricFigures {
  runId: string;
  last: number;
  min: number | null;
  max: number | null;
  /** `last` minus the baseline's `last`; null for the baseline itself or when either is not finite. */
  delta: number | null;
}

export function metricFigures(runs: RunSummary[], key: string, baselineIndex: number): MetricFigures[] {
  const figures = runs.map((run) => {
    const m = run.metrics.find((x) => x.key === key);
    return { runId: run.id, last: m ? fromWire(m.last) : NaN, min: m?.min ?? null, max: m?.max ?? null };
  });
  const base = figures[baselineIndex]?.last ?? NaN;
  return figures.map((f, i) => ({
    ...f,
    delta: i === baselineIndex || !Number.isFinite(f.last) || !Number.isFinite(base) ? null : f.last - base,
  }));
}
