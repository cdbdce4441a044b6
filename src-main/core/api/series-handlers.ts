// Metric series for charts: one run's key for the run page, and many runs × keys over one
// shared bucket grid for comparisons. Both reduce through reduce-series, the one downsampler.
import type { Handlers, ParsedInput } from '../../../src-shared/contract';
import type { MetricSeries, ReducedSeries, SeriesQueryResult } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import { toWire } from '../../../src-shared/wire-number';
import type { Store } from '../store/store';
import type { SeriesColumns } from '../store/metric-point';
import { bucketGrid, bucketOf, unionExtent, type BucketGrid, type XRange } from '../series/bucket-grid';
import { reduceSeries } from '../series/reduce-series';
import { xReader, type SeriesRun, type XSeries } from '../series/series-x';
import { checkExists } from './run-writes';

const DEFAULT_SERIES_POINTS = 1000;
/** M4 keeps up to four points per bucket. */
const POINTS_PER_BUCKET = 4;

export function createSeriesHandlers(store: Store): Pick<Handlers, 'getMetricSeries' | 'querySeries'> {
  return {
    getMetricSeries: ({ id, key, points, minStep, maxStep }) => {
      checkExists(store, id);
      const cols = store.metrics.read(id, key, minStep, maxStep);
      if (!cols) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Run ${id} has no metric '${key}'`);
      return runPageSeries(id, key, cols, points ?? DEFAULT_SERIES_POINTS);
    },
    querySeries: (input) => querySeries(store, input),
  };
}

/**
 * The run page's chart: every point when the series fits in `target`, otherwise M4 over
 * target / 4 buckets of step, so the line stays within `target` points and puts every spike
 * where it was; each point carries its bucket's finite min and max as the envelope.
 */
function runPageSeries(runId: string, key: string, cols: SeriesColumns, target: number): MetricSeries {
  const n = cols.step.length;
  const base = { runId, key, total: n };
  if (n === 0) return { ...base, downsampled: false, step: [], timestamp: [], value: [], min: [], max: [] };
  const grid = bucketGrid({ min: cols.step[0]!, max: cols.step[n - 1]! }, Math.max(1, Math.floor(target / POINTS_PER_BUCKET)), true);
  const r = reduceSeries(cols.step, cols.value, grid, { exactUpTo: target });
  const step = r.picks.map((i) => cols.step[i]!);
  const timestamp = r.picks.map((i) => cols.timestamp[i]!);
  const value = r.picks.map((i) => toWire(cols.value[i]!));
  if (r.exact) return { ...base, downsampled: false, step, timestamp, value, min: value, max: value };
  const min: MetricSeries['min'] = [];
  const max: MetricSeries['max'] = [];
  let at = 0;
  for (const s of step) {
    const b = bucketOf(grid, s);
    while (at < r.bucket.length && r.bucket[at]! < b) at++;
    const has = r.bucket[at] === b;
    min.push(has ? r.bucketMin[at]! : 'NaN');
    max.push(has ? r.bucketMax[at]! : 'NaN');
  }
  return { ...base, downsampled: true, step, timestamp, value, min, max };
}

/**
 * Series come run by run, each run's keys in the order asked. With a range, or on the step axis
 * (extents from the chunk index), the grid is known before any point is read, so series are read
 * and reduced one at a time; other axes without a range hold every series until the union of
 * their extents is known.
 */
function querySeries(store: Store, q: ParsedInput<'querySeries'>): SeriesQueryResult {
  const runs: SeriesRun[] = [];
  const unknown = new Set<string>();
  for (const id of q.runIds) {
    const startTime = store.runs.startTime(id);
    if (startTime === null) unknown.add(id);
    else runs.push({ id, startTime });
  }
  if (unknown.size > 0) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Unknown run ids: ${[...unknown].join(', ')}`);
  const pairs = runs.flatMap((run) => q.keys.map((key) => ({ run, key })));
  const read = xReader(store, q.x, q.range);
  const gridOn = (span: XRange | null): BucketGrid | null => span && bucketGrid(span, q.buckets, q.x === 'step');
  const known = q.range ?? (q.x === 'step' ? unionExtent(pairs.map((p) => store.metrics.stepExtent(p.run.id, p.key))) : undefined);
  if (known !== undefined) {
    const grid = gridOn(known);
    const series = pairs.map((p) => reduced(p.run.id, p.key, read(p.run, p.key), grid, q.range));
    return { grid: series.some((s) => s.extent) ? grid : null, series };
  }
  const loaded = pairs.map((p) => ({ ...p, cols: read(p.run, p.key) }));
  const grid = gridOn(unionExtent(loaded.map((l) => l.cols?.extent ?? null)));
  return { grid, series: loaded.map((l) => reduced(l.run.id, l.key, l.cols, grid, q.range)) };
}

function reduced(runId: string, key: string, cols: XSeries | null, grid: BucketGrid | null, range: ParsedInput<'querySeries'>['range']): ReducedSeries {
  const empty: ReducedSeries = { runId, key, total: 0, extent: cols?.extent ?? null, exact: true, x: [], y: [], step: [], bucket: [], bucketMean: [], bucketMin: [], bucketMax: [] };
  if (!cols || !grid) return empty;
  const r = reduceSeries(cols.x, cols.value, grid, { range });
  return {
    ...empty,
    total: r.total,
    exact: r.exact,
    x: r.picks.map((i) => cols.x[i]!),
    y: r.picks.map((i) => toWire(cols.value[i]!)),
    step: r.picks.map((i) => cols.step[i]!),
    bucket: r.bucket,
    bucketMean: r.bucketMean,
    bucketMin: r.bucketMin,
    bucketMax: r.bucketMax,
  };
}
