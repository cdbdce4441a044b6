import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations/migrate';

export type Db = Database.Database;

const requireAddon = createRequire(import.meta.url);

export interface OpenDbOptions {
  /**
   * better-sqlite3's compiled addon (.node) to load instead of its own build. The Electron shell
   * run from a checkout passes the Electron-ABI build that `npm run rebuild:electron` keeps in
   * .electron-native/, so node_modules keeps the Node build that tests and serve mode load.
   */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the store and brings its schema up to date.
 * WAL lets the UI read while ingest writes; synchronous=NORMAL keeps WAL durable across
 * process crashes (only an OS crash can lose the last transactions), which is the trade every
 * local tracker makes for ingest speed.
 */
export function openDb(file: string, opts: OpenDbOptions = {}): Db {
  const db = connect(file, opts.nativeBinding);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Another process (`runlens ingest` beside a running server) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function connect(file: string, nativeBinding: string | undefined): Db {
  return nativeBinding === undefined ? new Database(file) : new Database(file, { nativeBinding: loadableAddon(nativeBinding) });
}

/**
 * Loads the addon before better-sqlite3 does (Node caches it, so it loads once), so that a failure
 * names the file and the fix: the usual causes are a missing or stale Electron rebuild, and
 * better-sqlite3 alone would only say "Cannot find module" or "compiled against a different
 * Node.js version".
 */
function loadableAddon(path: string): string {
  const file = resolve(path);
  try {
    requireAddon(file);
    return file;
  } catch (e) {
    throw new Error(`cannot load better-sqlite3's native binding ${file} (\`npm run rebuild:electron\` builds it for Electron): ${(e as Error).message}`, { cause: e });
  }
}
