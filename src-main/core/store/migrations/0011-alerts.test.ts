import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';

describe('migration 0011 (alerts)', () => {
  it('adds empty alert tables; alerts go with their run, rules stay', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 10);
    db.exec(`
      INSERT INTO experiments (id, name, created_at) VALUES (5, 'old', 1234);
      INSERT INTO runs (id, experiment_id, name, status, start_time, last_heartbeat, source_kind) VALUES ('r1', 5, 'n', 'FINISHED', 10, 10, 'api');
    `);
    migrate(db, 11);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare("SELECT name FROM runs WHERE id = 'r1'").get()).toEqual({ name: 'n' });
    for (const table of ['alert_rules', 'alerts']) expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    db.exec(`
      INSERT INTO alert_rules (id, kind, experiment, enabled, created_at) VALUES ('u1', 'run-finished', 'old', 1, 1);
      INSERT INTO alerts (rule_id, kind, run_id, message, raised_at) VALUES ('u1', 'run-finished', 'r1', 'finished', 20);
    `);
    expect(db.prepare('SELECT read, value, value_text, step FROM alerts').get()).toEqual({ read: 0, value: null, value_text: null, step: null });
    expect(() => db.prepare("INSERT INTO alerts (rule_id, kind, run_id, message, raised_at) VALUES ('u1', 'run-finished', 'nope', 'm', 1)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM runs WHERE id = 'r1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM alerts').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM alert_rules').get()).toEqual({ n: 1 });
  });
});
