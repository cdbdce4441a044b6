import { useShallow } from 'zustand/react/shallow';
import type { RunSummary } from '../../../../src-shared/domain';
import { useSelectionStore } from '../../stores/selection-store';
import { useUiStore } from '../../stores/ui-store';
import type { ColumnKind, RunColumn } from './run-columns';

const GROUP_LABELS: Partial<Record<ColumnKind, string>> = { param: 'Params', tag: 'Tags', metric: 'Metrics' };

/** Runs of adjacent dynamic columns of one kind, labelled once above them (grid lines are 1-based). */
function columnGroups(columns: RunColumn[]) {
  const groups: Array<{ kind: ColumnKind; label: string; start: number; span: number; allLast: boolean }> = [];
  columns.forEach((column, index) => {
    const label = GROUP_LABELS[column.kind];
    if (!label) return;
    const last = groups[groups.length - 1];
    const isLast = column.stat === 'last';
    if (last && last.kind === column.kind) {
      last.span += 1;
      last.allLast &&= isLast;
    } else groups.push({ kind: column.kind, label, start: index + 1, span: 1, allLast: isLast });
  });
  // Metric columns show the last value unless marked min or max; say so when all of them do.
  return groups.map((g) => (g.kind === 'metric' && g.allLast ? { ...g, label: `${g.label} · last value` } : g));
}

function headerTitle(column: RunColumn): string {
  if (!column.key) return `Sort by ${column.label.toLowerCase()}`;
  const stat = column.stat && column.stat !== 'last' ? ` (${column.stat})` : '';
  return `${GROUP_LABELS[column.kind]}: ${column.key}${stat}`;
}

/** "Select all visible": checked when every row shown is, mixed when some are. */
function SelectAllBox({ rows }: { rows: RunSummary[] }) {
  const { checked, toggleAll } = useSelectionStore(useShallow((s) => ({ checked: s.checked, toggleAll: s.toggleAll })));
  const count = rows.filter((run) => checked.includes(run.id)).length;
  return (
    <input
      type="checkbox"
      checked={count > 0 && count === rows.length}
      ref={(box) => {
        if (box) box.indeterminate = count > 0 && count < rows.length;
      }}
      onChange={() => toggleAll(rows.map((run) => run.id))}
      aria-label="Select all visible runs"
      title="Select all visible runs"
      data-testid="run-check-all"
    />
  );
}

export function RunsTableHeader({ columns, rows }: { columns: RunColumn[]; rows: RunSummary[] }) {
  const { sort, toggleSort } = useUiStore(useShallow((s) => ({ sort: s.sort, toggleSort: s.toggleSort })));
  return (
    <div role="row" className="runs-table__header" data-testid="runs-table-header">
      {columnGroups(columns).map((group) => (
        <div
          key={group.kind}
          className="runs-table__group"
          style={{ gridColumn: `${group.start} / span ${group.span}`, gridRow: 1 }}
          aria-hidden
        >
          {group.label}
        </div>
      ))}
      {columns.map((column, index) => {
        const active = sort.column === column.id;
        const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
        return (
          <div
            role="columnheader"
            key={column.id}
            aria-sort={ariaSort}
            style={{ gridColumn: index + 1, gridRow: 2 }}
            className={`runs-table__cell runs-table__cell--${column.kind}${column.numeric ? ' num' : ''}`}
          >
            {column.kind === 'select' && <SelectAllBox rows={rows} />}
            {column.sortable && (
              <button
                type="button"
                className="runs-table__sort"
                data-testid={`sort-${column.id}`}
                title={headerTitle(column)}
                onClick={() => toggleSort(column.id, !column.numeric)}
              >
                <span className="runs-table__label">{column.label}</span>
                {column.stat && column.stat !== 'last' && <span className="runs-table__stat">{column.stat}</span>}
                {active && (
                  <span className="runs-table__arrow" aria-hidden>
                    {sort.direction === 'asc' ? '▲' : '▼'}
                  </span>
                )}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
