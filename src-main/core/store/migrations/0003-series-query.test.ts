import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { packFloats } from '../chunk-codec';
import { migrate } from './migrate';

const blob = (values: number[]) => packFloats(Float64Array.from(values));

describe('migration 0003 (series query)', () => {
  it('backfills the smallest step holding each series min and max from its chunks', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    const insertChunk = db.prepare(
      `INSERT INTO metric_chunks (series_id, seq, count, step_min, step_max, value_min, value_max, steps, timestamps, vals)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.exec(`
      INSERT INTO runs (id, experiment_id, name, status, start_time, last_heartbeat, source_kind) VALUES ('r1', 0, 'n', 'FINISHED', 10, 10, 'api');
      INSERT INTO metric_series (id, run_id, key, count, min_value, max_value, ordered) VALUES (1, 'r1', 'loss', 6, 0.1, 9, 0);
      INSERT INTO metric_series (id, run_id, key, count, min_value, max_value) VALUES (2, 'r1', 'nan', 1, NULL, NULL);
    `);
    // Logged out of order: the min 0.1 arrived at step 7, later again at step 3 (the earlier step).
    insertChunk.run(1, 0, 3, 5, 9, 0.1, 9, blob([5, 7, 9]), blob([0, 0, 0]), blob([1, 0.1, 9]));
    insertChunk.run(1, 1, 3, 2, 8, 0.1, 9, blob([8, 3, 2]), blob([0, 0, 0]), blob([9, 0.1, NaN]));
    insertChunk.run(2, 0, 1, 0, 0, null, null, blob([0]), blob([0]), blob([NaN]));
    migrate(db, 3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const rows = db.prepare('SELECT id, min_value_step, max_value_step FROM metric_series ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, min_value_step: 3, max_value_step: 8 },
      { id: 2, min_value_step: null, max_value_step: null },
    ]);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT min(step_min), max(step_max) FROM metric_chunks WHERE series_id = 1').all();
    expect(JSON.stringify(plan)).toContain('COVERING INDEX metric_chunks_by_step');
  });
});
