// One metric, one line per run in the run's colour. Each series is fetched at about 500
// points; when the core had to bucket it, the bucket's min–max envelope is drawn faintly
// behind the line, so a spike averaged away still shows.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Area, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from 'recharts';
import type { RunSummary } from '../../../../src-shared/domain';
import { runColor } from '../../../../src-shared/run-color';
import { Skeleton } from '../../components/skeleton';
import { CHART_MARGIN, stepAxisProps, valueAxisProps } from '../../components/chart-axes';
import { useElementWidth } from '../../lib/use-element-width';
import { seriesId, useSeriesStore, type SeriesEntry } from '../../stores/series-store';
import '../run/metric-chart.css';

const PLOT_HEIGHT = 220;
const SERIES_POINTS = 500;

export function CompareChart({ runs, metricKey }: { runs: RunSummary[]; metricKey: string }) {
  const [plotRef, width] = useElementWidth<HTMLDivElement>();
  const request = useSeriesStore((s) => s.request);
  const entries = useSeriesStore(useShallow((s) => runs.map((run) => s.entries[seriesId(run.id, metricKey)])));

  useEffect(() => {
    for (const run of runs) request(run.id, metricKey, SERIES_POINTS);
  }, [runs, metricKey, request]);

  const loaded = entries.map((entry, i) => ({ run: runs[i]!, view: entry?.view ?? null }));
  const ready = loaded.every((l) => l.view !== null);
  const failed = entries.find((e: SeriesEntry | undefined) => e?.status === 'error');

  return (
    <section className="metric-chart panel" data-testid="compare-chart" data-metric-key={metricKey}>
      <header className="metric-chart__head">
        <h3 className="metric-chart__title mono" title={metricKey}>
          {metricKey}
        </h3>
        {loaded.some((l) => l.view?.downsampled) && (
          <span className="metric-chart__meta muted" title="Downsampled: each line is the bucket mean, the band its min–max">
            mean, range
          </span>
        )}
      </header>
      <div className="metric-chart__plot" ref={plotRef} style={{ height: PLOT_HEIGHT }}>
        {failed && <p className="muted metric-chart__none">{failed.error}</p>}
        {!ready && !failed && <Skeleton rows={5} height={24} />}
        {ready && width > 0 && (
          <ComposedChart width={width} height={PLOT_HEIGHT} margin={CHART_MARGIN}>
            <CartesianGrid vertical={false} />
            <XAxis {...stepAxisProps(width)} allowDuplicatedCategory={false} />
            <YAxis {...valueAxisProps} />
            {loaded.map(({ run, view }) =>
              view?.downsampled ? (
                <Area
                  key={`band-${run.id}`}
                  data={view.points}
                  type="linear"
                  dataKey="band"
                  stroke="none"
                  fill={runColor(run.id)}
                  fillOpacity={0.12}
                  isAnimationActive={false}
                  activeDot={false}
                />
              ) : null,
            )}
            {loaded.map(({ run, view }) => (
              <Line
                key={run.id}
                data={view!.points}
                type="linear"
                dataKey="value"
                name={run.name || run.id}
                stroke={runColor(run.id)}
                strokeWidth={1.6}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        )}
      </div>
    </section>
  );
}
