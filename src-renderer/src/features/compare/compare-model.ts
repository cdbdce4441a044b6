// What the compare page shows, computed from run summaries: which params differ (grouped by
// their config section), which metric keys every run shares, and each run's figures for them
// against the baseline run and against the direction in which the metric improves.
import type { RunSummary } from '../../../../src-shared/domain';
import { fromWire } from '../../../../src-shared/wire-number';
import type { MetricDirection, PlotStat } from '../../lib/compare-view';
import { flattenParams, splitParamKey } from './param-flatten';

export interface ParamRow {
  /** The flat key (`model.depth`); `name` is it without the group (`depth`). */
  key: string;
  name: string;
  /** One per run, in column order; undefined where the run has no such param. */
  values: (string | undefined)[];
  /** Not every run has the same value (a missing param counts as a value of its own). */
  differs: boolean;
  /** Per run: its value is not the baseline's. */
  fromBaseline: boolean[];
}

export interface ParamGroup {
  /** The first part of the keys (`model`, `optimizer`); '' for keys without one. */
  name: string;
  rows: ParamRow[];
  differing: number;
}

/** Each run's params, JSON configs flattened; one entry per run, in order. */
export function runParams(runs: RunSummary[]): Record<string, string>[] {
  return runs.map((run) => flattenParams(run.params));
}

export function paramRows(params: Record<string, string>[], baselineIndex: number): ParamRow[] {
  const keys = [...new Set(params.flatMap((p) => Object.keys(p)))].sort((a, b) => a.localeCompare(b));
  return keys.map((key) => {
    const values = params.map((p) => p[key]);
    const base = values[baselineIndex];
    return {
      key,
      name: splitParamKey(key).name,
      values,
      differs: values.some((v) => v !== values[0]),
      fromBaseline: values.map((v) => v !== base),
    };
  });
}

/**
 * Rows under their group, ungrouped keys first, then groups by name. A group of one key is not
 * worth a header of its own, so its row joins the ungrouped ones under its full key.
 */
export function paramGroups(rows: ParamRow[]): ParamGroup[] {
  const byGroup = new Map<string, ParamRow[]>();
  for (const row of rows) {
    const group = splitParamKey(row.key).group;
    byGroup.set(group, [...(byGroup.get(group) ?? []), row]);
  }
  const loose: ParamRow[] = [];
  const groups: ParamGroup[] = [];
  for (const [name, members] of byGroup) {
    if (name === '' || members.length === 1) loose.push(...members.map((row) => ({ ...row, name: row.key })));
    else groups.push({ name, rows: members, differing: members.filter((r) => r.differs).length });
  }
  groups.sort((a, b) => a.name.localeCompare(b.name));
  loose.sort((a, b) => a.key.localeCompare(b.key));
  return loose.length ? [{ name: '', rows: loose, differing: loose.filter((r) => r.differs).length }, ...groups] : groups;
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

/** Metric keys any compared run has, in key order: the plots can leave out a run without one. */
export function allMetricKeys(runs: RunSummary[]): string[] {
  return [...new Set(runs.flatMap((run) => run.metrics.map((m) => m.key)))].sort((a, b) => a.localeCompare(b));
}

export type Verdict = 'better' | 'worse' | 'same';

export interface MetricFigures {
  runId: string;
  last: number;
  min: number | null;
  max: number | null;
  /** The step where the best value (min or max, by direction) was first reached. */
  bestStep: number | null;
  /** `last` minus the baseline's `last`; null for the baseline itself or when either is not finite. */
  delta: number | null;
  /** What the delta means given the direction; null when the direction is unknown. */
  verdict: Verdict | null;
  /** This run reached the best value of all runs (ties all count). */
  isBest: boolean;
}

/** The best value a run reached, by direction; null when unknown or never finite. */
function bestValue(min: number | null, max: number | null, direction: MetricDirection | null): number | null {
  if (direction === null) return null;
  return direction === 'min' ? min : max;
}

export function metricFigures(runs: RunSummary[], key: string, baselineIndex: number, direction: MetricDirection | null): MetricFigures[] {
  const figures = runs.map((run) => {
    const m = run.metrics.find((x) => x.key === key);
    // minStep/maxStep arrived after the first summaries did; older cores leave them out.
    const bestStep = direction === null ? null : ((direction === 'min' ? m?.minStep : m?.maxStep) ?? null);
    return { runId: run.id, last: m ? fromWire(m.last) : NaN, min: m?.min ?? null, max: m?.max ?? null, bestStep };
  });
  const bests = figures.map((f) => bestValue(f.min, f.max, direction)).filter((v): v is number => v !== null);
  const best = bests.length === 0 ? null : direction === 'min' ? Math.min(...bests) : Math.max(...bests);
  const base = figures[baselineIndex]?.last ?? NaN;
  return figures.map((f, i) => {
    const delta = i === baselineIndex || !Number.isFinite(f.last) || !Number.isFinite(base) ? null : f.last - base;
    return { ...f, delta, verdict: verdict(delta, direction), isBest: best !== null && bestValue(f.min, f.max, direction) === best };
  });
}

function verdict(delta: number | null, direction: MetricDirection | null): Verdict | null {
  if (delta === null || direction === null) return null;
  if (delta === 0) return 'same';
  return (delta < 0) === (direction === 'min') ? 'better' : 'worse';
}

/** One figure of a run's metric for the plots; "best" falls back to last when the direction is unknown. */
export function metricStat(run: RunSummary, key: string, stat: PlotStat, direction: MetricDirection | null): number | null {
  const m = run.metrics.find((x) => x.key === key);
  if (!m) return null;
  const value = stat === 'best' && direction !== null ? bestValue(m.min, m.max, direction) : fromWire(m.last);
  return value !== null && Number.isFinite(value) ? value : null;
}
