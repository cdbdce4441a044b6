import type { TooltipContentProps } from 'recharts';
import { formatCount, formatNumber } from '../../../../src-shared/format';
import type { ChartPoint } from '../../stores/series-store';

/** Step and value of the point under the cursor; the bucket's range too when downsampled. */
export function ChartTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <div>
        <span className="muted">step</span> <span className="num">{formatCount(point.step)}</span>
      </div>
      <div>
        <span className="muted">value</span> <span className="num">{point.value === null ? 'NaN/Inf' : formatNumber(point.value, 6)}</span>
      </div>
      {point.band && (
        <div className="muted num">
          range {formatNumber(point.band[0], 4)} … {formatNumber(point.band[1], 4)}
        </div>
      )}
    </div>
  );
}
