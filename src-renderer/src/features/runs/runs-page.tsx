import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../../components/error-banner';
import { Skeleton } from '../../components/skeleton';
import { useRunsStore } from '../../stores/runs-store';
import { useSelectionStore } from '../../stores/selection-store';
import { useSourcesStore } from '../../stores/sources-store';
import { useUiStore } from '../../stores/ui-store';
import { EmptyState } from '../empty-state/empty-state';
import { PushDialog } from '../sync/push-dialog';
import { WatchPanel } from '../watch/watch-panel';
import { RunsTable } from './runs-table';
import { RunsToolbar } from './runs-toolbar';
import { useRunsKeyboard } from './use-runs-keyboard';
import { useRunTable } from './visible-runs';
import './runs-page.css';

export function RunsPage() {
  const { loadState, error, load, dismissError } = useRunsStore(
    useShallow((s) => ({ loadState: s.loadState, error: s.error, load: s.load, dismissError: s.dismissError })),
  );
  const watchPanelOpen = useUiStore((s) => s.watchPanelOpen);
  const table = useRunTable();
  const { columns, rows } = table;
  const total = table.all.length;
  const filterRef = useRef<HTMLInputElement>(null);
  const [pushOpen, setPushOpen] = useState(false);
  const openPush = () => setPushOpen(true);
  useRunsKeyboard(rows, filterRef, openPush);
  const checked = useSelectionStore((s) => s.checked);
  // The ticked runs; one the query or filter now hides still counts.
  const selected = useMemo(() => {
    const ticked = new Set(checked);
    return table.all.filter((run) => ticked.has(run.id));
  }, [checked, table.all]);

  useEffect(() => {
    void useSourcesStore.getState().load();
  }, []);

  const banner = error && <ErrorBanner message={error} onDismiss={dismissError} onRetry={() => void load()} />;

  if (total === 0 && loadState !== 'ready') {
    return (
      <div className="runs-page">
        {banner}
        {loadState !== 'error' && <Skeleton rows={8} height={18} />}
      </div>
    );
  }
  if (total === 0) {
    return (
      <div className="runs-page runs-page--empty">
        {banner}
        <EmptyState />
      </div>
    );
  }

  return (
    <div className="runs-page">
      {banner}
      <RunsToolbar table={table} filterRef={filterRef} onPush={openPush} />
      <div className="runs-page__body">
        {rows.length === 0 ? (
          <div className="runs-page__no-match muted" data-testid="no-match">
            No run matches the filter. <kbd>Esc</kbd> clears it.
          </div>
        ) : (
          <RunsTable rows={rows} columns={columns} />
        )}
        {watchPanelOpen && (
          <aside className="runs-page__drawer panel">
            <WatchPanel />
          </aside>
        )}
      </div>
      {pushOpen && <PushDialog selected={selected} shown={rows} onClose={() => setPushOpen(false)} />}
    </div>
  );
}
