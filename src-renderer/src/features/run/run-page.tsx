import { useEffect, useMemo, useState } from 'react';
import { runColor } from '../../../../src-shared/run-color';
import { ErrorBanner } from '../../components/error-banner';
import { Skeleton } from '../../components/skeleton';
import { routeHref } from '../../lib/hash-router';
import { useArtifactsStore } from '../../stores/artifacts-store';
import { useRunIoStore } from '../../stores/run-io-store';
import { useRunsStore } from '../../stores/runs-store';
import { useSeriesStore } from '../../stores/series-store';
import { KeyValueTable } from './key-value-table';
import { MetricChart } from './metric-chart';
import { MetricSummaryTable } from './metric-summary-table';
import { outdatedInputs } from './newer-data';
import { RunFiles } from './run-files';
import { RunPromotionsPanel } from '../promotion/run-promotions-panel';
import { RunHeader } from './run-header';
import './run-page.css';

export function RunPage({ runId }: { runId: string }) {
  const run = useRunsStore((s) => s.byId[runId]);
  const io = useRunIoStore((s) => s.byRun[runId]);
  const [fetchError, setFetchError] = useState<string | null>(null);

  // Always fetched on open: the page may be opened by URL before the list has loaded.
  useEffect(() => {
    let current = true;
    void useRunsStore
      .getState()
      .fetchRun(runId)
      .then((error) => current && setFetchError(error));
    useRunIoStore.getState().request(runId);
    return () => {
      current = false;
      useSeriesStore.getState().forgetRun(runId);
      useRunIoStore.getState().forgetRun(runId);
      useArtifactsStore.getState().forgetRun(runId);
    };
  }, [runId]);

  const title = run ? run.name || run.id : null;
  useEffect(() => {
    if (!title) return;
    document.title = `${title} · Runlens`;
    return () => {
      document.title = 'Runlens';
    };
  }, [title]);

  const metrics = useMemo(() => [...(run?.metrics ?? [])].sort((a, b) => a.key.localeCompare(b.key)), [run?.metrics]);

  if (!run) {
    return (
      <div className="scroll-page">
        {fetchError ? (
          <>
            <ErrorBanner message={fetchError} />
            <a href={routeHref({ page: 'runs' })}>← All runs</a>
          </>
        ) : (
          <Skeleton rows={6} height={18} />
        )}
      </div>
    );
  }

  const color = runColor(run.id);
  return (
    <div className="scroll-page" data-testid="run-page" data-run-id={run.id}>
      <RunHeader
        run={run}
        outdated={io ? outdatedInputs(io.inputs) : undefined}
        hasLineage={!!io && io.inputs.length + io.outputs.length + io.models.length > 0}
        models={io?.models ?? []}
      />
      <div className="run-page__tables">
        <KeyValueTable title="Params" entries={run.params} testId="params-table" />
        <KeyValueTable title="Tags" entries={run.tags} testId="tags-table" />
        <MetricSummaryTable metrics={metrics} />
      </div>
      {metrics.length > 0 && (
        <div className="run-page__charts" data-testid="run-charts">
          {metrics.map((m) => (
            <MetricChart key={m.key} runId={run.id} summary={m} color={color} />
          ))}
        </div>
      )}
      <RunFiles run={run} io={io} />
      <RunPromotionsPanel runId={run.id} hasModel={(io?.models.length ?? 0) > 0} />
    </div>
  );
}
