// The data a comparison report is made from: the runs, the params that differ, and a summary of
// each chosen metric. Every list is sorted so the same runs and options give the same report.
import type { LineageGraph, MetricSummary, RunSummary, WireNumber } from '../../../src-shared/domain';
import { parseFilter } from '../../../src-shared/search/filter-parser';
import { RUN_SEARCH } from '../../../src-shared/search/filter-schema';
import { metricDirection, type MetricDirection } from '../../../src-shared/metric-direction';
import { fromWire, toWire } from '../../../src-shared/wire-number';
import { focusSubgraph } from '../lineage/focus-subgraph';
import { buildLineageGraph } from '../lineage/lineage-graph';
import { readLineage } from '../lineage/lineage-rows';
import { runNodeId } from '../lineage/node-ids';
import { searchRuns } from '../search/run-search';
import { bucketGrid, unionExtent } from '../series/bucket-grid';
import { reduceSeries } from '../series/reduce-series';
import type { Store } from '../store/store';

export interface ReportOptions {
  /** Run ids, in the order the report shows them; or a runs filter (MLflow syntax). */
  runs: { ids: readonly string[] } | { filter: string };
  baseline?: string | undefined;
  /** Metric keys; default: the keys every run logged. */
  metrics?: readonly string[] | undefined;
  /** Include each metric's series, downsampled by step to this many buckets (M4, the charts' reducer). */
  seriesBuckets?: number | undefined;
  /** Include what each run's inputs came from (its upstream lineage). */
  lineage?: boolean | undefined;
  /** Metric keys charted on a log10 y axis, as the compare view's `log=` sets them; each must be a report metric. */
  logKeys?: readonly string[] | undefined;
  /** Which way a metric improves where the user said so (the compare view's ↓/↑); others go by their name. */
  directions?: Readonly<Record<string, MetricDirection>> | undefined;
}

/** One run's series of one metric along steps; every point when `exact`. */
export interface ReportSeries {
  key: string;
  runId: string;
  total: number;
  exact: boolean;
  step: number[];
  value: WireNumber[];
}

export interface ReportRun {
  id: string;
  name: string;
  experiment: string;
  status: string;
  startTime: number;
  endTime: number | null;
  sourceKind: string;
  sourcePath: string | null;
  /** Tags without the ones that look like secrets. */
  tags: Record<string, string>;
}

/** One param across the runs: its value per run id (absent → null). */
export interface ParamRow {
  key: string;
  values: Record<string, string | null>;
  differs: boolean;
}

export interface MetricCell {
  last: number | null;
  lastStep: number;
  min: number | null;
  minStep: number | null;
  max: number | null;
  maxStep: number | null;
  /** `last` minus the baseline run's `last`; null without a baseline or a number on either side. */
  deltaVsBaseline: number | null;
}

export interface MetricRow {
  key: string;
  /** Charted on a log10 y axis. */
  logScale: boolean;
  /** Which way is better: the user's choice, else what the name says (inferDirection); null when neither says. */
  direction: MetricDirection | null;
  byRun: Record<string, MetricCell>;
}

export interface ReportData {
  baseline: string | null;
  runs: ReportRun[];
  params: ParamRow[];
  metrics: MetricRow[];
  /** Present only when series were asked for: by metric key (in `metrics` order), then run. */
  series?: ReportSeries[];
  /** Present only when lineage was asked for: each run's upstream graph, in `runs` order. */
  lineage?: RunLineage[];
}

/** A run and everything upstream of it: its input datasets, the runs that made them, and theirs. */
export interface RunLineage {
  runId: string;
  /** Nodes and edges sorted by id, so the same lineage gives the same report; empty without inputs. */
  graph: LineageGraph;
}

/** Tag keys that look like they hold a secret; such tags never reach a report. */
export const SECRET_KEY = /(token|secret|password|passwd|api[_-]?key|credential|auth)/i;

export class ReportError extends Error {}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedRecord(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => byKey(a, b)));
}

function pickRuns(store: Store, runs: ReportOptions['runs']): RunSummary[] {
  if ('ids' in runs) {
    if (runs.ids.length === 0) throw new ReportError('no runs given');
    const unknown = runs.ids.filter((id) => !store.runs.exists(id));
    if (unknown.length > 0) throw new ReportError(`unknown run id(s): ${unknown.join(', ')}`);
    return [...new Set(runs.ids)].map((id) => store.runs.summary(id)!);
  }
  const found = searchRuns(store, parseFilter(runs.filter, RUN_SEARCH)).found;
  if (found.length === 0) throw new ReportError(`no runs match the filter '${runs.filter}'`);
  // A filter has no order of its own: oldest first, then by id.
  return [...found].sort((a, b) => a.startTime - b.startTime || byKey(a.id, b.id));
}

function paramRows(runs: readonly RunSummary[]): ParamRow[] {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort(byKey);
  return keys.map((key) => {
    const values = Object.fromEntries(runs.map((r) => [r.id, r.params[key] ?? null]));
    return { key, values, differs: new Set(Object.values(values)).size > 1 };
  });
}

function cell(m: MetricSummary, base: MetricSummary | undefined): MetricCell {
  const last = fromWire(m.last);
  const baseLast = base ? fromWire(base.last) : NaN;
  const delta = Number.isFinite(last) && Number.isFinite(baseLast) ? last - baseLast : null;
  return {
    last: Number.isFinite(last) ? last : null,
    lastStep: m.lastStep,
    min: m.min,
    minStep: m.minStep,
    max: m.max,
    maxStep: m.maxStep,
    deltaVsBaseline: delta,
  };
}

/** The report's data without series (see loadReportData, which adds them). */
export function buildReportData(store: Store, opts: Omit<ReportOptions, 'seriesBuckets'>): ReportData {
  const runs = pickRuns(store, opts.runs);
  const baseline = opts.baseline ?? null;
  if (baseline !== null && !runs.some((r) => r.id === baseline)) throw new ReportError(`baseline '${baseline}' is not one of the report's runs`);

  const keysOf = (r: RunSummary) => new Set(r.metrics.map((m) => m.key));
  let keys: string[];
  if (opts.metrics && opts.metrics.length > 0) {
    const missing = opts.metrics.filter((k) => !runs.some((r) => keysOf(r).has(k)));
    if (missing.length > 0) throw new ReportError(`unknown metric key(s): ${missing.join(', ')}`);
    keys = [...new Set(opts.metrics)];
  } else {
    const [first, ...rest] = runs.map(keysOf);
    keys = [...first!].filter((k) => rest.every((s) => s.has(k))).sort(byKey);
  }

  const known = new Set(keys);
  const strays = [...(opts.logKeys ?? []), ...Object.keys(opts.directions ?? {})].filter((k) => !known.has(k));
  if (strays.length > 0) throw new ReportError(`not among the report's metrics: ${[...new Set(strays)].join(', ')}`);
  const logKeys = new Set(opts.logKeys ?? []);
  const chosen = opts.directions ?? {};

  const baseRun = runs.find((r) => r.id === baseline);
  const metrics: MetricRow[] = keys.map((key) => {
    const base = baseRun?.metrics.find((m) => m.key === key);
    const byRun: Record<string, MetricCell> = {};
    for (const r of runs) {
      const m = r.metrics.find((x) => x.key === key);
      if (m) byRun[r.id] = cell(m, base);
    }
    return { key, logScale: logKeys.has(key), direction: metricDirection(key, chosen), byRun };
  });

  const data: ReportData = {
    baseline,
    runs: runs.map((r) => ({
      id: r.id,
      name: r.name,
      experiment: r.experiment,
      status: r.status,
      startTime: r.startTime,
      endTime: r.endTime,
      sourceKind: r.sourceKind,
      sourcePath: r.sourcePath,
      tags: sortedRecord(Object.fromEntries(Object.entries(r.tags).filter(([k]) => !SECRET_KEY.test(k)))),
    })),
    params: paramRows(runs),
    metrics,
  };
  if (opts.lineage) data.lineage = runLineage(store, runs);
  return data;
}

function runLineage(store: Store, runs: readonly RunSummary[]): RunLineage[] {
  const whole = buildLineageGraph(readLineage(store.db));
  const present = new Set(whole.nodes.map((n) => n.id));
  const edgeKey = (e: LineageGraph['edges'][number]) => `${e.from} ${e.to} ${e.kind}`;
  return runs.map((r) => {
    const focus = runNodeId(r.id);
    if (!present.has(focus)) return { runId: r.id, graph: { nodes: [], edges: [] } };
    const g = focusSubgraph(whole, focus, 'upstream');
    return {
      runId: r.id,
      graph: { nodes: [...g.nodes].sort((a, b) => byKey(a.id, b.id)), edges: [...g.edges].sort((a, b) => byKey(edgeKey(a), edgeKey(b))) },
    };
  });
}

export interface ReportProgress {
  phase: string;
  done: number;
  total: number;
}

/**
 * The report's data with each metric's series when `seriesBuckets` is given, read one key at a
 * time: a large export tells how far it is and yields between keys, so the server keeps
 * answering while it works.
 */
export async function loadReportData(store: Store, opts: ReportOptions, onProgress?: (p: ReportProgress) => void): Promise<ReportData> {
  const data = buildReportData(store, opts);
  const buckets = opts.seriesBuckets;
  if (buckets === undefined) return data;
  const runIds = data.runs.map((r) => r.id);
  data.series = [];
  for (const [i, m] of data.metrics.entries()) {
    onProgress?.({ phase: `reading series of ${m.key}`, done: i, total: data.metrics.length });
    await new Promise((resolve) => setImmediate(resolve));
    data.series.push(...keySeries(store, runIds, m.key, buckets));
  }
  return data;
}

/** One key's series of each run over one step grid shared by the runs, so their buckets line up. */
function keySeries(store: Store, runIds: readonly string[], key: string, buckets: number): ReportSeries[] {
  const span = unionExtent(runIds.map((id) => store.metrics.stepExtent(id, key)));
  if (!span) return [];
  const grid = bucketGrid(span, Math.max(1, buckets), true);
  return runIds.flatMap((runId) => {
    const cols = store.metrics.readStepValues(runId, key);
    if (!cols) return [];
    const red = reduceSeries(cols.step, cols.value, grid);
    return [{ key, runId, total: red.total, exact: red.exact, step: red.picks.map((i) => cols.step[i]!), value: red.picks.map((i) => toWire(cols.value[i]!)) }];
  });
}
