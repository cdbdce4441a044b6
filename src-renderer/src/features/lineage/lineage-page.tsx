// The lineage page: toolbar, canvas and the focused node's panel. Focus and search live in the
// address (`#/lineage?focus=…&q=…`), so a reload or a shared link shows the same highlight.
import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { ErrorBanner } from '../../components/error-banner';
import { Spinner } from '../../components/skeleton';
import { formatCount } from '../../../../src-shared/format';
import { navigate, replaceRoute } from '../../lib/hash-router';
import { useLineageStore } from '../../stores/lineage-store';
import type { Theme } from '../../stores/ui-store';
import '../empty-state/empty-state.css';
import { LineageCanvas } from './lineage-canvas';
import { LineageEmpty } from './lineage-empty';
import { LineageSidePanel } from './lineage-side-panel';
import { LineageToolbar } from './lineage-toolbar';
import './lineage.css';

export function LineagePage({ focus, query, theme }: { focus: string | null; query: string; theme: Theme }) {
  const status = useLineageStore((s) => s.status);
  const error = useLineageStore((s) => s.error);
  const nodeCount = useLineageStore((s) => s.graph.nodes.length);
  const focusNode = useLineageStore((s) => (s.focus ? s.nodeById.get(s.focus) : undefined));

  useEffect(() => {
    useLineageStore.getState().open();
    document.title = 'Lineage · Runlens';
    return () => {
      document.title = 'Runlens';
      useLineageStore.getState().close();
    };
  }, []);

  useEffect(() => useLineageStore.getState().setView(focus, query), [focus, query]);

  const setFocus = (id: string | null) => {
    if (id !== focus) navigate({ page: 'lineage', focus: id, q: query });
  };

  useEffect(() => {
    if (!focus) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) navigate({ page: 'lineage', focus: null, q: query });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focus, query]);

  const ready = status === 'ready';
  return (
    <ReactFlowProvider>
      <div className="lineage-page" data-testid="lineage-page" data-status={status}>
        {ready && nodeCount > 0 && (
          <LineageToolbar query={query} onQuery={(q) => replaceRoute({ page: 'lineage', focus, q })} onClearFocus={() => setFocus(null)} />
        )}
        {error && <ErrorBanner message={error} onRetry={() => useLineageStore.getState().open()} />}
        {(status === 'loading' || status === 'laying-out' || status === 'idle') && (
          <div className="lineage-page__wait muted" data-testid="lineage-loading">
            <Spinner />
            {status === 'laying-out' ? `Laying out ${formatCount(nodeCount)} nodes…` : 'Loading the lineage graph…'}
          </div>
        )}
        {ready && nodeCount === 0 && <LineageEmpty />}
        {ready && nodeCount > 0 && (
          <div className="lineage-page__body">
            <LineageCanvas theme={theme} onNodeClick={(id) => setFocus(id)} onPaneClick={() => setFocus(null)} />
            {focusNode && <LineageSidePanel key={focusNode.id} node={focusNode} onClose={() => setFocus(null)} />}
          </div>
        )}
      </div>
    </ReactFlowProvider>
  );
}
