import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';

describe('migration 0002 (mlflow entities)', () => {
  it('keeps existing experiments, runs and inputs and gives them the new columns', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.exec(`
      INSERT INTO experiments (id, name, created_at) VALUES (5, 'old', 1234);
      INSERT INTO runs (id, experiment_id, name, status, start_time, last_heartbeat, source_kind) VALUES ('r1', 5, 'n', 'FINISHED', 10, 10, 'api');
      INSERT INTO datasets (id, name, digest, created_at) VALUES (1, 'd', 'abc', 1);
      INSERT INTO run_inputs (run_id, dataset_id, context) VALUES ('r1', 1, 'train');
    `);
    migrate(db, 2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT name, artifact_location, last_update_time FROM experiments WHERE id = 5').get()).toEqual({ name: 'old', artifact_location: null, last_update_time: 1234 });
    expect(db.prepare("SELECT user_id, artifact_uri, deleted_time FROM runs WHERE id = 'r1'").get()).toEqual({ user_id: '', artifact_uri: null, deleted_time: null });
    expect(db.prepare('SELECT context, tags_json FROM run_inputs').get()).toEqual({ context: 'train', tags_json: '{}' });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['experiment_tags', 'logged_models', 'run_outputs']));
    expect(tables).not.toContain('models');
  });
});
