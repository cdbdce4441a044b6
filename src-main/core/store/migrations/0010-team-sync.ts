import type { Migration } from './migrate';

/**
 * Team sync with MLflow tracking servers ("remotes"; their secrets never enter SQLite, see
 * promotion/secret-store.ts).
 *
 * `remote_runs` maps a local run to its run on a remote, either way: `push` (the local run is
 * the original) or `pull` (a read-only copy of a remote run). `remote_push_marks` holds, per
 * metric key, how many of the local series' points (in the order they were stored) the remote
 * is known to hold, and `in_flight` = 1 while a batch of that key was sent without a known
 * outcome (the next push first asks the remote how many it holds); `remote_pushed_artifacts`
 * the files it holds (by size and mtime). A push resumes from them. `pushed_meta` (a digest of
 * params and tags), `pushed_inputs` (how many dataset inputs), `pushed_status` and
 * `pushed_points` (the marks' sum) are what the last push sent: a run whose values differ
 * (more points than that sum) is behind, found without reading a mark.
 * `remote_follows` lists remote experiments whose runs are pulled as they appear and change.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'team-sync',
  up(db) {
    db.exec(`
      CREATE TABLE remotes (
        name TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        username TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE remote_runs (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        remote TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('push', 'pull')),
        remote_run_id TEXT NOT NULL,
        remote_experiment_id TEXT NOT NULL,
        live INTEGER NOT NULL DEFAULT 0,
        synced_at INTEGER,
        error TEXT,
        pushed_meta TEXT,
        pushed_inputs INTEGER,
        pushed_status TEXT,
        pushed_points INTEGER,
        PRIMARY KEY (run_id, remote)
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX remote_runs_by_remote_id ON remote_runs (remote, remote_run_id);
      CREATE TABLE remote_push_marks (
        run_id TEXT NOT NULL,
        remote TEXT NOT NULL,
        key TEXT NOT NULL,
        pushed INTEGER NOT NULL,
        in_flight INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, remote, key),
        FOREIGN KEY (run_id, remote) REFERENCES remote_runs (run_id, remote) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE TABLE remote_pushed_artifacts (
        run_id TEXT NOT NULL,
        remote TEXT NOT NULL,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        PRIMARY KEY (run_id, remote, path),
        FOREIGN KEY (run_id, remote) REFERENCES remote_runs (run_id, remote) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE TABLE remote_follows (
        remote TEXT NOT NULL,
        experiment_id TEXT NOT NULL,
        experiment_name TEXT NOT NULL,
        polled_at INTEGER,
        error TEXT,
        PRIMARY KEY (remote, experiment_id)
      ) WITHOUT ROWID;
    `);
  },
};
