import type Database from 'better-sqlite3';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-mlflow-entities';
import { migration0003 } from './0003-series-query';
import { migration0004 } from './0004-saved-views';
import { migration0005 } from './0005-run-search-indexes';
import { migration0006 } from './0006-dataset-lineage';
import { migration0007 } from './0007-promotion';
import { migration0008 } from './0008-promotion-owner';
import { migration0009 } from './0009-point-sequence';
import { migration0010 } from './0010-team-sync';
import { migration0011 } from './0011-alerts';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Every migration in order; `PRAGMA user_version` records the last one applied. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011];

export function migrate(db: Database.Database, upTo = MIGRATIONS.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The data file was written by a newer Runlens (schema ${current}, this build knows ${MIGRATIONS.length}).`,
    );
  }
  for (const m of MIGRATIONS.slice(current, upTo)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
