// The runs table's columns: fixed ones, then the params and metrics most runs share, since a
// key only a handful of runs have would make a mostly empty column.
import type { RunSummary } from '../../../../src-shared/domain';
import { fromWire } from '../../../../src-shared/wire-number';
import { runDurationMs } from '../../components/run-duration';

export type ColumnKind = 'select' | 'swatch' | 'status' | 'name' | 'experiment' | 'startTime' | 'duration' | 'param' | 'metric';

export interface RunColumn {
  /** Also the sort column id: `name`, …, `param:<key>`, `metric:<key>`. */
  id: string;
  kind: ColumnKind;
  /** The param or metric key of a dynamic column. */
  key: string;
  label: string;
  /** A CSS grid track size. */
  width: string;
  /** Narrowest the track gets, to size the table's horizontal scroll. */
  minWidth: number;
  numeric: boolean;
  sortable: boolean;
}

const DYNAMIC_COLUMNS = 4;

function fixed(kind: ColumnKind, label: string, width: string, minWidth: number, numeric = false): RunColumn {
  return { id: kind, kind, key: '', label, width, minWidth, numeric, sortable: kind !== 'swatch' && kind !== 'select' };
}

const FIXED_COLUMNS: RunColumn[] = [
  fixed('select', '', '30px', 30),
  fixed('swatch', '', '28px', 28),
  fixed('status', 'Status', '110px', 110),
  fixed('name', 'Name', 'minmax(170px, 1.8fr)', 170),
  fixed('experiment', 'Experiment', 'minmax(140px, 1.5fr)', 140),
  fixed('startTime', 'Started', '112px', 112, true),
  fixed('duration', 'Duration', '88px', 88, true),
];

/** The keys most runs have, most common first; ties go alphabetically so columns stay put. */
export function commonKeys(runs: RunSummary[], keysOf: (run: RunSummary) => Iterable<string>, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const run of runs) for (const key of keysOf(run)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a, ca], [b, cb]) => cb - ca || a.localeCompare(b))
    .slice(0, limit)
    .map(([key]) => key);
}

export function buildColumns(paramKeys: string[], metricKeys: string[]): RunColumn[] {
  const dynamic = (kind: 'param' | 'metric') => (key: string): RunColumn => ({
    id: `${kind}:${key}`,
    kind,
    key,
    label: key,
    width: 'minmax(84px, 1fr)',
    minWidth: 84,
    numeric: kind === 'metric',
    sortable: true,
  });
  return [...FIXED_COLUMNS, ...paramKeys.map(dynamic('param')), ...metricKeys.map(dynamic('metric'))];
}

export function tableColumns(runs: RunSummary[]): { paramKeys: string[]; metricKeys: string[] } {
  return {
    paramKeys: commonKeys(runs, (run) => Object.keys(run.params), DYNAMIC_COLUMNS),
    metricKeys: commonKeys(runs, (run) => run.metrics.map((m) => m.key), DYNAMIC_COLUMNS),
  };
}

export function lastMetricValue(run: RunSummary, key: string): number | undefined {
  const metric = run.metrics.find((m) => m.key === key);
  return metric ? fromWire(metric.last) : undefined;
}

/** Params are strings on the wire; numeric-looking ones sort as numbers (`lr` 1e-4 < 0.01). */
function paramSortValue(value: string | undefined): string | number | null {
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
    case 'name':
      return run.name || null;
    case 'experiment':
      return run.experiment || null;
    case 'startTime':
      return run.startTime;
    case 'duration':
      return runDurationMs(run, now);
    case 'param':
      return paramSortValue(run.params[column.key]);
    case 'metric': {
      const value = lastMetricValue(run, column.key);
      return value === undefined || Number.isNaN(value) ? null : value;
    }
  }
}
