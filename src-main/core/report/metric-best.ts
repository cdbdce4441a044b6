// Which run did best on a metric, as the compare view tells it: the direction is the row's (the
// user's choice, else the metric's name: loss ↓, accuracy ↑), and without one there is no "best" to claim.
import type { MetricCell, MetricRow } from './report-data';

export interface MetricBest {
  direction: 'min' | 'max' | null;
  /** Each run's step of its best value (min or max by direction); null when the direction is unknown. */
  stepOf: (cell: MetricCell) => number | null;
  /** The runs that reached the best value of all (ties all count); empty when the direction is unknown. */
  bestRuns: ReadonlySet<string>;
}

export function metricBest(row: MetricRow): MetricBest {
  const direction = row.direction;
  if (direction === null) return { direction, stepOf: () => null, bestRuns: new Set() };
  const valueOf = (c: MetricCell) => (direction === 'min' ? c.min : c.max);
  const values = Object.values(row.byRun).map(valueOf).filter((v): v is number => v !== null);
  const best = values.length === 0 ? null : direction === 'min' ? Math.min(...values) : Math.max(...values);
  const bestRuns = new Set(Object.entries(row.byRun).filter(([, c]) => best !== null && valueOf(c) === best).map(([id]) => id));
  return { direction, stepOf: (c) => (direction === 'min' ? c.minStep : c.maxStep), bestRuns };
}
