import type { Migration } from './migrate';

/**
 * Dataset lineage: what a dataset version is beyond MLflow's name + digest (where it was read
 * from, its format, size, rows and columns), versions a run produced (outputs, beside the
 * inputs MLflow records), indexes to walk the graph from a dataset to its runs, and the digest
 * cache that spares re-reading unchanged files (keyed by path, checked by size and mtime).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'dataset-lineage',
  up(db) {
    db.exec(`
      ALTER TABLE datasets ADD COLUMN kind TEXT NOT NULL DEFAULT 'dataset';
      ALTER TABLE datasets ADD COLUMN uri TEXT;
      ALTER TABLE datasets ADD COLUMN format TEXT;
      ALTER TABLE datasets ADD COLUMN row_count INTEGER;
      ALTER TABLE datasets ADD COLUMN size_bytes INTEGER;
      ALTER TABLE datasets ADD COLUMN columns_json TEXT;
      CREATE INDEX datasets_by_name ON datasets (name, created_at);
      CREATE INDEX run_inputs_by_dataset ON run_inputs (dataset_id);
      CREATE TABLE run_dataset_outputs (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        dataset_id INTEGER NOT NULL REFERENCES datasets(id),
        context TEXT,
        PRIMARY KEY (run_id, dataset_id)
      ) WITHOUT ROWID;
      CREATE INDEX run_dataset_outputs_by_dataset ON run_dataset_outputs (dataset_id);
      CREATE TABLE digest_cache (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ms REAL NOT NULL,
        digest TEXT NOT NULL,
        checked_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
