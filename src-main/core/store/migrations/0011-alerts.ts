import type { Migration } from './migrate';

/**
 * Alerts (issue 10). `alert_rules` holds the user rules and the overrides of the built-in rules
 * (rows `builtin:<kind>`: only `enabled`, `minutes` and `metric` are read from them; the rest of a
 * built-in comes from the code, so a new build can improve its defaults). `alerts` holds what was
 * raised; an alert goes with its run, not with its rule (deleting a rule keeps its history), and
 * what was raised is how a restart knows not to raise a run's "finished" or a stall again.
 * `value` is REAL, which cannot hold NaN: `value_text` keeps the non-finite ones by name.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'alerts',
  up(db) {
    db.exec(`
      CREATE TABLE alert_rules (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        experiment TEXT,
        enabled INTEGER NOT NULL,
        metric TEXT,
        op TEXT,
        value REAL,
        minutes REAL,
        created_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        rule_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        message TEXT NOT NULL,
        metric TEXT,
        value REAL,
        value_text TEXT,
        step INTEGER,
        raised_at INTEGER NOT NULL,
        read INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX alerts_by_run_rule ON alerts (run_id, rule_id, raised_at);
      CREATE INDEX alerts_unread ON alerts (id) WHERE read = 0;
    `);
  },
};
