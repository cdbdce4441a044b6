// What the runs table shows: the active runs, narrowed by the server-side query (when one is
// applied and valid) and the "newer data available" toggle, filtered by the text box, sorted by
// the chosen column. A deleted run leaves the table at once and returns if restored; the runs
// store keeps it, so a page open on it can say it was deleted instead of spinning.
// Derived here from the stores on each change, never stored a second time.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RunSummary } from '../../../../src-shared/domain';
import { useActiveRuns } from '../../stores/runs-store';
import { useRunQueryStore } from '../../stores/run-query-store';
import { useUiStore } from '../../stores/ui-store';
import { filterRuns, sortRuns } from './filter-sort-runs';
import { automaticColumnIds, buildColumns, type RunColumn } from './run-columns';

export interface RunTable {
  columns: RunColumn[];
  /** The dynamic columns' ids: the chosen ones, or the automatic ones while none are chosen. */
  dynamicIds: string[];
  rows: RunSummary[];
  /** Every active run, before the query and the filter. */
  all: RunSummary[];
}

export function useRunTable(): RunTable {
  const all = useActiveRuns();
  const { filter, sort, chosenColumns, newerDataOnly } = useUiStore(
    useShallow((s) => ({ filter: s.filter, sort: s.sort, chosenColumns: s.columns, newerDataOnly: s.newerDataOnly })),
  );
  const matchIds = useRunQueryStore((s) => s.matchIds);
  const automatic = useMemo(() => automaticColumnIds(all), [all]);
  // Keyed on the ids so a live update that leaves them unchanged keeps the columns.
  const columnSig = (chosenColumns.length > 0 ? chosenColumns : automatic).join('\n');
  const dynamicIds = useMemo(() => (columnSig ? columnSig.split('\n') : []), [columnSig]);
  const withSync = useMemo(() => all.some((run) => run.sync !== null), [all]);
  const columns = useMemo(() => buildColumns(dynamicIds, withSync), [dynamicIds, withSync]);
  const queried = useMemo(
    () => (matchIds || newerDataOnly ? all.filter((run) => (!matchIds || matchIds.has(run.id)) && (!newerDataOnly || run.newerDataAvailable)) : all),
    [all, matchIds, newerDataOnly],
  );
  const filtered = useMemo(() => filterRuns(queried, filter), [queried, filter]);
  const rows = useMemo(() => sortRuns(filtered, sort, Date.now()), [filtered, sort]);
  return { columns, dynamicIds, rows, all };
}
