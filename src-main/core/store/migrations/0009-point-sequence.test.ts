import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';

describe('migration 0009 (point sequence)', () => {
  it('adds an empty mark table whose rows go with their run', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 8);
    db.exec(`
      INSERT INTO experiments (id, name, created_at) VALUES (5, 'old', 1234);
      INSERT INTO runs (id, experiment_id, name, status, start_time, last_heartbeat, source_kind) VALUES ('r1', 5, 'n', 'FINISHED', 10, 10, 'api');
    `);
    migrate(db, 9);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare("SELECT name FROM runs WHERE id = 'r1'").get()).toEqual({ name: 'n' });
    expect(db.prepare('SELECT count(*) AS n FROM run_seq_marks').get()).toEqual({ n: 0 });
    db.prepare("INSERT INTO run_seq_marks (run_id, mark) VALUES ('r1', 7)").run();
    expect(() => db.prepare("INSERT INTO run_seq_marks (run_id, mark) VALUES ('nope', 1)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM runs WHERE id = 'r1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM run_seq_marks').get()).toEqual({ n: 0 });
  });
});
