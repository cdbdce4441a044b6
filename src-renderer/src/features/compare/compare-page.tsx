// Two or more runs side by side: which params differ, how their metrics end, and their
// curves overlaid. The whole view (runs, keys, axis, smoothing, baseline, zoom, …) lives in
// the URL (`#/compare?runs=a,b,c&…`), so a reload or a pasted link restores it; a change to
// the view replaces the address rather than adding a history entry per slider move.
import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RunSummary } from '../../../../src-shared/domain';
import { RunColorsProvider } from '../../components/run-colors';
import { Skeleton } from '../../components/skeleton';
import type { CompareView } from '../../lib/compare-view';
import { replaceRoute, routeHref } from '../../lib/hash-router';
import { useRunsStore } from '../../stores/runs-store';
import { CompareCharts } from './charts/compare-charts';
import { CompareHeader } from './compare-header';
import { sharedMetricKeys } from './compare-model';
import { CompareSummary } from './compare-summary';
import { ParamsDiff } from './params-diff';
import { RunsPlots } from './runs-plots';
import './compare-page.css';

function CompareMessage({ children }: { children: React.ReactNode }) {
  return (
    <div className="scroll-page">
      <div className="compare-page__message panel" data-testid="compare-message">
        {children}
        <p>
          <a href={routeHref({ page: 'runs' })}>Back to the runs table</a>: tick two or more runs and press <b>Compare</b>.
        </p>
      </div>
    </div>
  );
}

export function ComparePage({ view }: { view: CompareView }) {
  const { runIds } = view;
  const { byId, loadState } = useRunsStore(useShallow((s) => ({ byId: s.byId, loadState: s.loadState })));
  const changeView = useCallback((patch: Partial<CompareView>) => replaceRoute({ page: 'compare', view: { ...view, ...patch } }), [view]);
  const baselineId = view.baseline ?? runIds[0] ?? null;
  const runs = useMemo(() => runIds.map((id) => byId[id]).filter((run): run is RunSummary => run !== undefined), [runIds, byId]);
  const unknown = loadState === 'ready' ? runIds.filter((id) => !byId[id]) : [];
  const metricKeys = useMemo(() => sharedMetricKeys(runs), [runs]);

  if (runIds.length < 2) {
    return (
      <CompareMessage>
        <h1>Nothing to compare</h1>
        <p className="muted">A comparison needs at least two runs; this link names {runIds.length === 0 ? 'none' : 'one'}.</p>
      </CompareMessage>
    );
  }
  if (runs.length < runIds.length && loadState !== 'ready') {
    return (
      <div className="scroll-page">
        <Skeleton rows={8} height={18} />
      </div>
    );
  }
  if (runs.length < 2) {
    return (
      <CompareMessage>
        <h1>These runs are not here</h1>
        <p className="muted">
          No run has the id <span className="mono">{unknown.join(', ')}</span>. They may have been deleted, or the link comes from another data folder.
        </p>
      </CompareMessage>
    );
  }

  const baselineIndex = Math.max(0, runs.findIndex((run) => run.id === baselineId));
  return (
    // Colours distinct within this comparison, shared by every table and chart below.
    <RunColorsProvider runIds={runIds}>
      <div className="scroll-page" data-testid="compare-page">
        <CompareHeader runs={runs} baselineIndex={baselineIndex} view={view} />
        {unknown.length > 0 && (
          <p className="compare-page__warning" data-testid="compare-unknown">
            Not found, left out: <span className="mono">{unknown.join(', ')}</span>
          </p>
        )}
        <CompareCharts runs={runs} view={view} onChange={changeView} />
        <CompareSummary runs={runs} metricKeys={metricKeys} baselineIndex={baselineIndex} view={view} onChange={changeView} />
        <ParamsDiff runs={runs} baselineIndex={baselineIndex} view={view} onChange={changeView} />
        <RunsPlots runs={runs} view={view} onChange={changeView} />
      </div>
    </RunColorsProvider>
  );
}
