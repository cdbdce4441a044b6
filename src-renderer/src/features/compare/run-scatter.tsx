// One dot per run: x a numeric param or a metric figure, y a metric figure, in the run's colour.
// recharts draws 500 dots without trouble; its animation is off so a changed axis redraws at
// once. Clicking a dot opens the run.
import type { TooltipContentProps } from 'recharts';
import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunSummary } from '../../../../src-shared/domain';
import { useRunColor } from '../../components/run-colors';
import { RunSwatch } from '../../components/run-swatch';
import { formatNumber, formatTick } from '../../../../src-shared/format';
import { navigate } from '../../lib/hash-router';
import { useElementWidth } from '../../lib/use-element-width';
import { wantsLogScale } from './parallel-axes';

const HEIGHT = 320;

interface ScatterPoint {
  run: RunSummary;
  x: number;
  y: number;
}

interface RunScatterProps {
  runs: RunSummary[];
  xs: (number | null)[];
  ys: (number | null)[];
  xLabel: string;
  yLabel: string;
}

function ScatterTooltip({ active, payload, xLabel, yLabel }: TooltipContentProps & { xLabel: string; yLabel: string }) {
  const point = payload?.[0]?.payload as ScatterPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip" data-testid="scatter-tooltip">
      <div className="pc-tooltip__run">
        <RunSwatch runId={point.run.id} />
        <b>{point.run.name || point.run.id.slice(0, 12)}</b>
      </div>
      <div className="pc-tooltip__row">
        <span className="muted">{xLabel}</span> <span className="num mono">{formatNumber(point.x)}</span>
      </div>
      <div className="pc-tooltip__row">
        <span className="muted">{yLabel}</span> <span className="num mono">{formatNumber(point.y)}</span>
      </div>
    </div>
  );
}

function Dot(props: { cx?: number; cy?: number; payload?: ScatterPoint }) {
  const { cx, cy, payload } = props;
  const runColor = useRunColor();
  if (cx === undefined || cy === undefined || !payload) return <g />;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={4}
      fill={runColor(payload.run.id)}
      fillOpacity={0.85}
      className="scatter-dot"
      data-testid="scatter-dot"
      data-run-id={payload.run.id}
      onClick={() => navigate({ page: 'run', runId: payload.run.id })}
    />
  );
}

export function RunScatter({ runs, xs, ys, xLabel, yLabel }: RunScatterProps) {
  const [frameRef, width] = useElementWidth<HTMLDivElement>();
  const points: ScatterPoint[] = runs.flatMap((run, i) => {
    const x = xs[i];
    const y = ys[i];
    return x !== null && x !== undefined && y !== null && y !== undefined ? [{ run, x, y }] : [];
  });
  const missing = runs.length - points.length;
  const xLog = wantsLogScale(points.map((p) => p.x));
  const yLog = wantsLogScale(points.map((p) => p.y));

  return (
    <div className="scatter-frame" ref={frameRef} data-testid="run-scatter" data-dots={points.length}>
      {width > 0 && (
        <ScatterChart width={width} height={HEIGHT} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="2 3" />
          <XAxis
            type="number"
            dataKey="x"
            name={xLabel}
            scale={xLog ? 'log' : 'auto'}
            domain={['auto', 'auto']}
            tickFormatter={formatTick}
            tickLine={false}
            label={{ value: `${xLabel}${xLog ? ' (log)' : ''}`, position: 'insideBottom', offset: -14, className: 'scatter-axis-label' }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={yLabel}
            scale={yLog ? 'log' : 'auto'}
            domain={['auto', 'auto']}
            tickFormatter={formatTick}
            tickLine={false}
            axisLine={false}
            width={56}
          />
          <Tooltip content={(props) => <ScatterTooltip {...props} xLabel={xLabel} yLabel={yLabel} />} isAnimationActive={false} cursor={{ strokeDasharray: '3 3' }} />
          <Scatter data={points} shape={Dot} isAnimationActive={false} />
        </ScatterChart>
      )}
      <p className="muted run-plots__foot">
        y: {yLabel}
        {yLog ? ' (log)' : ''}
        {missing > 0 && ` · ${missing} ${missing === 1 ? 'run has' : 'runs have'} no value here and ${missing === 1 ? 'is' : 'are'} left out`}
      </p>
    </div>
  );
}
