// Small MLflow stores written by tests, in the shapes MLflow writes (the e2e suite in
// e2e/mlflow_import checks the same code against stores the real mlflow package wrote).
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

export function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export function writeExperiment(store: string, id: string, name: string, extra = ''): string {
  const dir = join(store, id);
  writeFile(join(dir, 'meta.yaml'), `artifact_location: file://${dir}\ncreation_time: 1700000000000\nexperiment_id: '${id}'\nlast_update_time: 1700000000000\nlifecycle_stage: active\nname: ${name}\n${extra}`);
  mkdirSync(join(store, '.trash'), { recursive: true });
  return dir;
}

export function writeRun(expDir: string, expId: string, runId: string, fields: Record<string, string | number | null> = {}): string {
  const dir = join(expDir, runId);
  const meta: Record<string, string | number | null> = {
    artifact_uri: `file://${dir}/artifacts`,
    end_time: null,
    experiment_id: `'${expId}'`,
    lifecycle_stage: 'active',
    run_id: runId,
    run_name: 'r',
    start_time: 1700000000001,
    status: 1,
    user_id: 'alice',
    ...fields,
  };
  writeFile(join(dir, 'meta.yaml'), Object.entries(meta).map(([k, v]) => `${k}: ${v ?? 'null'}`).join('\n') + '\n');
  mkdirSync(join(dir, 'metrics'), { recursive: true });
  mkdirSync(join(dir, 'artifacts'), { recursive: true });
  return dir;
}

export function appendMetric(runDir: string, key: string, lines: string[]): void {
  const file = join(runDir, 'metrics', ...key.split('/'));
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, lines.map((l) => l + '\n').join(''));
}

/** The tables of MLflow's SQL store Runlens reads (dbmodels/models.py), as SQLite holds them. */
export function createMlflowDb(file: string): Database.Database {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE experiments (experiment_id INTEGER PRIMARY KEY, name VARCHAR(256) NOT NULL, artifact_location VARCHAR(256),
      lifecycle_stage VARCHAR(32), creation_time BIGINT, last_update_time BIGINT, workspace VARCHAR(63) DEFAULT 'default');
    CREATE TABLE experiment_tags (key VARCHAR(250), value VARCHAR(5000), experiment_id INTEGER, PRIMARY KEY (key, experiment_id));
    CREATE TABLE runs (run_uuid VARCHAR(32) PRIMARY KEY, name VARCHAR(250), source_type VARCHAR(20), source_name VARCHAR(500),
      entry_point_name VARCHAR(50), user_id VARCHAR(256), status VARCHAR(9), start_time BIGINT, end_time BIGINT,
      source_version VARCHAR(50), lifecycle_stage VARCHAR(20), artifact_uri VARCHAR(200), experiment_id INTEGER, deleted_time BIGINT);
    CREATE TABLE metrics (key VARCHAR(250), value FLOAT NOT NULL, timestamp BIGINT, run_uuid VARCHAR(32), step BIGINT DEFAULT 0 NOT NULL,
      is_nan BOOLEAN DEFAULT 0 NOT NULL, PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan));
    CREATE TABLE params (key VARCHAR(250), value VARCHAR(8000) NOT NULL, run_uuid VARCHAR(32), PRIMARY KEY (key, run_uuid));
    CREATE TABLE tags (key VARCHAR(250), value VARCHAR(8000), run_uuid VARCHAR(32), PRIMARY KEY (key, run_uuid));
    CREATE TABLE datasets (dataset_uuid VARCHAR(36) NOT NULL, experiment_id INTEGER, name VARCHAR(500) NOT NULL, digest VARCHAR(36) NOT NULL,
      dataset_source_type VARCHAR(36) NOT NULL, dataset_source TEXT NOT NULL, dataset_schema TEXT, dataset_profile TEXT,
      PRIMARY KEY (experiment_id, name, digest));
    CREATE TABLE inputs (input_uuid VARCHAR(36) NOT NULL, source_type VARCHAR(36) NOT NULL, source_id VARCHAR(36) NOT NULL,
      destination_type VARCHAR(36) NOT NULL, destination_id VARCHAR(36) NOT NULL, step BIGINT DEFAULT 0 NOT NULL,
      PRIMARY KEY (source_type, source_id, destination_type, destination_id));
    CREATE TABLE input_tags (input_uuid VARCHAR(36) NOT NULL, name VARCHAR(255) NOT NULL, value VARCHAR(500) NOT NULL, PRIMARY KEY (input_uuid, name));
    INSERT INTO experiments VALUES (0, 'Default', '/tmp/mlruns/0', 'active', 1700000000000, 1700000000000, 'default');
  `);
  return db;
}

export function insertRun(db: Database.Database, id: string, fields: Partial<Record<string, string | number | null>> = {}): void {
  const row = { run_uuid: id, name: 'r', user_id: 'bob', status: 'RUNNING', start_time: 1700000000000, end_time: null, lifecycle_stage: 'active', artifact_uri: `/tmp/mlruns/0/${id}/artifacts`, experiment_id: 0, deleted_time: null, ...fields };
  db.prepare(`INSERT INTO runs (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => '@' + k).join(', ')})`).run(row);
}

export function insertMetrics(db: Database.Database, runId: string, key: string, values: { value: number; step: number; timestamp?: number; isNan?: boolean }[]): void {
  const insert = db.prepare('INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const v of values) insert.run(key, v.isNan ? 0 : v.value, v.timestamp ?? 1700000000000 + v.step, runId, v.step, v.isNan ? 1 : 0);
  })();
}
