import Database from 'better-sqlite3';
import { migrate } from './migrations/migrate';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the store and brings its schema up to date.
 * WAL lets the UI read while ingest writes; synchronous=NORMAL keeps WAL durable across
 * process crashes (only an OS crash can lose the last transactions), which is the trade every
 * local tracker makes for ingest speed.
 */
export function openDb(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Another process (`runlens ingest` beside a running server) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
