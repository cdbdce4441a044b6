// What one compare chart draws, computed from the core's reduced series: the uPlot columns (a
// faint raw line behind each smoothed one), the bands behind them (a reduced series' bucket
// min–max, a group's ±std) and, per legend entry, the drawn line the crosshair reads values from.
import type { ReducedSeries } from '../../../../../src-shared/domain';
import { fromWire } from '../../../../../src-shared/wire-number';
import { alignColumns, type AlignedColumns, type Column } from './align-columns';
import { emaSmooth } from './ema-smoothing';
import { groupStats, type BucketGrid, type RunGroup } from './group-stats';

/** A series as the store holds it: with the grid of the query that answered it. */
export interface GriddedSeries {
  series: ReducedSeries;
  grid: BucketGrid | null;
}

export type EntryState = 'drawn' | 'loading' | 'no-data' | 'no-finite';

/** A legend entry: one run, or one group of runs. */
export interface ChartEntry {
  id: string;
  label: string;
  color: string;
  state: EntryState;
  /** Groups: how many runs have data for the key. */
  runCount: number | null;
  /** The line as drawn (smoothed when smoothing is on), for the crosshair. */
  x: number[];
  y: (number | null)[];
}

/** A filled band: per bucket a rectangle (`steps`), or an area through the points (`area`). */
export interface ChartBand {
  color: string;
  kind: 'steps' | 'area';
  /** steps: the bucket's left edge; area: the point's x. */
  x: number[];
  /** steps: bucket width. */
  width: number;
  lo: number[];
  hi: number[];
}

export interface ChartColumn {
  entry: number;
  role: 'raw' | 'line';
}

export interface ChartModel {
  data: AlignedColumns;
  /** Per data column after x: which entry it belongs to and how it is drawn. */
  columns: ChartColumn[];
  entries: ChartEntry[];
  bands: ChartBand[];
  /** Every drawn series holds all its points in the range (no bucketing). */
  exact: boolean;
  /** Points drawn across all lines (raw ones, not smoothed copies). */
  points: number;
  /** x extent of the charted runs' whole series, ignoring the zoom: grows as runs log. */
  extent: [number, number] | null;
}

export interface ChartRun {
  id: string;
  label: string;
  color: string;
}

export interface ChartModelInput {
  runs: ChartRun[];
  /** Null: one line per run. */
  groups: (RunGroup & { color: string })[] | null;
  /** This key's series by run id; a run missing here has not been answered (or has no data). */
  series: ReadonlyMap<string, GriddedSeries>;
  /** The query is still out: a missing series is loading, not absent. */
  loading: boolean;
  smoothing: number;
  log: boolean;
}

function plotValue(w: ReducedSeries['y'][number], log: boolean): number | null {
  const v = fromWire(w);
  return Number.isFinite(v) && (!log || v > 0) ? v : null;
}

function envelope(s: GriddedSeries, color: string, log: boolean): ChartBand | null {
  const { series, grid } = s;
  if (series.exact || !grid) return null;
  const band: ChartBand = { color, kind: 'steps', x: [], width: grid.width, lo: [], hi: [] };
  for (let j = 0; j < series.bucket.length; j++) {
    const lo = series.bucketMin[j]!;
    const hi = series.bucketMax[j]!;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || (log && lo <= 0)) continue;
    band.x.push(grid.lo + series.bucket[j]! * grid.width);
    band.lo.push(lo);
    band.hi.push(hi);
  }
  return band;
}

interface Line {
  x: number[];
  raw: (number | null)[];
  /** Logged points each drawn point stands for. */
  density: number;
}

function addLine(model: ChartModel, columns: Column[], entry: number, line: Line, smoothing: number) {
  if (smoothing > 0) {
    columns.push({ x: line.x, y: line.raw });
    model.columns.push({ entry, role: 'raw' });
  }
  const drawn = smoothing > 0 ? emaSmooth(line.raw, smoothing, line.density) : line.raw;
  columns.push({ x: line.x, y: drawn });
  model.columns.push({ entry, role: 'line' });
  const e = model.entries[entry]!;
  e.x = line.x;
  e.y = drawn;
  e.state = drawn.some((v) => v !== null) ? 'drawn' : 'no-finite';
  model.points += line.x.length;
}

export function buildChartModel(input: ChartModelInput): ChartModel {
  const { runs, groups, series, loading, smoothing, log } = input;
  const model: ChartModel = { data: [[]], columns: [], entries: [], bands: [], exact: true, points: 0, extent: null };
  for (const s of series.values()) {
    const e = s.series.extent;
    if (e) model.extent = model.extent ? [Math.min(model.extent[0], e[0]), Math.max(model.extent[1], e[1])] : [e[0], e[1]];
  }
  const columns: Column[] = [];
  const missing: EntryState = loading ? 'loading' : 'no-data';

  if (!groups) {
    for (const run of runs) {
      const entry = model.entries.push({ ...run, state: missing, runCount: null, x: [], y: [] }) - 1;
      const s = series.get(run.id);
      if (!s || s.series.x.length === 0) continue;
      const { x, y, exact, total } = s.series;
      model.exact &&= exact;
      const band = envelope(s, run.color, log);
      if (band) model.bands.push(band);
      const raw = y.map((w) => plotValue(w, log));
      addLine(model, columns, entry, { x, raw, density: exact ? 1 : total / x.length }, smoothing);
    }
  } else {
    for (const group of groups) {
      const members = group.runIds.map((id) => series.get(id)).filter((s): s is GriddedSeries => !!s && s.grid !== null && s.series.bucket.length > 0);
      const entry = model.entries.push({ id: group.id, label: group.label, color: group.color, state: missing, runCount: members.length, x: [], y: [] }) - 1;
      const grid = members[0]?.grid;
      if (!grid) continue;
      const stats = groupStats(grid, members.map((m) => ({ grid: m.grid!, bucket: m.series.bucket, bucketMean: m.series.bucketMean })));
      // Group lines are bucket means: never the exact series, whatever the members were.
      model.exact = false;
      const raw = stats.mean.map((m) => (log && m <= 0 ? null : m));
      const band: ChartBand = { color: group.color, kind: 'area', x: [], width: 0, lo: [], hi: [] };
      stats.x.forEach((x, i) => {
        const lo = stats.mean[i]! - stats.std[i]!;
        if (log && lo <= 0) return;
        band.x.push(x);
        band.lo.push(lo);
        band.hi.push(stats.mean[i]! + stats.std[i]!);
      });
      model.bands.push(band);
      const total = members.reduce((n, m) => n + m.series.total, 0);
      addLine(model, columns, entry, { x: stats.x, raw, density: Math.max(1, total / members.length / Math.max(1, stats.x.length)) }, smoothing);
    }
  }
  model.data = alignColumns(columns);
  if (model.points === 0) model.exact = false;
  return model;
}
