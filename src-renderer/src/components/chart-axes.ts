// The axes every metric chart shares (run page and comparison), as props for recharts' XAxis and
// YAxis: steps on x with ticks spaced by the chart's width so labels never overlap, compact
// numbers on both axes.
import { formatTick } from '../../../src-shared/format';

/** Pixels per x tick: wide enough for a compact label like "19.9k". */
const X_TICK_SPACING = 90;

export const CHART_MARGIN = { top: 6, right: 12, bottom: 0, left: 0 };

export function stepAxisProps(width: number) {
  return {
    dataKey: 'step',
    type: 'number' as const,
    domain: ['dataMin', 'dataMax'] as [string, string],
    allowDecimals: false,
    tickCount: Math.max(2, Math.floor(width / X_TICK_SPACING)),
    tickFormatter: formatTick,
    tickLine: false,
    minTickGap: 12,
    height: 22,
  };
}

export const valueAxisProps = {
  type: 'number' as const,
  domain: ['auto', 'auto'] as [string, string],
  tickCount: 5,
  tickFormatter: formatTick,
  tickLine: false,
  axisLine: false,
  width: 56,
};
