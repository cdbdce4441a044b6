// Everything a comparison shows, as it lives in the address bar after `#/compare?`: a reload,
// a pasted link or the desktop app's restored window brings back the same view. Unknown or
// malformed fields fall back to their defaults instead of failing the page.
import type { SeriesXAxis } from '../../../src-shared/domain';

import type { MetricDirection } from '../../../src-shared/metric-direction';

export type { MetricDirection };

/** The figure of a metric the run plots use: its last value, or the best it reached. */
export type PlotStat = 'last' | 'best';

export interface CompareView {
  runIds: string[];
  /** Metric keys charted, in order; null: the keys every run shares. */
  keys: string[] | null;
  x: SeriesXAxis;
  /** EMA weight in [0, 0.99]; 0 is off. */
  smoothing: number;
  /** The run others are measured against; null: the first run. */
  baseline: string | null;
  /** Keys drawn on a log y scale. */
  logKeys: string[];
  /** Param keys runs are grouped by (mean ± std per group); empty: one line per run. */
  groupBy: string[];
  /** The zoomed x-range every chart shares; null: everything. */
  range: [number, number] | null;
  /** The params table shows only params whose values differ. */
  diffOnly: boolean;
  /** Directions the user set per metric key; other keys go by their name (loss ↓, acc ↑). */
  directions: Record<string, MetricDirection>;
  /** Params on the parallel-coordinates axes, in order; null: those that differ, up to six. */
  parallelParams: string[] | null;
  /** The metric on the parallel coordinates' last axis; null: the first one. */
  parallelMetric: string | null;
  /** The scatter's x, `param:<key>` or `metric:<key>`; null: the first numeric param that differs. */
  scatterX: string | null;
  /** The metric on the scatter's y; null: the first one. */
  scatterY: string | null;
  plotStat: PlotStat;
}

export const DEFAULT_COMPARE_VIEW: Omit<CompareView, 'runIds'> = {
  keys: null,
  x: 'step',
  smoothing: 0,
  baseline: null,
  logKeys: [],
  groupBy: [],
  range: null,
  diffOnly: true,
  directions: {},
  parallelParams: null,
  parallelMetric: null,
  scatterX: null,
  scatterY: null,
  plotStat: 'last',
};

/** Run ids are `[\w-]+` and keys never hold a comma (contract), so comma lists are unambiguous. */
function list(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))];
}

function xAxis(value: string | null): SeriesXAxis {
  if (value === 'step' || value === 'time' || value === 'relative') return value;
  if (value?.startsWith('metric:') && value.length > 'metric:'.length) return value as SeriesXAxis;
  return 'step';
}

function smoothing(value: string | null): number {
  const n = Number(value);
  return value && Number.isFinite(n) ? Math.min(0.99, Math.max(0, n)) : 0;
}

function range(value: string | null): [number, number] | null {
  const parts = value?.split('~').map(Number);
  if (!parts || parts.length !== 2 || !parts.every(Number.isFinite)) return null;
  const [a, b] = parts as [number, number];
  return a < b ? [a, b] : null;
}

/** Two key lists, `lower=` and `higher=`, so no separator has to be reserved inside a key. */
function directions(lower: string[], higher: string[]): Record<string, MetricDirection> {
  const out: Record<string, MetricDirection> = {};
  for (const key of lower) out[key] = 'min';
  for (const key of higher) out[key] = 'max';
  return out;
}

function keysWith(chosen: Record<string, MetricDirection>, direction: MetricDirection): string[] {
  return Object.keys(chosen).filter((key) => chosen[key] === direction);
}

export function parseCompareView(query: string): CompareView {
  const q = new URLSearchParams(query);
  const keys = list(q.get('keys'));
  return {
    runIds: list(q.get('runs')),
    keys: q.has('keys') ? keys : null,
    x: xAxis(q.get('x')),
    smoothing: smoothing(q.get('smooth')),
    baseline: q.get('base') || null,
    logKeys: list(q.get('log')),
    groupBy: list(q.get('group')),
    range: range(q.get('range')),
    diffOnly: q.get('diff') !== 'all',
    directions: directions(list(q.get('lower')), list(q.get('higher'))),
    parallelParams: q.has('pc') ? list(q.get('pc')) : null,
    parallelMetric: q.get('pcm') || null,
    scatterX: /^(param|metric):./.test(q.get('sx') ?? '') ? q.get('sx') : null,
    scatterY: q.get('sy') || null,
    plotStat: q.get('stat') === 'best' ? 'best' : 'last',
  };
}

/** The query string of a view; fields at their default are left out so links stay short. */
export function compareViewQuery(view: CompareView): string {
  // Built by hand rather than with URLSearchParams so the commas stay readable.
  const enc = (values: string[]) => values.map(encodeURIComponent).join(',');
  const parts = [`runs=${enc(view.runIds)}`];
  if (view.keys !== null) parts.push(`keys=${enc(view.keys)}`);
  if (view.x !== 'step') parts.push(`x=${encodeURIComponent(view.x)}`);
  if (view.smoothing > 0) parts.push(`smooth=${view.smoothing}`);
  if (view.baseline) parts.push(`base=${encodeURIComponent(view.baseline)}`);
  if (view.logKeys.length) parts.push(`log=${enc(view.logKeys)}`);
  if (view.groupBy.length) parts.push(`group=${enc(view.groupBy)}`);
  if (view.range) parts.push(`range=${view.range[0]}~${view.range[1]}`);
  if (!view.diffOnly) parts.push('diff=all');
  const lower = keysWith(view.directions, 'min');
  const higher = keysWith(view.directions, 'max');
  if (lower.length) parts.push(`lower=${enc(lower)}`);
  if (higher.length) parts.push(`higher=${enc(higher)}`);
  if (view.parallelParams !== null) parts.push(`pc=${enc(view.parallelParams)}`);
  if (view.parallelMetric) parts.push(`pcm=${encodeURIComponent(view.parallelMetric)}`);
  if (view.scatterX) parts.push(`sx=${encodeURIComponent(view.scatterX)}`);
  if (view.scatterY) parts.push(`sy=${encodeURIComponent(view.scatterY)}`);
  if (view.plotStat !== 'last') parts.push(`stat=${view.plotStat}`);
  return parts.join('&');
}
