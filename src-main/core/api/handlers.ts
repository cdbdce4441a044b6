import { randomUUID } from 'node:crypto';
import type { Handlers, ParsedInput } from '../../../src-shared/contract';
import type { IngestReport, RunSummary, WatchRoot } from '../../../src-shared/domain';
import { fromWire } from '../../../src-shared/wire-number';
import type { Store } from '../store/store';
import type { NewPoint, PointColumns } from '../store/metric-point';
import type { EventHub } from '../events/event-hub';
import { randomRunName } from './run-names';
import { checkWritable, requireRun, writeToRun } from './run-writes';
import { createArtifactHandlers } from './artifact-handlers';
import { createSeriesHandlers } from './series-handlers';
import { createViewHandlers } from './view-handlers';
import { createDatasetHandlers } from './dataset-handlers';
import { createLineageHandlers } from './lineage-handlers';
import { searchRuns } from '../search/run-search';
import { parseFilter } from '../../../src-shared/search/filter-parser';
import { RUN_SEARCH } from '../../../src-shared/search/filter-schema';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { createPromotionHandlers } from './promotion-handlers';
import type { RegistrySettings } from '../promotion/registry-settings';
import type { PromotionService } from '../promotion/promotion-service';
import type { ReportExports } from '../report/report-exports';
import { createReportHandlers } from './report-handlers';
import { createSyncHandlers, type SyncServices } from './sync-handlers';
import { createAlertHandlers } from './alert-handlers';
import type { AlertService } from '../alerts/alert-service';

/** The folder-watching side of the core, as the API sees it. */
export interface WatchControl {
  roots(): WatchRoot[];
  add(path: string): Promise<{ root: WatchRoot; report: IngestReport }>;
  remove(path: string): Promise<boolean>;
  /** Ingests a folder tree once, without watching it. */
  ingestOnce(path: string): Promise<IngestReport>;
}

export interface HandlerDeps {
  store: Store;
  hub: EventHub;
  watch: WatchControl;
  /** Folder of the bundled sample runs (resources/sample-runs). */
  samplesDir: string;
  artifacts: ArtifactStore;
  registries: RegistrySettings;
  promotions: PromotionService;
  reports: ReportExports;
  sync: SyncServices;
  alerts: AlertService;
  now?: () => number;
}

function stringifyParams(params: Record<string, string | number | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { store, hub, watch } = deps;
  const now = deps.now ?? Date.now;

  const summaryOrThrow = (id: string): RunSummary => requireRun(store, id);

  function log(input: ParsedInput<'logRun'>): { accepted: number; skipped: number } {
    const at = now();
    const points: NewPoint[] = (input.metrics ?? []).map((m) => ({
      key: m.key,
      value: fromWire(m.value),
      step: m.step,
      timestamp: m.timestamp ?? at,
    }));
    const params = input.params ? stringifyParams(input.params) : undefined;
    const c = input.columns;
    let columns: PointColumns | undefined;
    if (c) {
      // Values arrive as numbers or wire strings; timestamps default to now, as for objects.
      const n = c.value.length;
      const value = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = c.value[i]!;
        value[i] = typeof v === 'number' ? v : fromWire(v);
      }
      let timestamp: ArrayLike<number> | undefined = c.timestamp;
      if (!timestamp) {
        const filled = new Float64Array(n);
        filled.fill(at);
        timestamp = filled;
      }
      columns = { keys: c.keys, key: c.key, value, step: c.step, timestamp };
    }
    return writeToRun(store, hub, input.id, { points, columns, params, tags: input.tags, firstSeq: input.firstSeq }, at);
  }

  return {
    listRuns: ({ filter }) => {
      const clauses = parseFilter(filter, RUN_SEARCH);
      return { runs: searchRuns(store, clauses).found };
    },

    getRun: ({ id }) => ({ run: summaryOrThrow(id) }),

    createRun: (input) => {
      const id = randomUUID().replaceAll('-', '');
      const startTime = now();
      store.tx(() => {
        store.runs.insert({
          id,
          experiment: input.experiment ?? 'Default',
          name: input.name?.trim() || randomRunName(),
          status: 'RUNNING',
          startTime,
          endTime: null,
          sourceKind: 'api',
          sourcePath: null,
        });
        if (input.params) store.runs.setParams(id, stringifyParams(input.params));
        if (input.tags) store.runs.setTags(id, input.tags);
      });
      hub.runChanged(id);
      return { run: summaryOrThrow(id) };
    },

    logRun: log,

    finishRun: ({ id, status }) => {
      store.tx(() => {
        checkWritable(store, id);
        store.runs.finish(id, status ?? 'FINISHED', now());
      });
      hub.runChanged(id);
      return { run: summaryOrThrow(id) };
    },

    listWatchRoots: () => ({ roots: watch.roots() }),
    addWatchRoot: ({ path }) => watch.add(path),
    removeWatchRoot: async ({ path }) => ({ removed: await watch.remove(path) }),
    loadSampleRuns: () => watch.ingestOnce(deps.samplesDir),
    ...createArtifactHandlers(store, deps.artifacts),
    ...createSeriesHandlers(store),
    ...createViewHandlers(store, now),
    ...createDatasetHandlers(store, hub, deps.artifacts, now),
    ...createLineageHandlers(store),
    ...createPromotionHandlers(store, deps.registries, deps.promotions),
    ...createReportHandlers(deps.reports),
    ...createSyncHandlers(deps.sync),
    ...createAlertHandlers(deps.alerts),
  };
}
