import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './migrate';

describe('migration 0001 (initial)', () => {
  it('creates the schema from an empty file and records the version', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['experiments', 'runs', 'params', 'tags', 'metric_series', 'metric_chunks', 'watch_roots', 'file_offsets', 'datasets', 'run_inputs', 'artifacts', 'models']));
    // MLflow clients expect experiment 0 to be Default.
    expect(db.prepare('SELECT name FROM experiments WHERE id = 0').pluck().get()).toBe('Default');
  });

  it('refuses a status outside the four run states', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    expect(() =>
      db.prepare("INSERT INTO runs (id, experiment_id, name, status, start_time, last_heartbeat, source_kind) VALUES ('r', 0, 'n', 'DONE', 0, 0, 'api')").run(),
    ).toThrow(/CHECK/);
  });
});

describe('migrate', () => {
  it('is a no-op on an up-to-date file', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("INSERT INTO experiments (name, created_at) VALUES ('kept', 1)").run();
    migrate(db);
    expect(db.prepare("SELECT count(*) FROM experiments WHERE name = 'kept'").pluck().get()).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('refuses a file written by a newer schema instead of corrupting it', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer Runlens/);
  });
});
