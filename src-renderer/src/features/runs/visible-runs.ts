// What the runs table shows: the active runs, narrowed by the server-side query (when one is
// applied and valid), filtered by the text box, sorted by the chosen column. A deleted run leaves the table at once and returns if restored; the runs store keeps
// it, so a page open on it can say it was deleted instead of spinning.
// Derived here from the stores on each change, never stored a second time.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RunSummary } from '../../../../src-shared/domain';
import { useRunsStore } from '../../stores/runs-store';
import { useRunQueryStore } from '../../stores/run-query-store';
import { useUiStore } from '../../stores/ui-store';
import { filterRuns, sortRuns } from './filter-sort-runs';
import { buildColumns, tableColumns, type RunColumn } from './run-columns';

export interface RunTable {
  columns: RunColumn[];
  rows: RunSummary[];
  total: number;
}

export function useRunTable(): RunTable {
  const byId = useRunsStore((s) => s.byId);
  const { filter, sort } = useUiStore(useShallow((s) => ({ filter: s.filter, sort: s.sort })));
  const matchIds = useRunQueryStore((s) => s.matchIds);
  const all = useMemo(() => Object.values(byId).filter((run) => run.lifecycleStage !== 'deleted'), [byId]);
  const { paramKeys, metricKeys } = useMemo(() => tableColumns(all), [all]);
  // Keyed on the key names so a live update that leaves them unchanged keeps the columns.
  const paramSig = paramKeys.join('\n');
  const metricSig = metricKeys.join('\n');
  const columns = useMemo(() => buildColumns(paramKeys, metricKeys), [paramSig, metricSig]);
  const queried = useMemo(() => (matchIds ? all.filter((run) => matchIds.has(run.id)) : all), [all, matchIds]);
  const filtered = useMemo(() => filterRuns(queried, filter), [queried, filter]);
  const rows = useMemo(() => sortRuns(filtered, sort, columns, Date.now()), [filtered, sort, columns]);
  return { columns, rows, total: all.length };
}
