import { useEffect } from 'react';
import type { MetricSummary } from '../../../../src-shared/domain';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { ErrorBanner } from '../../components/error-banner';
import { Skeleton } from '../../components/skeleton';
import { formatCount } from '../../../../src-shared/format';
import { CHART_MARGIN, stepAxisProps, valueAxisProps } from '../../components/chart-axes';
import { useElementWidth } from '../../lib/use-element-width';
import { useSeenOnce } from '../../lib/use-seen-once';
import { seriesId, useSeriesStore } from '../../stores/series-store';
import { ChartTooltip } from './chart-tooltip';
import './metric-chart.css';

const PLOT_HEIGHT = 200;
/** Roughly one point per horizontal pixel; rounded so small resizes reuse the fetched series. */
function resolutionFor(width: number): number {
  return Math.min(1200, Math.max(200, Math.round(width / 100) * 100));
}

interface MetricChartProps {
  runId: string;
  /** The run summary's view of the key: its last step is exact even when the series is bucketed. */
  summary: MetricSummary;
  color: string;
}

export function MetricChart({ runId, summary, color }: MetricChartProps) {
  const metricKey = summary.key;
  const [plotRef, width] = useElementWidth<HTMLDivElement>();
  const seen = useSeenOnce(plotRef);
  const entry = useSeriesStore((s) => s.entries[seriesId(runId, metricKey)]);
  const request = useSeriesStore((s) => s.request);
  // A run with a hundred metrics fetches only the charts scrolled near the viewport.
  const resolution = width > 0 && seen ? resolutionFor(width) : 0;

  useEffect(() => {
    if (resolution) request(runId, metricKey, resolution);
  }, [runId, metricKey, resolution, request]);

  const view = entry?.view ?? null;
  // A series of one or two points has no line to speak of; dots keep it visible.
  const dot = view && view.points.length < 3 ? { r: 2.5, fill: color, stroke: color } : false;

  return (
    <section className="metric-chart panel" data-testid="run-chart" data-metric-key={metricKey}>
      <header className="metric-chart__head">
        <h3 className="metric-chart__title mono" title={metricKey}>
          {metricKey}
        </h3>
        {view?.nonFinite && (
          <span className="metric-chart__warning" data-testid="nonfinite-badge" title="NaN and ±Infinity values are drawn as gaps">
            contains NaN/Inf
          </span>
        )}
        <span className="metric-chart__meta muted num">
          step <span data-testid="last-step">{formatCount(summary.lastStep)}</span> ·{' '}
          <span data-testid="points-count">{view ? formatCount(view.total) : '…'}</span> pts
          {view?.downsampled && (
            <span className="metric-chart__sampled" title="Downsampled: the line is each bucket's mean, the band its min–max">
              {' '}
              · mean, range
            </span>
          )}
        </span>
      </header>
      <div className="metric-chart__plot" ref={plotRef} style={{ height: PLOT_HEIGHT }}>
        {entry?.status === 'error' && !view && (
          <ErrorBanner message={entry.error ?? 'Could not load the series'} onRetry={() => request(runId, metricKey, resolution)} />
        )}
        {!view && entry?.status !== 'error' && <Skeleton rows={5} height={22} />}
        {view && view.points.length === 0 && <p className="muted metric-chart__none">No points yet.</p>}
        {view && view.points.length > 0 && width > 0 && (
          <ComposedChart width={width} height={PLOT_HEIGHT} data={view.points} margin={CHART_MARGIN}>
            <CartesianGrid vertical={false} />
            <XAxis {...stepAxisProps(width)} />
            <YAxis {...valueAxisProps} />
            <Tooltip content={ChartTooltip} isAnimationActive={false} />
            {view.downsampled && (
              <Area
                type="linear"
                dataKey="band"
                stroke="none"
                fill={color}
                fillOpacity={0.2}
                isAnimationActive={false}
                activeDot={false}
              />
            )}
            <Line
              type="linear"
              dataKey="value"
              stroke={color}
              strokeWidth={1.6}
              dot={dot}
              activeDot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        )}
      </div>
    </section>
  );
}
