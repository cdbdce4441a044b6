import type { TooltipContentProps } from 'recharts';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DatasetVersion } from '../../../../src-shared/domain';
import { CHART_MARGIN, valueAxisProps } from '../../components/chart-axes';
import { formatBytes, formatCount, formatDateCompact } from '../../../../src-shared/format';
import { useElementWidth } from '../../lib/use-element-width';
import '../run/metric-chart.css';

const HEIGHT = 170;
const ROWS_COLOR = 'var(--accent)';
const SIZE_COLOR = 'var(--warning)';

interface Point {
  version: number;
  rows: number | null;
  size: number | null;
  createdAt: number;
}

function VersionTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <div>
        <strong>v{point.version}</strong> <span className="muted num">{formatDateCompact(point.createdAt)}</span>
      </div>
      <div>
        <span className="muted">rows</span> <span className="num">{point.rows === null ? '—' : formatCount(point.rows)}</span>
      </div>
      <div>
        <span className="muted">size</span> <span className="num">{point.size === null ? '—' : formatBytes(point.size)}</span>
      </div>
    </div>
  );
}

/** Rows (left axis) and size (right axis) over a dataset's versions, oldest first. */
export function VersionsChart({ versions }: { versions: DatasetVersion[] }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const data: Point[] = versions.map((v, i) => ({ version: i + 1, rows: v.rows, size: v.sizeBytes, createdAt: v.createdAt }));
  const hasRows = data.some((p) => p.rows !== null);
  const hasSize = data.some((p) => p.size !== null);
  return (
    <section className="metric-chart panel dataset-chart" data-testid="dataset-chart">
      <header className="metric-chart__head">
        <h2 className="section-title">Over versions</h2>
        <span className="dataset-chart__key">
          {hasRows && (
            <span>
              <i style={{ background: ROWS_COLOR }} /> rows
            </span>
          )}
          {hasSize && (
            <span>
              <i style={{ background: SIZE_COLOR }} /> size
            </span>
          )}
        </span>
      </header>
      <div ref={ref} style={{ height: HEIGHT }}>
        {width > 0 && (
          <LineChart width={width} height={HEIGHT} data={data} margin={{ ...CHART_MARGIN, right: hasSize ? 0 : 12 }}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="version" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tickFormatter={(v: number) => `v${v}`} tickLine={false} height={22} />
            <YAxis yAxisId="rows" {...valueAxisProps} hide={!hasRows} />
            <YAxis yAxisId="size" orientation="right" {...valueAxisProps} width={64} tickFormatter={(v: number) => formatBytes(v)} hide={!hasSize} />
            <Tooltip content={VersionTooltip} isAnimationActive={false} />
            {hasRows && <Line yAxisId="rows" type="linear" dataKey="rows" stroke={ROWS_COLOR} strokeWidth={1.8} dot={{ r: 3, fill: ROWS_COLOR }} isAnimationActive={false} connectNulls />}
            {hasSize && <Line yAxisId="size" type="linear" dataKey="size" stroke={SIZE_COLOR} strokeWidth={1.8} strokeDasharray="4 3" dot={{ r: 3, fill: SIZE_COLOR }} isAnimationActive={false} connectNulls />}
          </LineChart>
        )}
      </div>
    </section>
  );
}
