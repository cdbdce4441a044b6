import { useEffect, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NewerDataBadge } from '../../components/newer-data-badge';
import { formatCount } from '../../../../src-shared/format';
import { compareRoute, navigate } from '../../lib/hash-router';
import { useSelectionStore } from '../../stores/selection-store';
import { useSourcesStore } from '../../stores/sources-store';
import { useUiRequestsStore } from '../../stores/ui-requests-store';
import { RunsQueryBox } from './runs-query-box';
import { useUiStore } from '../../stores/ui-store';
import { ColumnChooser } from './column-chooser';
import type { RunTable } from './visible-runs';
import { ViewsMenu } from './views-menu';

function countLabel(shown: number, total: number): string {
  const noun = total === 1 ? 'run' : 'runs';
  return shown === total ? `${formatCount(total)} ${noun}` : `${formatCount(shown)} of ${formatCount(total)} ${noun}`;
}

export function RunsToolbar({ table, filterRef, onPush }: { table: RunTable; filterRef: RefObject<HTMLInputElement | null>; onPush: () => void }) {
  const { rows, all, dynamicIds } = table;
  const { filter, setFilter, watchPanelOpen, toggleWatchPanel, newerDataOnly, setNewerDataOnly } = useUiStore(
    useShallow((s) => ({
      filter: s.filter,
      setFilter: s.setFilter,
      watchPanelOpen: s.watchPanelOpen,
      toggleWatchPanel: s.toggleWatchPanel,
      newerDataOnly: s.newerDataOnly,
      setNewerDataOnly: s.setNewerDataOnly,
    })),
  );
  // Offered only where it narrows something (or is on, so it can be turned off): most tables
  // have no run with outdated data, and the toolbar keeps its room for the rest.
  const staleCount = all.reduce((n, run) => n + (run.newerDataAvailable ? 1 : 0), 0);
  const rootCount = useSourcesStore((s) => s.roots.length);
  const checked = useSelectionStore((s) => s.checked);
  // Find (the desktop app's menu) asks for the filter, maybe before this table was on screen.
  const findRequested = useUiRequestsStore((s) => s.pending.find);
  useEffect(() => {
    if (findRequested && useUiRequestsStore.getState().take('find')) {
      filterRef.current?.focus();
      filterRef.current?.select();
    }
  }, [findRequested, filterRef]);

  return (
    <div className="runs-toolbar">
      <div className="runs-toolbar__filter">
        <input
          ref={filterRef}
          type="search"
          placeholder="Quick filter: name, id, status, param…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="runs-filter"
          aria-label="Filter runs"
          spellCheck={false}
        />
        {/* Hidden once there is text: the search box's own clear button sits there. */}
        {!filter && <kbd aria-hidden>/</kbd>}
      </div>
      <RunsQueryBox />
      <span className="runs-toolbar__count muted num" data-testid="row-count">
        {countLabel(rows.length, all.length)}
      </span>
      <span className="runs-toolbar__hint muted">
        <kbd>j</kbd>
        <kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> clear · <kbd>p</kbd> push
      </span>
      <div className="runs-toolbar__actions">
        {(staleCount > 0 || newerDataOnly) && (
          <button
            type="button"
            className={`runs-toolbar__toggle${newerDataOnly ? ' is-on' : ''}`}
            aria-pressed={newerDataOnly}
            aria-label={`Newer data available (${formatCount(staleCount)})`}
            onClick={() => setNewerDataOnly(!newerDataOnly)}
            title={
              newerDataOnly
                ? 'Newer data available: showing only these runs; click to show every run'
                : `Newer data available: show only the ${formatCount(staleCount)} ${staleCount === 1 ? 'run' : 'runs'} trained on data that has a newer version since`
            }
            data-testid="newer-data-toggle"
          >
            <NewerDataBadge compact testId="newer-data-toggle-icon" />
            Newer data ({formatCount(staleCount)})
          </button>
        )}
        <ColumnChooser runs={all} shownIds={dynamicIds} />
        <ViewsMenu />
        <button
          type="button"
          disabled={rows.length < 2}
          title={rows.length < 2 ? 'The query and filter show fewer than two runs' : `Compare all ${formatCount(rows.length)} runs the query and filter show`}
          onClick={() => navigate(compareRoute(rows.map((run) => run.id)))}
          data-testid="compare-all-button"
        >
          Compare all shown
        </button>
        <button
          type="button"
          className="runs-toolbar__compare"
          disabled={checked.length < 2}
          title={checked.length < 2 ? 'Tick two or more runs to compare them' : 'Compare the ticked runs'}
          onClick={() => navigate(compareRoute(checked))}
          data-testid="compare-button"
        >
          Compare ({checked.length})
        </button>
        <button
          type="button"
          onClick={onPush}
          title={checked.length > 0 ? `Push the ${formatCount(checked.length)} ticked runs, or others, to a team remote (p)` : 'Push runs to a team remote (p)'}
          data-testid="push-button"
        >
          Push{checked.length > 0 ? ` (${formatCount(checked.length)})` : ''}…
        </button>
        <button type="button" onClick={toggleWatchPanel} aria-expanded={watchPanelOpen} data-testid="watch-panel-toggle">
          Watched folders{rootCount > 0 ? ` (${rootCount})` : ''}
        </button>
      </div>
    </div>
  );
}
