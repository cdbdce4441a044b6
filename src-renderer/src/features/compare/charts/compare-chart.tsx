// One metric of a comparison on a canvas (uPlot): a line per run or group in its colour, the
// bucket envelope or group ±std band behind, a crosshair synced across every chart of the page
// and a drag-select that zooms all of them. The uPlot instance lives as long as the set of
// lines does: new data, a zoom or a resize update it in place, so live updates keep the view.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useElementWidth } from '../../../lib/use-element-width';
import type { XKind } from './axis-format';
import type { ChartModel } from './chart-model';
import { ChartLegend } from './chart-legend';
import { CrosshairLegend, type Hover } from './crosshair-legend';
import { chartOptions, readChartTheme, type ChartRefs } from './uplot-options';
import './compare-chart.css';

const CHART_HEIGHT = 230;
const SYNC_KEY = 'compare-charts';

export interface CompareChartProps {
  metricKey: string;
  model: ChartModel;
  kind: XKind;
  log: boolean;
  range: [number, number] | null;
  /** Nothing to draw yet for any entry: the first answer is still out. */
  loading: boolean;
  error: string | null;
  /** The document's theme: a change redraws the canvas in the new colours. */
  theme: string;
  onZoom: (range: [number, number] | null) => void;
  onToggleLog: () => void;
}

/** What forces a new uPlot: the lines (ids, roles, colours), the axis kind, the y scale, the theme. */
function structureOf(model: ChartModel): string {
  return model.columns.map((c) => `${model.entries[c.entry]!.id}/${c.role}/${model.entries[c.entry]!.color}`).join('|');
}

export const CompareChart = memo(function CompareChart(props: CompareChartProps) {
  const { metricKey, model, kind, log, range, loading, error, theme } = props;
  const [plotRef, width] = useElementWidth<HTMLDivElement>();
  const rootRef = useRef<HTMLElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const refs = useRef<ChartRefs>({ range: { current: range }, bands: { current: model.bands } }).current;
  const [hover, setHover] = useState<Hover | null>(null);
  const structure = useMemo(() => structureOf(model), [model]);
  const hasWidth = width > 0;

  useEffect(() => {
    const target = plotRef.current;
    if (!hasWidth || !target) return;
    const current = latest.current;
    refs.bands.current = current.model.bands;
    const options = chartOptions({
      width: target.clientWidth,
      height: CHART_HEIGHT,
      kind: current.kind,
      log: current.log,
      columns: current.model.columns,
      entries: current.model.entries,
      syncKey: SYNC_KEY,
      theme: readChartTheme(),
      refs,
      callbacks: {
        onSelect: (min, max) => latest.current.onZoom([min, max]),
        onCursor: (u) => {
          const idx = u.cursor.idx;
          // A cursor moved by another chart (sync) has no event of its own: only the chart
          // under the mouse lists values.
          if (u.cursor.event == null || idx == null || u.cursor.left == null || u.cursor.left < 0) return setHover(null);
          setHover({ x: u.data[0][idx]!, left: u.cursor.left + u.over.offsetLeft, plotWidth: u.over.offsetLeft + u.over.clientWidth });
        },
        onDraw: (u) => {
          const root = rootRef.current;
          if (!root) return;
          // For tests and the bench: the drawn scales, and whether the data on screen is final.
          root.dataset.xMin = String(u.scales.x!.min);
          root.dataset.xMax = String(u.scales.x!.max);
          root.dataset.yMin = String(u.scales.y!.min);
          root.dataset.yMax = String(u.scales.y!.max);
          root.dataset.drawn = String(!latest.current.loading);
        },
      },
    });
    const u = new uPlot(options, current.model.data as uPlot.AlignedData, target);
    chart.current = u;
    if (refs.range.current) u.setScale('x', { min: refs.range.current[0], max: refs.range.current[1] });
    const leave = () => setHover(null);
    const reset = () => {
      if (latest.current.range) latest.current.onZoom(null);
    };
    u.over.addEventListener('mouseleave', leave);
    u.over.addEventListener('dblclick', reset);
    return () => {
      u.destroy();
      chart.current = null;
    };
  }, [structure, kind, log, theme, hasWidth, plotRef, refs]);

  useEffect(() => {
    refs.bands.current = model.bands;
    const u = chart.current;
    if (u && u.data !== model.data) u.setData(model.data as uPlot.AlignedData);
  }, [model, refs]);

  useEffect(() => {
    refs.range.current = range;
    const u = chart.current;
    if (!u) return;
    const xs = u.data[0];
    if (range) u.setScale('x', { min: range[0], max: range[1] });
    else if (xs.length > 0) u.setScale('x', { min: xs[0]!, max: xs[xs.length - 1]! });
  }, [range, refs]);

  useEffect(() => {
    if (width > 0) chart.current?.setSize({ width, height: CHART_HEIGHT });
  }, [width]);

  useEffect(() => {
    if (loading && rootRef.current) rootRef.current.dataset.drawn = 'false';
  }, [loading]);

  const grouped = model.entries.some((e) => e.runCount !== null);
  return (
    <section
      ref={rootRef}
      className="compare-chart panel"
      data-testid="compare-chart"
      data-metric-key={metricKey}
      data-exact={String(model.exact)}
      data-points={model.points}
      data-log={String(log)}
      data-extent-max={model.extent?.[1] ?? ''}
    >
      <header className="compare-chart__head">
        <h3 className="compare-chart__title mono" title={metricKey}>
          {metricKey}
        </h3>
        {!grouped && !model.exact && model.points > 0 && (
          <span className="compare-chart__meta muted" title="Reduced to the plot's width: the band is each bucket's min–max, so spikes stay visible">
            min–max band
          </span>
        )}
        {grouped && (
          <span className="compare-chart__meta muted" title="Each group's mean, with a band of ±1 standard deviation across its runs">
            mean ± std
          </span>
        )}
        <button
          type="button"
          className="compare-chart__toggle"
          aria-pressed={log}
          title="Logarithmic y axis"
          data-testid="chart-log-toggle"
          onClick={props.onToggleLog}
        >
          log
        </button>
      </header>
      <div className="compare-chart__plot" ref={plotRef} style={{ height: CHART_HEIGHT }}>
        {hover && <CrosshairLegend hover={hover} entries={model.entries} kind={kind} />}
        {loading && <div className="compare-chart__overlay muted">Loading…</div>}
        {error && !loading && model.points === 0 && <div className="compare-chart__overlay muted">{error}</div>}
      </div>
      <ChartLegend entries={model.entries} />
    </section>
  );
});
