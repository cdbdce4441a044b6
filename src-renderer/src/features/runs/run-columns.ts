// The runs table's columns: fixed ones, then dynamic ones over params, tags and metric
// summaries. The user may choose the dynamic ones; until then the table shows the params and
// metrics most runs share, since a key only a handful of runs have would make a mostly empty column.
import type { RunSummary } from '../../../../src-shared/domain';
import { fromWire } from '../../../../src-shared/wire-number';
import { runDurationMs } from '../../components/run-duration';
import { syncRank } from '../sync/sync-state';

export type DynamicKind = 'param' | 'tag' | 'metric';
export type ColumnKind = 'select' | 'swatch' | 'status' | 'sync' | 'name' | 'experiment' | 'startTime' | 'duration' | DynamicKind;
/** Which figure of a metric's series a column shows. */
export type MetricStat = 'last' | 'min' | 'max';
export const METRIC_STATS: readonly MetricStat[] = ['last', 'min', 'max'];

export interface RunColumn {
  /** Also the sort column id: `name`, …, `param:<key>`, `tag:<key>`, `metric:<key>`, `metric-min:<key>`, `metric-max:<key>`. */
  id: string;
  kind: ColumnKind;
  /** The param, tag or metric key of a dynamic column. */
  key: string;
  /** Metric columns only. */
  stat?: MetricStat;
  label: string;
  /** A CSS grid track size. */
  width: string;
  /** Narrowest the track gets, to size the table's horizontal scroll. */
  minWidth: number;
  numeric: boolean;
  sortable: boolean;
}

const AUTOMATIC_PER_KIND = 4;

function fixed(kind: ColumnKind, label: string, width: string, minWidth: number, numeric = false): RunColumn {
  return { id: kind, kind, key: '', label, width, minWidth, numeric, sortable: kind !== 'swatch' && kind !== 'select' };
}

const FIXED_COLUMNS: RunColumn[] = [
  fixed('select', '', '30px', 30),
  fixed('swatch', '', '28px', 28),
  fixed('status', 'Status', '110px', 110),
  fixed('sync', 'Sync', '112px', 112),
  fixed('name', 'Name', 'minmax(170px, 1.8fr)', 170),
  fixed('experiment', 'Experiment', 'minmax(140px, 1.5fr)', 140),
  fixed('startTime', 'Started', '112px', 112, true),
  fixed('duration', 'Duration', '88px', 88, true),
];

/** Id prefixes, in the order the kinds' groups appear left to right. */
const PREFIXES: ReadonlyArray<{ prefix: string; kind: DynamicKind; stat?: MetricStat }> = [
  { prefix: 'param:', kind: 'param' },
  { prefix: 'tag:', kind: 'tag' },
  { prefix: 'metric:', kind: 'metric', stat: 'last' },
  { prefix: 'metric-min:', kind: 'metric', stat: 'min' },
  { prefix: 'metric-max:', kind: 'metric', stat: 'max' },
];
const KIND_ORDER: readonly DynamicKind[] = ['param', 'tag', 'metric'];

export function columnId(kind: DynamicKind, key: string, stat: MetricStat = 'last'): string {
  if (kind !== 'metric') return `${kind}:${key}`;
  return stat === 'last' ? `metric:${key}` : `metric-${stat}:${key}`;
}

/** The dynamic column an id names, or null for a fixed or unknown id. */
export function dynamicColumn(id: string): RunColumn | null {
  const match = PREFIXES.find((p) => id.startsWith(p.prefix));
  const key = match ? id.slice(match.prefix.length) : '';
  if (!match || !key) return null;
  return {
    id,
    kind: match.kind,
    key,
    ...(match.stat ? { stat: match.stat } : {}),
    label: key,
    // A min or max column's header also carries its figure's badge.
    width: match.stat && match.stat !== 'last' ? 'minmax(124px, 1fr)' : 'minmax(90px, 1fr)',
    minWidth: match.stat && match.stat !== 'last' ? 124 : 90,
    numeric: match.kind === 'metric',
    sortable: true,
  };
}

/** Any column by id, shown or not: a saved view may sort by a column it does not show. */
export function columnById(id: string): RunColumn | null {
  return FIXED_COLUMNS.find((c) => c.id === id) ?? dynamicColumn(id);
}

/**
 * The fixed columns, then the dynamic ones grouped by kind (params, tags, metrics) so each
 * group gets one label above it. Within a kind they keep the order given, except that one
 * metric's figures (last, min, max) sit side by side, where they are read together.
 * The sync column shows only `withSync` (some run was pushed or pulled): until a team remote is
 * used it would be empty.
 */
export function buildColumns(dynamicIds: readonly string[], withSync = false): RunColumn[] {
  const dynamic = [...new Set(dynamicIds)].map(dynamicColumn).filter((c): c is RunColumn => c !== null);
  const firstOfKey = new Map<string, number>();
  dynamic.forEach((c, i) => {
    if (c.kind === 'metric' && !firstOfKey.has(c.key)) firstOfKey.set(c.key, i);
  });
  const rank = (c: RunColumn) => KIND_ORDER.indexOf(c.kind as DynamicKind);
  const place = (c: RunColumn) => (c.kind === 'metric' ? firstOfKey.get(c.key)! : 0);
  const fixedShown = withSync ? FIXED_COLUMNS : FIXED_COLUMNS.filter((c) => c.kind !== 'sync');
  return [...fixedShown, ...dynamic.sort((a, b) => rank(a) - rank(b) || place(a) - place(b))];
}

/** The keys most runs have, most common first; ties go alphabetically so columns stay put. */
export function commonKeys(runs: RunSummary[], keysOf: (run: RunSummary) => Iterable<string>, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const run of runs) for (const key of keysOf(run)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a, ca], [b, cb]) => cb - ca || a.localeCompare(b))
    .slice(0, limit)
    .map(([key]) => key);
}

/** The default dynamic columns: the most common params, then the most common metrics' last values. */
export function automaticColumnIds(runs: RunSummary[]): string[] {
  return [
    ...commonKeys(runs, (run) => Object.keys(run.params), AUTOMATIC_PER_KIND).map((key) => columnId('param', key)),
    ...commonKeys(runs, (run) => run.metrics.map((m) => m.key), AUTOMATIC_PER_KIND).map((key) => columnId('metric', key)),
  ];
}

/** Every param, tag and metric key any run has, each list sorted, for the column chooser. */
export function availableKeys(runs: RunSummary[]): Record<DynamicKind, string[]> {
  const params = new Set<string>();
  const tags = new Set<string>();
  const metrics = new Set<string>();
  for (const run of runs) {
    for (const key in run.params) params.add(key);
    for (const key in run.tags) tags.add(key);
    for (const m of run.metrics) metrics.add(m.key);
  }
  const sorted = (keys: Set<string>) => [...keys].sort((a, b) => a.localeCompare(b));
  return { param: sorted(params), tag: sorted(tags), metric: sorted(metrics) };
}

/** A metric's last, smallest or largest value; min and max count finite values only. */
export function metricValue(run: RunSummary, key: string, stat: MetricStat = 'last'): number | undefined {
  const metric = run.metrics.find((m) => m.key === key);
  if (!metric) return undefined;
  if (stat === 'last') return fromWire(metric.last);
  return (stat === 'min' ? metric.min : metric.max) ?? undefined;
}

/** Params and tags are strings; numeric-looking ones sort as numbers (`lr` 1e-4 < 0.01). */
function textSortValue(value: string | undefined): string | number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

export function sortValue(run: RunSummary, column: RunColumn, now: number): string | number | null {
  switch (column.kind) {
    case 'select':
    case 'swatch':
      return null;
    case 'status':
      return run.status;
    case 'sync':
      return syncRank(run.sync);
    case 'name':
      return run.name || null;
    case 'experiment':
      return run.experiment || null;
    case 'startTime':
      return run.startTime;
    case 'duration':
      return runDurationMs(run, now);
    case 'param':
      return textSortValue(run.params[column.key]);
    case 'tag':
      return textSortValue(run.tags[column.key]);
    case 'metric': {
      const value = metricValue(run, column.key, column.stat);
      return value === undefined || Number.isNaN(value) ? null : value;
    }
  }
}
