import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';

describe('migration 0004 (saved views)', () => {
  it('adds an empty saved_views table and leaves existing runs alone', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    db.exec(`
      INSERT INTO experiments (id, name, created_at) VALUES (5, 'old', 1234);
      INSERT INTO runs (id, experiment_id, name, status, start_time, last_heartbeat, source_kind) VALUES ('r1', 5, 'n', 'FINISHED', 10, 10, 'api');
    `);
    migrate(db, 4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare("SELECT name FROM runs WHERE id = 'r1'").get()).toEqual({ name: 'n' });
    expect(db.prepare('SELECT count(*) AS n FROM saved_views').get()).toEqual({ n: 0 });
    db.prepare("INSERT INTO saved_views (name, updated_at) VALUES ('v', 1)").run();
    expect(db.prepare('SELECT filter, sort_json, columns_json FROM saved_views').get()).toEqual({ filter: '', sort_json: null, columns_json: '[]' });
  });
});
