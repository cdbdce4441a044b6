import type { Migration } from './migrate';

/**
 * Named runs-table views (query, sort, chosen columns). The name is the key: saving under a
 * name that exists replaces that view. Sort and columns are stored as JSON because the
 * renderer owns their shape (column ids like `metric-min:loss`) and the core never queries them.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'saved-views',
  up(db) {
    db.exec(`
      CREATE TABLE saved_views (
        name TEXT PRIMARY KEY,
        filter TEXT NOT NULL DEFAULT '',
        sort_json TEXT,
        columns_json TEXT NOT NULL DEFAULT '[]',
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
