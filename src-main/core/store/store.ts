import type { Db, OpenDbOptions } from './open-db';
import { openDb } from './open-db';
import { MetricStore } from './metric-store';
import { RunRepo } from './run-repo';
import { WatchRepo } from './watch-repo';
import { ExperimentRepo } from './experiment-repo';
import { DatasetRepo } from './dataset-repo';
import { DigestCacheRepo } from './digest-cache-repo';
import { LoggedModelRepo } from './logged-model-repo';
import { ViewRepo } from './view-repo';
import { RegistryRepo } from './registry-repo';
import { PromotionRepo } from './promotion-repo';
import { SeqMarkRepo } from './seq-mark-repo';
import { RemoteRepo } from './remote-repo';
import { SyncRepo } from './sync-repo';
import { AlertRepo } from './alert-repo';
import { StaleRuns } from '../lineage/stale-runs';

/** The system of record: one SQLite file and the repositories over it. */
export interface Store {
  db: Db;
  experiments: ExperimentRepo;
  runs: RunRepo;
  metrics: MetricStore;
  seqMarks: SeqMarkRepo;
  datasets: DatasetRepo;
  digests: DigestCacheRepo;
  models: LoggedModelRepo;
  watch: WatchRepo;
  views: ViewRepo;
  registries: RegistryRepo;
  promotions: PromotionRepo;
  remotes: RemoteRepo;
  /** Local runs ↔ runs on remotes. */
  sync: SyncRepo;
  /** Alert rules and the alerts raised. */
  alerts: AlertRepo;
  /** Runs `fn` in one transaction: everything it writes commits together or not at all. */
  tx<T>(fn: () => T): T;
  close(): void;
}

export function openStore(file: string, opts: OpenDbOptions = {}): Store {
  const db = openDb(file, opts);
  const experiments = new ExperimentRepo(db);
  return {
    db,
    experiments,
    runs: new RunRepo(db, experiments, new StaleRuns(db)),
    metrics: new MetricStore(db),
    seqMarks: new SeqMarkRepo(db),
    datasets: new DatasetRepo(db),
    digests: new DigestCacheRepo(db),
    models: new LoggedModelRepo(db),
    watch: new WatchRepo(db),
    views: new ViewRepo(db),
    registries: new RegistryRepo(db),
    promotions: new PromotionRepo(db),
    remotes: new RemoteRepo(db),
    sync: new SyncRepo(db),
    alerts: new AlertRepo(db),
    tx: (fn) => db.transaction(fn)(),
    close: () => db.close(),
  };
}
