// Routes core events into the stores. `run.updated` can arrive hundreds of times a second
// while something logs; updates are collected and applied once per animation frame, so the
// table re-renders at most at the display's rate, and only with the newest summary per run.
// The same event is the cue to refetch an open run page's inputs, models and artifact listings.
import type { RunSummary } from '../../../src-shared/domain';
import { eventFeed, transportKind } from '../api/client';
import { useAlertsStore } from '../stores/alerts-store';
import { useArtifactsStore } from '../stores/artifacts-store';
import { useCompareSeriesStore } from '../stores/compare-series-store';
import { useConnectionStore } from '../stores/connection-store';
import { useDatasetsStore } from '../stores/datasets-store';
import { useExportsStore } from '../stores/exports-store';
import { useLineageStore } from '../stores/lineage-store';
import { usePromotionsStore } from '../stores/promotions-store';
import { useRunIoStore } from '../stores/run-io-store';
import { useRunQueryStore } from '../stores/run-query-store';
import { useRunsStore } from '../stores/runs-store';
import { useSeriesStore } from '../stores/series-store';
import { useSourcesStore } from '../stores/sources-store';
import { useSyncJobsStore } from '../stores/sync-jobs-store';
import { alertRaised } from './alert-raised';
import { syncEnded } from './sync-ended';

export function startLiveUpdates(): () => void {
  const pending = new Map<string, RunSummary>();
  let frame = 0;

  const flush = () => {
    frame = 0;
    const runs = [...pending.values()];
    pending.clear();
    useRunsStore.getState().upsert(runs);
    useRunQueryStore.getState().runsUpdated();
    for (const run of runs) {
      useRunIoStore.getState().runUpdated(run.id);
      useArtifactsStore.getState().runUpdated(run.id);
    }
    // A recorded input or output updates its run; the datasets it names may be new versions.
    if (runs.length > 0) {
      useDatasetsStore.getState().changed();
      useLineageStore.getState().changed();
    }
  };

  const stop = eventFeed({
    onEvent: (event) => {
      switch (event.type) {
        case 'run.updated':
          pending.set(event.data.run.id, event.data.run);
          if (!frame) frame = requestAnimationFrame(flush);
          break;
        case 'points.appended':
          useSeriesStore.getState().pointsAppended(event.data.runId, event.data.keys);
          useCompareSeriesStore.getState().pointsAppended(event.data.runId, event.data.keys);
          break;
        case 'watch.changed':
          void useSourcesStore.getState().load();
          // A watched DVC project is lineage without runs: its stages change the graph.
          useLineageStore.getState().changed();
          break;
        case 'datasets.changed':
          useDatasetsStore.getState().changed();
          useLineageStore.getState().changed();
          // A new version of data on disk (no run wrote it) flips "newer data available" on runs
          // downstream and "newer version" on run pages' inputs: no run.updated says so.
          void useRunsStore.getState().load();
          useRunIoStore.getState().refetchAll();
          break;
        case 'promotion.progress':
          usePromotionsStore.getState().progressed(event.data);
          break;
        case 'promotion.updated':
          usePromotionsStore.getState().recordUpdated(event.data.record);
          break;
        case 'report.progress':
          useExportsStore.getState().progressed(event.data);
          break;
        case 'report.done':
          useExportsStore.getState().finished(event.data);
          break;
        case 'sync.progress':
          useSyncJobsStore.getState().progressed(event.data);
          break;
        case 'sync.done':
          useSyncJobsStore.getState().finished(event.data);
          syncEnded(event.data);
          break;
        case 'alert.raised':
          alertRaised(event.data.alert, transportKind === 'ipc');
          break;
        case 'alerts.read':
          // Read elsewhere (another tab, an OS notification's click): the bell takes the core's count.
          void useAlertsStore.getState().load();
          break;
      }
    },
    onState: (state) => useConnectionStore.getState().setState(state),
    onConnected: () => {
      void useRunsStore.getState().load();
      useRunQueryStore.getState().runsUpdated();
      useSeriesStore.getState().refetchAll();
      useCompareSeriesStore.getState().refetch();
      useRunIoStore.getState().refetchAll();
      useArtifactsStore.getState().refetchAll();
      useDatasetsStore.getState().changed();
      useLineageStore.getState().changed();
      usePromotionsStore.getState().refetch();
      void useExportsStore.getState().refetch();
      void useSyncJobsStore.getState().refetch();
      // Alerts raised while the feed was down came with no event.
      void useAlertsStore.getState().load();
    },
  });

  return () => {
    stop();
    if (frame) cancelAnimationFrame(frame);
  };
}
