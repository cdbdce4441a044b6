import type { Db } from './open-db';
import { openDb } from './open-db';
import { MetricStore } from './metric-store';
import { RunRepo } from './run-repo';
import { WatchRepo } from './watch-repo';

/** The system of record: one SQLite file and the repositories over it. */
export interface Store {
  db: Db;
  runs: RunRepo;
  metrics: MetricStore;
  watch: WatchRepo;
  /** Runs `fn` in one transaction: everything it writes commits together or not at all. */
  tx<T>(fn: () => T): T;
  close(): void;
}

export function openStore(file: string): Store {
  const db = openDb(file);
  return {
    db,
    runs: new RunRepo(db),
    metrics: new MetricStore(db),
    watch: new WatchRepo(db),
    tx: (fn) => db.transaction(fn)(),
    close: () => db.close(),
  };
}
