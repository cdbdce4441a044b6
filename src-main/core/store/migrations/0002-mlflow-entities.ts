import type { Migration } from './migrate';

/**
 * What MLflow's tracking API needs beyond the foundation: experiment tags and artifact
 * locations, run user / artifact URI / deletion time, the tags of a dataset input, MLflow 3
 * logged models (which replace the unused `models` placeholder) and run outputs.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'mlflow-entities',
  up(db) {
    db.exec(`
      ALTER TABLE experiments ADD COLUMN artifact_location TEXT;
      ALTER TABLE experiments ADD COLUMN last_update_time INTEGER;
      UPDATE experiments SET last_update_time = created_at;

      CREATE TABLE experiment_tags (
        experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (experiment_id, key)
      ) WITHOUT ROWID;

      ALTER TABLE runs ADD COLUMN user_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE runs ADD COLUMN artifact_uri TEXT;
      ALTER TABLE runs ADD COLUMN deleted_time INTEGER;

      ALTER TABLE run_inputs ADD COLUMN tags_json TEXT NOT NULL DEFAULT '{}';

      DROP TABLE models;
      CREATE TABLE logged_models (
        id TEXT PRIMARY KEY,
        experiment_id INTEGER NOT NULL REFERENCES experiments(id),
        source_run_id TEXT REFERENCES runs(id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        artifact_uri TEXT NOT NULL,
        status TEXT NOT NULL,
        model_type TEXT NOT NULL DEFAULT '',
        creation_time INTEGER NOT NULL,
        last_updated_time INTEGER NOT NULL,
        lifecycle_stage TEXT NOT NULL DEFAULT 'active',
        tags_json TEXT NOT NULL DEFAULT '{}',
        params_json TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX logged_models_by_run ON logged_models (source_run_id);

      CREATE TABLE run_outputs (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        step INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, model_id)
      ) WITHOUT ROWID;
    `);
  },
};
