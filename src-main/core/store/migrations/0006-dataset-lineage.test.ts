import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';

describe('migration 0006 (dataset lineage)', () => {
  it('keeps MLflow dataset inputs and adds what lineage needs', () => {
    const db = new Database(':memory:');
    migrate(db, 5);
    db.prepare(`INSERT INTO runs (id, experiment_id, name, status, start_time, last_heartbeat, source_kind) VALUES ('r1', 0, 'r', 'FINISHED', 0, 0, 'api')`).run();
    db.exec(`INSERT INTO datasets (id, name, digest, created_at) VALUES (7, 'raw', 'abc', 1)`);
    db.exec(`INSERT INTO run_inputs (run_id, dataset_id, context) VALUES ('r1', 7, 'train')`);

    migrate(db, 6);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
    expect(db.prepare('SELECT kind, uri, row_count FROM datasets WHERE id = 7').get()).toEqual({ kind: 'dataset', uri: null, row_count: null });
    expect(db.prepare('SELECT context FROM run_inputs').get()).toEqual({ context: 'train' });
    db.prepare(`INSERT INTO run_dataset_outputs (run_id, dataset_id, context) VALUES ('r1', 7, NULL)`).run();
    db.prepare(`INSERT INTO digest_cache (path, size, mtime_ms, digest, checked_at) VALUES ('/d/raw.csv', 3, 1.5, 'sha256:x', 2)`).run();
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT run_id FROM run_inputs WHERE dataset_id = 7`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('run_inputs_by_dataset');
  });
});
