import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';

describe('migration 0005 (run search indexes)', () => {
  it('indexes params, tags and metric summaries by key, keeping their rows', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    db.exec(`
      INSERT INTO runs (id, experiment_id, name, status, start_time, last_heartbeat, source_kind) VALUES ('r1', 0, 'n', 'FINISHED', 10, 10, 'api');
      INSERT INTO params (run_id, key, value) VALUES ('r1', 'lr', '0.001');
      INSERT INTO tags (run_id, key, value) VALUES ('r1', 'model', 'resnet');
      INSERT INTO metric_series (run_id, key, last_value) VALUES ('r1', 'loss', 0.25);
    `);
    migrate(db, 5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    const plan = (sql: string) => JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all());
    expect(plan("SELECT run_id FROM params WHERE key = 'lr' AND value = '0.001'")).toContain('params_by_key');
    expect(plan("SELECT run_id FROM tags WHERE key = 'model' AND value = 'x'")).toContain('tags_by_key');
    expect(plan("SELECT run_id FROM metric_series WHERE key = 'loss' AND last_value < 0.3")).toContain('metric_series_by_key');
    expect(db.prepare("SELECT run_id FROM params WHERE key = 'lr' AND value = '0.001'").pluck().all()).toEqual(['r1']);
  });
});
