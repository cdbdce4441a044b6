import type { Migration } from './migrate';

/**
 * Model promotion: the remote registries (never their secrets: see promotion/secret-store.ts),
 * the gate rules per registered model, and the audit of every promotion attempt.
 *
 * `promotions` is append-only: an attempt is inserted `running` (or already final, when the
 * gate blocked it), and the one update allowed is `running` → its outcome. The triggers refuse
 * any other update and every delete, so an audit row cannot be rewritten by a bug either.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'promotion',
  up(db) {
    db.exec(`
      CREATE TABLE registries (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('mlflow', 'oci')),
        url TEXT NOT NULL,
        username TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE gate_rules (
        registry TEXT NOT NULL,
        model TEXT NOT NULL,
        position INTEGER NOT NULL,
        expression TEXT NOT NULL,
        description TEXT,
        PRIMARY KEY (registry, model, position)
      ) WITHOUT ROWID;
      CREATE TABLE promotions (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL,
        model_ref TEXT NOT NULL,
        model_digest TEXT NOT NULL,
        registry TEXT NOT NULL,
        registry_kind TEXT NOT NULL,
        remote_name TEXT NOT NULL,
        remote_version TEXT,
        alias TEXT,
        gate_json TEXT NOT NULL,
        override_reason TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('running', 'verified', 'failed', 'blocked', 'cancelled')),
        error TEXT,
        user TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER
      );
      CREATE INDEX promotions_by_run ON promotions (run_id, started_at);
      CREATE INDEX promotions_by_started ON promotions (started_at);
      CREATE TRIGGER promotions_finished_are_final BEFORE UPDATE ON promotions
        WHEN OLD.outcome != 'running'
          OR NEW.outcome = 'running'
          OR NEW.id IS NOT OLD.id OR NEW.run_id IS NOT OLD.run_id OR NEW.model_ref IS NOT OLD.model_ref
          OR NEW.model_digest IS NOT OLD.model_digest OR NEW.registry IS NOT OLD.registry
          OR NEW.registry_kind IS NOT OLD.registry_kind OR NEW.remote_name IS NOT OLD.remote_name
          OR NEW.alias IS NOT OLD.alias OR NEW.gate_json IS NOT OLD.gate_json
          OR NEW.override_reason IS NOT OLD.override_reason OR NEW.user IS NOT OLD.user
          OR NEW.started_at IS NOT OLD.started_at
      BEGIN
        SELECT RAISE(ABORT, 'promotion records are append-only: only a running attempt may be finished');
      END;
      CREATE TRIGGER promotions_no_delete BEFORE DELETE ON promotions
      BEGIN
        SELECT RAISE(ABORT, 'promotion records are append-only: they are never deleted');
      END;
    `);
  },
};
