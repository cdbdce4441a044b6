// The "Runs" plots: one mark per run rather than one curve per step, for seeing how params relate
// to outcomes across a sweep. Every choice (axes, metric, last or best) lives in the URL view like
// the rest of the comparison; the defaults are the params that differ and the first shared metric.
import { useMemo } from 'react';
import type { RunSummary } from '../../../../src-shared/domain';
import type { CompareView, PlotStat } from '../../lib/compare-view';
import { allMetricKeys, paramRows, runParams, sharedMetricKeys } from './compare-model';
import { inferDirection } from '../../../../src-shared/metric-direction';
import { asNumbers, buildAxis } from './parallel-axes';
import { ParallelCoordinates, type ParallelAxis } from './parallel-coordinates';
import { dimValues, metricDim, metricFigureLabel, paramDim, parseDim, type PlotInputs } from './plot-dimensions';
import { RunScatter } from './run-scatter';
// The tooltip and the scatter's axes look like the metric charts'.
import '../run/metric-chart.css';
import './runs-plots.css';

/** More axes than this and the labels have no room; the picker still allows it. */
const DEFAULT_AXES = 6;

const pick = (chosen: string | null, options: string[], fallback: string | undefined) => (chosen && options.includes(chosen) ? chosen : fallback);

interface RunsPlotsProps {
  runs: RunSummary[];
  view: CompareView;
  onChange: (patch: Partial<CompareView>) => void;
}

export function RunsPlots({ runs, view, onChange }: RunsPlotsProps) {
  const params = useMemo(() => runParams(runs), [runs]);
  const rows = useMemo(() => paramRows(params, 0), [params]);
  const metrics = useMemo(() => allMetricKeys(runs), [runs]);
  // A metric whose name says which way is better (a loss, an accuracy) is likelier the outcome
  // of interest than, say, grad_norm.
  const shared = sharedMetricKeys(runs);
  const firstMetric = shared.find((key) => inferDirection(key) !== null) ?? shared[0] ?? metrics[0];
  const inputs: PlotInputs = useMemo(() => ({ runs, params, stat: view.plotStat, directions: view.directions }), [runs, params, view.plotStat, view.directions]);

  const paramKeys = useMemo(() => rows.map((r) => r.key), [rows]);
  const numericParams = useMemo(() => new Set(rows.filter((r) => asNumbers(r.values) !== null && r.values.some((v) => v !== undefined)).map((r) => r.key)), [rows]);
  /** Numeric params, the one with the most distinct values first: the most telling default x. */
  const scatterParams = useMemo(() => {
    const distinct = (values: (string | undefined)[]) => new Set(values).size;
    return rows
      .filter((r) => numericParams.has(r.key))
      .sort((a, b) => distinct(b.values) - distinct(a.values))
      .map((r) => r.key);
  }, [rows, numericParams]);

  return (
    <section className="compare-section panel run-plots" data-testid="runs-plots">
      <header className="compare-section__head">
        <h2 className="section-title">Runs</h2>
        <label className="run-plots__control">
          metrics as
          <select value={view.plotStat} onChange={(e) => onChange({ plotStat: e.target.value as PlotStat })} data-testid="plot-stat">
            <option value="last">last value</option>
            <option value="best">best value</option>
          </select>
        </label>
        <span className="muted compare-section__note">one line or dot per run · hover for values, click to open the run</span>
      </header>
      <div className="run-plots__grid">
        <ParallelPanel rows={rows} paramKeys={paramKeys} metrics={metrics} firstMetric={firstMetric} inputs={inputs} view={view} onChange={onChange} />
        <ScatterPanel paramKeys={paramKeys} numericParams={numericParams} scatterParams={scatterParams} metrics={metrics} firstMetric={firstMetric} inputs={inputs} view={view} onChange={onChange} />
      </div>
    </section>
  );
}

interface PanelProps {
  paramKeys: string[];
  metrics: string[];
  firstMetric: string | undefined;
  inputs: PlotInputs;
  view: CompareView;
  onChange: (patch: Partial<CompareView>) => void;
}

function ParallelPanel({ rows, paramKeys, metrics, firstMetric, inputs, view, onChange }: PanelProps & { rows: ReturnType<typeof paramRows> }) {
  const chosen = useMemo(
    () => (view.parallelParams ?? rows.filter((r) => r.differs).map((r) => r.key).slice(0, DEFAULT_AXES)).filter((k) => paramKeys.includes(k)),
    [view.parallelParams, rows, paramKeys],
  );
  const metric = pick(view.parallelMetric, metrics, firstMetric);
  const axes: ParallelAxis[] = useMemo(() => {
    const dims = [...chosen.map((key) => ({ id: paramDim(key), label: key })), ...(metric ? [{ id: metricDim(metric), label: metricFigureLabel(metric, inputs) }] : [])];
    return dims.map(({ id, label }) => {
      const values = dimValues(parseDim(id)!, inputs);
      return { id, label, values, axis: buildAxis(id, values) };
    });
  }, [chosen, metric, inputs]);
  const setParams = (next: string[]) => onChange({ parallelParams: next });
  const addable = paramKeys.filter((k) => !chosen.includes(k));

  return (
    <div className="run-plots__panel" data-testid="parallel-panel">
      <div className="run-plots__controls">
        <span className="run-plots__caption">Parallel coordinates</span>
        {chosen.map((key) => (
          <span key={key} className="run-plots__chip mono" data-testid="pc-param" data-key={key}>
            {key}
            <button type="button" className="quiet" onClick={() => setParams(chosen.filter((k) => k !== key))} title={`Remove the ${key} axis`} data-testid="pc-remove">
              ×
            </button>
          </span>
        ))}
        {addable.length > 0 && (
          <select value="" onChange={(e) => setParams([...chosen, e.target.value])} data-testid="pc-add" aria-label="Add a param axis">
            <option value="">+ param</option>
            {addable.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        )}
        {metrics.length > 0 && (
          <label className="run-plots__control">
            metric
            <select value={metric} onChange={(e) => onChange({ parallelMetric: e.target.value })} data-testid="pc-metric">
              {metrics.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {paramKeys.length === 0 ? (
        <p className="muted run-plots__empty" data-testid="pc-empty">
          No run logged params, so there are no axes to draw.
        </p>
      ) : chosen.length === 0 ? (
        <p className="muted run-plots__empty" data-testid="pc-empty">
          {view.parallelParams === null ? 'Every param is the same in these runs. ' : ''}Add a param axis with <b>+ param</b>.
        </p>
      ) : (
        <ParallelCoordinates runs={inputs.runs} axes={axes} />
      )}
    </div>
  );
}

function ScatterPanel({ paramKeys, numericParams, scatterParams, metrics, firstMetric, inputs, view, onChange }: PanelProps & { numericParams: Set<string>; scatterParams: string[] }) {
  const y = pick(view.scatterY, metrics, firstMetric);
  const options = [...paramKeys.map(paramDim), ...metrics.map(metricDim)];
  const fallbackX = scatterParams.map(paramDim)[0] ?? metrics.filter((k) => k !== y).map(metricDim)[0];
  const x = pick(view.scatterX, options, fallbackX);
  const xDim = x ? parseDim(x) : null;
  const xValues = xDim ? dimValues(xDim, inputs) : [];
  const xs = asNumbers(xValues);
  const ys = y ? asNumbers(dimValues({ kind: 'metric', key: y }, inputs)) : null;
  const xLabel = xDim ? (xDim.kind === 'param' ? xDim.key : metricFigureLabel(xDim.key, inputs)) : '';

  let empty: string | null = null;
  if (metrics.length === 0) empty = 'No run logged a metric: a scatter needs one on y.';
  else if (!x) empty = `Only one metric (${y}) and no numeric param: there is nothing to plot it against.`;
  else if (!xs) {
    const sample = [...new Set(xValues.filter((v) => v !== undefined && v !== null))].slice(0, 3).join(', ');
    empty = `“${xDim!.key}” is not numeric (${sample}…): a scatter needs numbers on x. Pick a numeric param or a metric.`;
  }

  return (
    <div className="run-plots__panel" data-testid="scatter-panel">
      <div className="run-plots__controls">
        <span className="run-plots__caption">Scatter</span>
        <label className="run-plots__control">
          x
          <select value={x ?? ''} onChange={(e) => onChange({ scatterX: e.target.value })} data-testid="scatter-x" disabled={options.length === 0}>
            {paramKeys.length > 0 && (
              <optgroup label="Params">
                {paramKeys.map((k) => (
                  <option key={k} value={paramDim(k)}>
                    {k}
                    {numericParams.has(k) ? '' : ' (text)'}
                  </option>
                ))}
              </optgroup>
            )}
            {metrics.length > 0 && (
              <optgroup label="Metrics">
                {metrics.map((k) => (
                  <option key={k} value={metricDim(k)}>
                    {k}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <label className="run-plots__control">
          y
          <select value={y ?? ''} onChange={(e) => onChange({ scatterY: e.target.value })} data-testid="scatter-y" disabled={metrics.length === 0}>
            {metrics.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      </div>
      {empty !== null ? (
        <p className="muted run-plots__empty" data-testid="scatter-empty">
          {empty}
        </p>
      ) : (
        <RunScatter runs={inputs.runs} xs={xs!} ys={ys!} xLabel={xLabel} yLabel={metricFigureLabel(y!, inputs)} />
      )}
    </div>
  );
}
