import type { Migration } from './migrate';

/**
 * Which process is carrying a running promotion (`<host>:<pid>`), so one that died mid-push
 * (killed, crashed, the laptop shut) can be told from one still running in another process
 * (`runlens promote` beside the app) and its attempt finished as interrupted. The append-only
 * trigger is remade to cover the new column.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'promotion-owner',
  up(db) {
    db.exec(`
      ALTER TABLE promotions ADD COLUMN owner TEXT;
      DROP TRIGGER promotions_finished_are_final;
      CREATE TRIGGER promotions_finished_are_final BEFORE UPDATE ON promotions
        WHEN OLD.outcome != 'running'
          OR NEW.outcome = 'running'
          OR NEW.id IS NOT OLD.id OR NEW.run_id IS NOT OLD.run_id OR NEW.model_ref IS NOT OLD.model_ref
          OR NEW.model_digest IS NOT OLD.model_digest OR NEW.registry IS NOT OLD.registry
          OR NEW.registry_kind IS NOT OLD.registry_kind OR NEW.remote_name IS NOT OLD.remote_name
          OR NEW.alias IS NOT OLD.alias OR NEW.gate_json IS NOT OLD.gate_json
          OR NEW.override_reason IS NOT OLD.override_reason OR NEW.user IS NOT OLD.user
          OR NEW.started_at IS NOT OLD.started_at OR NEW.owner IS NOT OLD.owner
      BEGIN
        SELECT RAISE(ABORT, 'promotion records are append-only: only a running attempt may be finished');
      END;
    `);
  },
};
