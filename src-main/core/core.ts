import { join } from 'node:path';
import type { Handlers } from '../../src-shared/contract';
import { openStore, type Store } from './store/store';
import { EventHub } from './events/event-hub';
import { createHandlers } from './api/handlers';
import { createDispatcher, type Dispatch } from './api/dispatch';
import { WatchService } from './watch/watch-service';
import { startHttpServer, type RunningServer } from './server/http-server';
import { ArtifactStore } from './artifacts/artifact-store';
import { DatasetRefresher } from './datasets/dataset-refresher';
import { createMlflowRoutes } from './mlflow/mlflow-routes';
import { ReportExports } from './report/report-exports';
import type { PdfPrinter } from './report/report-pdf';
import { createReportFileRoute } from './server/report-file-route';
import { createRunArtifactUploadRoute } from './server/run-artifact-upload-route';
import type { AdapterFactories } from './promotion/registry-settings';
import type { PromotionService } from './promotion/promotion-service';
import type { SecretStore } from './promotion/secret-store';
import { createPromotion } from './promotion/create-promotion';
import { createSync } from './sync/create-sync';
import { AlertService } from './alerts/alert-service';
import { ensureDataDir, loadOrCreateToken, removeServerFile, spoolDir, writeServerFile } from './data-dir';

export interface CoreOptions {
  dataDir: string;
  /** Folders of the built UI and of the bundled resources. */
  uiDir: string;
  resourcesDir: string;
  version: string;
  /** Extra folders to watch (remembered like folders added from the UI). */
  watch?: string[];
  /** Start the HTTP server on this port (0 = any free port); omit for no server. */
  port?: number;
  auth?: boolean;
  log?: (message: string) => void;
  /** Where registry secrets are kept: the Electron shell passes a safeStorage-backed one; a 0600 file otherwise. */
  secrets?: SecretStore;
  /** Prints PDF reports for the export API: the Electron shell passes printToPDF; absent, a headless Chromium found on the machine. */
  printPdf?: PdfPrinter;
  /** Registry adapters by kind (tests pass fakes). */
  registryAdapters?: AdapterFactories;
  /** better-sqlite3's addon to load instead of node_modules' Node build: the Electron shell's own build (see openDb). */
  sqliteBinding?: string;
}

export interface Core {
  store: Store;
  hub: EventHub;
  handlers: Handlers;
  dispatch: Dispatch;
  watch: WatchService;
  /** Records new versions of local datasets whose data changed on disk. */
  datasets: DatasetRefresher;
  promotions: PromotionService;
  /** Alert rules and the alerts raised (the desktop shell turns `alert.raised` events into OS notifications). */
  alerts: AlertService;
  /** Reports exported through the API, under <data>/exports. */
  reports: ReportExports;
  server: RunningServer | null;
  token: string | null;
  close(): Promise<void>;
}

/** Wires the plain-Node core together; the CLI and the Electron shell both start it this way. */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const log = opts.log ?? ((m: string) => console.warn(m));
  ensureDataDir(opts.dataDir);
  const store = openStore(join(opts.dataDir, 'runlens.db'), { nativeBinding: opts.sqliteBinding });
  const hub = new EventHub((id) => store.runs.summary(id));
  const artifacts = new ArtifactStore(join(opts.dataDir, 'artifacts'));
  const watch = new WatchService({ store, hub, log, artifacts, spool: spoolDir(opts.dataDir) });
  const datasets = new DatasetRefresher({ store, hub, log });
  const { registries, promotions } = createPromotion({ store, artifacts, dataDir: opts.dataDir, secrets: opts.secrets, adapters: opts.registryAdapters, emit: (e) => hub.emit(e) });
  const reports = new ReportExports({ store, dir: join(opts.dataDir, 'exports'), emit: (e) => hub.emit(e), paths: artifacts, env: { printPdf: opts.printPdf }, appUrl: () => server?.url ?? null });
  const sync = createSync({ store, hub, artifacts, dataDir: opts.dataDir, secrets: opts.secrets, log });
  const alerts = new AlertService({ store, hub, now: Date.now, log });
  const handlers = createHandlers({ store, hub, watch, artifacts, registries, promotions, reports, sync, alerts, samplesDir: join(opts.resourcesDir, 'sample-runs') });
  const dispatch = createDispatcher(handlers);
  const token = opts.auth === false ? null : loadOrCreateToken(opts.dataDir);
  let server: RunningServer | null = null;
  try {
    await watch.resume();
    for (const dir of opts.watch ?? []) await watch.add(dir);
    if (opts.port !== undefined) {
      const mlflow = createMlflowRoutes({ store, hub, artifacts, now: Date.now });
      server = await startHttpServer({ dispatch, hub, token, uiDir: opts.uiDir, port: opts.port, version: opts.version, log, extraRoutes: [mlflow, createReportFileRoute(reports), createRunArtifactUploadRoute({ store, hub, artifacts })] });
      writeServerFile(opts.dataDir, { url: server.url, port: server.port, pid: process.pid });
    }
  } catch (e) {
    await sync.close();
    await watch.close();
    store.close();
    throw e;
  }
  datasets.start();
  sync.push.resume();
  sync.pull.startFollowing();
  alerts.start();
  return {
    store,
    hub,
    handlers,
    dispatch,
    watch,
    datasets,
    promotions,
    alerts,
    reports,
    server,
    token,
    async close() {
      if (server) {
        await server.close();
        removeServerFile(opts.dataDir);
      }
      await watch.close();
      await datasets.close();
      await promotions.close();
      await sync.close();
      alerts.close();
      await reports.idle();
      hub.flush();
      hub.close();
      store.close();
    },
  };
}
