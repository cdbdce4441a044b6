// Virtualised: only the rows in view (plus a few) are in the DOM, so 10,000 runs scroll like 10.
import { useCallback, useEffect, useRef, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RunSummary } from '../../../../src-shared/domain';
import { useSelectionStore } from '../../stores/selection-store';
import { useUiStore } from '../../stores/ui-store';
import type { RunColumn } from './run-columns';
import { RunRow } from './run-row';
import { RunsTableHeader } from './runs-table-header';
import './runs-table.css';

const ROW_HEIGHT = 30;
/** Two header rows: the params/metrics group labels, then the column names. */
const HEADER_HEIGHT = 50;

export function RunsTable({ rows, columns }: { rows: RunSummary[]; columns: RunColumn[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedRunId = useUiStore((s) => s.selectedRunId);
  const checked = useSelectionStore((s) => s.checked);
  // Stable, so the memoised rows do not re-render for it; reads the newest rows on click.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const onCheck = useCallback((runId: string, shift: boolean) => {
    useSelectionStore.getState().toggle(runId, shift, rowsRef.current.map((run) => run.id));
  }, []);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    // The sticky header covers the top of the viewport; keep a selected row out from under it.
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  const selectedIndex = selectedRunId ? rows.findIndex((run) => run.id === selectedRunId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const gridStyle = {
    '--runs-grid': columns.map((c) => c.width).join(' '),
    minWidth: columns.reduce((sum, c) => sum + c.minWidth, 0),
  } as CSSProperties;

  return (
    <div className="runs-table" ref={scrollRef} role="grid" aria-rowcount={rows.length} data-testid="runs-table">
      <div className="runs-table__inner" style={gridStyle}>
        <RunsTableHeader columns={columns} rows={rows} />
        <div className="runs-table__body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const run = rows[item.index];
            if (!run) return null;
            return (
              <RunRow
                key={run.id}
                run={run}
                columns={columns}
                selected={run.id === selectedRunId}
                checked={checked.includes(run.id)}
                onCheck={onCheck}
                style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
