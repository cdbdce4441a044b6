// Whether a metric is better low or high: the name's guess (shared with exported reports),
// unless the user chose otherwise, whose choice is kept in the comparison's URL.
import { inferDirection } from '../../../../src-shared/metric-direction';
import type { MetricDirection } from '../../lib/compare-view';

export { inferDirection };

/** The direction in effect: the user's choice for this key, else the one its name implies. */
export function metricDirection(key: string, chosen: Record<string, MetricDirection>): MetricDirection | null {
  return chosen[key] ?? inferDirection(key);
}
