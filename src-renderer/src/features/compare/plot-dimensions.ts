// What the run plots put on an axis: a param (`param:lr`, from the flattened params) or a
// metric's figure (`metric:val/loss`, its last or best value). The ids are the ones the URL
// keeps (`sx=param:lr`), so a link names its axes the way the picker does.
import type { RunSummary } from '../../../../src-shared/domain';
import type { MetricDirection, PlotStat } from '../../lib/compare-view';
import { metricStat } from './compare-model';
import { metricDirection } from '../../../../src-shared/metric-direction';
import type { PlotValue } from './parallel-axes';

export type Dimension = { kind: 'param'; key: string } | { kind: 'metric'; key: string };

export const paramDim = (key: string) => `param:${key}`;
export const metricDim = (key: string) => `metric:${key}`;

export function parseDim(id: string): Dimension | null {
  const at = id.indexOf(':');
  const kind = id.slice(0, at);
  const key = id.slice(at + 1);
  return (kind === 'param' || kind === 'metric') && key ? { kind, key } : null;
}

export interface PlotInputs {
  runs: RunSummary[];
  /** Flattened params, one per run. */
  params: Record<string, string>[];
  stat: PlotStat;
  directions: Record<string, MetricDirection>;
}

/** Per run, its value on the dimension: param text, a metric figure, or null. */
export function dimValues(dim: Dimension, { runs, params, stat, directions }: PlotInputs): PlotValue[] {
  if (dim.kind === 'param') return params.map((p) => p[dim.key]);
  const direction = metricDirection(dim.key, directions);
  return runs.map((run) => metricStat(run, dim.key, stat, direction));
}

/** How the figure reads next to a metric's name: `val/loss (best ↓)`. */
export function metricFigureLabel(key: string, { stat, directions }: Pick<PlotInputs, 'stat' | 'directions'>): string {
  const direction = metricDirection(key, directions);
  if (stat === 'last' || direction === null) return `${key} (last)`;
  return `${key} (best ${direction === 'min' ? '↓' : '↑'})`;
}
