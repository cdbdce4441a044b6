import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';

describe('migration 0010 (team sync)', () => {
  it('adds empty sync tables; a link, its marks and pushed files go with their run', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 9);
    db.exec(`
      INSERT INTO experiments (id, name, created_at) VALUES (5, 'old', 1234);
      INSERT INTO runs (id, experiment_id, name, status, start_time, last_heartbeat, source_kind) VALUES ('r1', 5, 'n', 'FINISHED', 10, 10, 'api');
    `);
    migrate(db, 10);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare("SELECT name FROM runs WHERE id = 'r1'").get()).toEqual({ name: 'n' });
    for (const table of ['remotes', 'remote_runs', 'remote_push_marks', 'remote_pushed_artifacts', 'remote_follows']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    db.exec(`
      INSERT INTO remote_runs (run_id, remote, direction, remote_run_id, remote_experiment_id) VALUES ('r1', 'team', 'push', 'x1', '3');
      INSERT INTO remote_push_marks (run_id, remote, key, pushed) VALUES ('r1', 'team', 'loss', 1000);
      INSERT INTO remote_pushed_artifacts (run_id, remote, path, size, mtime_ms) VALUES ('r1', 'team', 'a/b.txt', 4, 99);
    `);
    expect(db.prepare('SELECT live, synced_at, error, pushed_meta, pushed_inputs, pushed_status, pushed_points FROM remote_runs').get()).toEqual({
      live: 0, synced_at: null, error: null, pushed_meta: null, pushed_inputs: null, pushed_status: null, pushed_points: null,
    });
    expect(db.prepare('SELECT in_flight FROM remote_push_marks').get()).toEqual({ in_flight: 0 });
    expect(() => db.prepare("INSERT INTO remote_runs (run_id, remote, direction, remote_run_id, remote_experiment_id) VALUES ('r1', 'other', 'sideways', 'x', '1')").run()).toThrow(/CHECK/);
    // One local run per remote run on a remote.
    db.exec("INSERT INTO runs (id, experiment_id, name, status, start_time, last_heartbeat, source_kind) VALUES ('r2', 5, 'm', 'FINISHED', 10, 10, 'api')");
    expect(() => db.prepare("INSERT INTO remote_runs (run_id, remote, direction, remote_run_id, remote_experiment_id) VALUES ('r2', 'team', 'pull', 'x1', '3')").run()).toThrow(/UNIQUE/);
    db.prepare("DELETE FROM runs WHERE id = 'r1'").run();
    for (const table of ['remote_runs', 'remote_push_marks', 'remote_pushed_artifacts']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
  });
});
