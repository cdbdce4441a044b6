import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../../stores/ui-store';
import type { RunColumn } from './run-columns';

const KIND_TITLES = { param: 'Param', metric: 'Last value of metric' } as const;

export function RunsTableHeader({ columns }: { columns: RunColumn[] }) {
  const { sort, toggleSort } = useUiStore(useShallow((s) => ({ sort: s.sort, toggleSort: s.toggleSort })));
  return (
    <div role="row" className="runs-table__header" data-testid="runs-table-header">
      {columns.map((column) => {
        const active = sort.column === column.id;
        const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
        const kindTitle = column.kind === 'param' || column.kind === 'metric' ? KIND_TITLES[column.kind] : '';
        return (
          <div
            role="columnheader"
            key={column.id}
            aria-sort={ariaSort}
            className={`runs-table__cell runs-table__cell--${column.kind}${column.numeric ? ' num' : ''}`}
          >
            {column.sortable && (
              <button
                type="button"
                className="runs-table__sort"
                data-testid={`sort-${column.id}`}
                title={kindTitle ? `${kindTitle}: ${column.key}` : `Sort by ${column.label.toLowerCase()}`}
                onClick={() => toggleSort(column.id, !column.numeric)}
              >
                {column.kind === 'param' && <span className="runs-table__kind">P</span>}
                {column.kind === 'metric' && <span className="runs-table__kind">M</span>}
                <span className="runs-table__label">{column.label}</span>
                <span className="runs-table__arrow" aria-hidden>
                  {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
