import type { Migration } from './migrate';

/**
 * The first schema. Metric points are stored in packed chunks (PERFORMANCE.md: a row per
 * point is 3× slower to ingest and 30× slower to chart): each chunk row holds up to
 * CHUNK_CAPACITY points as three Float64 blobs plus the chunk's step and value extremes, so a
 * range query skips whole chunks and a zoomed-out chart can read extremes without decoding.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE experiments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        lifecycle_stage TEXT NOT NULL DEFAULT 'active'
      );
      -- MLflow's default experiment has id 0; keep that so MLflow clients find it.
      INSERT INTO experiments (id, name, created_at) VALUES (0, 'Default', CAST(strftime('%s','now') AS INTEGER) * 1000);

      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        experiment_id INTEGER NOT NULL REFERENCES experiments(id),
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('RUNNING','FINISHED','FAILED','KILLED')),
        start_time INTEGER NOT NULL,
        end_time INTEGER,
        last_heartbeat INTEGER NOT NULL,
        source_kind TEXT NOT NULL,
        source_path TEXT,
        lifecycle_stage TEXT NOT NULL DEFAULT 'active'
      );
      CREATE INDEX runs_by_experiment ON runs (experiment_id, start_time);
      CREATE INDEX runs_by_start ON runs (start_time);

      CREATE TABLE params (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (run_id, key)
      ) WITHOUT ROWID;

      CREATE TABLE tags (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (run_id, key)
      ) WITHOUT ROWID;

      -- One row per (run, key) with the summary kept current on insert. SQLite turns NaN into
      -- NULL, so the last value's NaN-ness is its own column.
      CREATE TABLE metric_series (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        last_value REAL,
        last_is_nan INTEGER NOT NULL DEFAULT 0,
        last_step INTEGER NOT NULL DEFAULT 0,
        last_timestamp INTEGER NOT NULL DEFAULT 0,
        min_value REAL,
        max_value REAL,
        max_step INTEGER NOT NULL DEFAULT 0,
        -- 1 while every point arrived in non-decreasing step order: reads can skip sorting.
        ordered INTEGER NOT NULL DEFAULT 1,
        UNIQUE (run_id, key)
      );

      CREATE TABLE metric_chunks (
        series_id INTEGER NOT NULL REFERENCES metric_series(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        count INTEGER NOT NULL,
        step_min INTEGER NOT NULL,
        step_max INTEGER NOT NULL,
        value_min REAL,
        value_max REAL,
        steps BLOB NOT NULL,
        timestamps BLOB NOT NULL,
        vals BLOB NOT NULL,
        PRIMARY KEY (series_id, seq)
      ) WITHOUT ROWID;

      CREATE TABLE watch_roots (
        path TEXT PRIMARY KEY,
        added_at INTEGER NOT NULL
      );

      -- How far each tailed file has been ingested, committed with the points it produced.
      CREATE TABLE file_offsets (
        path TEXT PRIMARY KEY,
        offset INTEGER NOT NULL,
        run_id TEXT
      );

      -- Room for the lineage, artifact and registry work; filled by later migrations' code.
      CREATE TABLE datasets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        digest TEXT NOT NULL,
        source TEXT,
        source_type TEXT,
        schema_json TEXT,
        profile_json TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (name, digest)
      );
      CREATE TABLE run_inputs (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        dataset_id INTEGER NOT NULL REFERENCES datasets(id),
        context TEXT,
        PRIMARY KEY (run_id, dataset_id)
      ) WITHOUT ROWID;
      CREATE TABLE artifacts (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT,
        PRIMARY KEY (run_id, path)
      ) WITHOUT ROWID;
      CREATE TABLE models (
        id INTEGER PRIMARY KEY,
        run_id TEXT REFERENCES runs(id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        artifact_path TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `);
  },
};
