import type { Alert, AlertKind, AlertRule, ThresholdOp } from '../../../src-shared/alerts';
import type { RunStatus } from '../../../src-shared/domain';
import { toWire } from '../../../src-shared/wire-number';
import type { Db } from './open-db';

interface RuleRow {
  id: string;
  kind: AlertKind;
  experiment: string | null;
  enabled: number;
  metric: string | null;
  op: ThresholdOp | null;
  value: number | null;
  minutes: number | null;
}

interface AlertRow {
  id: number;
  rule_id: string;
  kind: AlertKind;
  run_id: string;
  run_name: string;
  experiment: string;
  message: string;
  metric: string | null;
  value: number | null;
  value_text: 'NaN' | 'Infinity' | '-Infinity' | null;
  step: number | null;
  raised_at: number;
  read: number;
}

/** An alert as it is stored; the run's name and experiment are joined in when it is listed. */
export type NewAlert = Omit<Alert, 'id' | 'runName' | 'experiment' | 'read' | 'value'> & { value: number | null };

/** A RUNNING run as the stall check needs it. */
export interface RunActivity {
  runId: string;
  experiment: string;
  /** The later of the run's heartbeat and its newest point's timestamp (epoch ms). */
  lastActivity: number;
}

/** A run's status as the core saw it when alerts started. */
export interface RunStatusRow {
  id: string;
  status: RunStatus;
}

const ALERT_COLUMNS = `a.id, a.rule_id, a.kind, a.run_id, r.name AS run_name, e.name AS experiment, a.message, a.metric,
  a.value, a.value_text, a.step, a.raised_at, a.read`;

/** Alert rules (user rules and overrides of the built-ins) and the alerts raised. */
export class AlertRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      rules: db.prepare<[], RuleRow>('SELECT id, kind, experiment, enabled, metric, op, value, minutes FROM alert_rules ORDER BY created_at, id'),
      rule: db.prepare<[string], RuleRow>('SELECT id, kind, experiment, enabled, metric, op, value, minutes FROM alert_rules WHERE id = ?'),
      saveRule: db.prepare(
        `INSERT INTO alert_rules (id, kind, experiment, enabled, metric, op, value, minutes, created_at)
           VALUES (@id, @kind, @experiment, @enabled, @metric, @op, @value, @minutes, @createdAt)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, experiment = excluded.experiment, enabled = excluded.enabled,
           metric = excluded.metric, op = excluded.op, value = excluded.value, minutes = excluded.minutes`,
      ),
      deleteRule: db.prepare<[string]>('DELETE FROM alert_rules WHERE id = ?'),
      countUserRules: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM alert_rules WHERE id NOT LIKE 'builtin:%'"),
      insert: db.prepare(
        `INSERT INTO alerts (rule_id, kind, run_id, message, metric, value, value_text, step, raised_at)
           VALUES (@ruleId, @kind, @runId, @message, @metric, @value, @valueText, @step, @raisedAt)`,
      ),
      trim: db.prepare<[number]>('DELETE FROM alerts WHERE id <= ?'),
      get: db.prepare<[number], AlertRow>(
        `SELECT ${ALERT_COLUMNS} FROM alerts a JOIN runs r ON r.id = a.run_id JOIN experiments e ON e.id = r.experiment_id WHERE a.id = ?`,
      ),
      list: db.prepare<[number], AlertRow>(
        `SELECT ${ALERT_COLUMNS} FROM alerts a JOIN runs r ON r.id = a.run_id JOIN experiments e ON e.id = r.experiment_id
           ORDER BY a.id DESC LIMIT ?`,
      ),
      listOfRun: db.prepare<[string, number], AlertRow>(
        `SELECT ${ALERT_COLUMNS} FROM alerts a JOIN runs r ON r.id = a.run_id JOIN experiments e ON e.id = r.experiment_id
           WHERE a.run_id = ? ORDER BY a.id DESC LIMIT ?`,
      ),
      unread: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM alerts WHERE read = 0'),
      unreadOfRun: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM alerts WHERE read = 0 AND run_id = ?'),
      markAll: db.prepare('UPDATE alerts SET read = 1 WHERE read = 0'),
      markOne: db.prepare<[number]>('UPDATE alerts SET read = 1 WHERE id = ? AND read = 0'),
      raisedSince: db.prepare<[string, string, number], { one: number }>(
        'SELECT 1 AS one FROM alerts WHERE run_id = ? AND rule_id = ? AND raised_at >= ? LIMIT 1',
      ),
      statuses: db.prepare<[], RunStatusRow>('SELECT id, status FROM runs'),
      runningCounts: db.prepare<[], { run_id: string; key: string; count: number }>(
        "SELECT s.run_id, s.key, s.count FROM metric_series s JOIN runs r ON r.id = s.run_id WHERE r.status = 'RUNNING'",
      ),
      running: db.prepare<[], { id: string; experiment: string; last_activity: number }>(
        `SELECT r.id, e.name AS experiment,
            max(r.last_heartbeat, coalesce((SELECT max(s.last_timestamp) FROM metric_series s WHERE s.run_id = r.id), 0)) AS last_activity
           FROM runs r JOIN experiments e ON e.id = r.experiment_id
          WHERE r.status = 'RUNNING' AND r.lifecycle_stage = 'active'`,
      ),
    };
  }

  rules(): AlertRule[] {
    return this.q.rules.all().map(toRule);
  }

  rule(id: string): AlertRule | null {
    const row = this.q.rule.get(id);
    return row ? toRule(row) : null;
  }

  userRuleCount(): number {
    return this.q.countUserRules.get()!.n;
  }

  saveRule(rule: AlertRule, createdAt: number): void {
    this.q.saveRule.run({ ...rule, enabled: rule.enabled ? 1 : 0, createdAt });
  }

  deleteRule(id: string): boolean {
    return this.q.deleteRule.run(id).changes > 0;
  }

  /** Stores an alert and drops the oldest beyond `keep`; returns it as listed. */
  insert(alert: NewAlert, keep: number): Alert {
    const finite = alert.value === null || Number.isFinite(alert.value);
    const id = Number(
      this.q.insert.run({
        ...alert,
        value: finite ? alert.value : null,
        valueText: finite ? null : toWire(alert.value!),
      }).lastInsertRowid,
    );
    // Ids only grow (AUTOINCREMENT), so the newest `keep` are the ids above id - keep.
    if (id > keep) this.q.trim.run(id - keep);
    return toAlert(this.q.get.get(id)!);
  }

  list(runId: string | undefined, limit: number): { alerts: Alert[]; unread: number } {
    const rows = runId === undefined ? this.q.list.all(limit) : this.q.listOfRun.all(runId, limit);
    const unread = runId === undefined ? this.q.unread.get()!.n : this.q.unreadOfRun.get(runId)!.n;
    return { alerts: rows.map(toAlert), unread };
  }

  markRead(ids: readonly number[] | undefined): number {
    if (ids === undefined) return this.q.markAll.run().changes;
    let n = 0;
    for (const id of new Set(ids)) n += this.q.markOne.run(id).changes;
    return n;
  }

  /** Whether the rule raised an alert for the run at or after `since` (epoch ms). */
  raisedSince(runId: string, ruleId: string, since: number): boolean {
    return this.q.raisedSince.get(runId, ruleId, since) !== undefined;
  }

  /** Every run's status: what "the status changed" is measured against. */
  statuses(): RunStatusRow[] {
    return this.q.statuses.all();
  }

  /** How many points each series of the RUNNING runs holds. */
  runningSeriesCounts(): { runId: string; key: string; count: number }[] {
    return this.q.runningCounts.all().map((r) => ({ runId: r.run_id, key: r.key, count: r.count }));
  }

  /** The active RUNNING runs and when each last showed a sign of life. */
  runningActivity(): RunActivity[] {
    return this.q.running.all().map((r) => ({ runId: r.id, experiment: r.experiment, lastActivity: r.last_activity }));
  }
}

function toRule(r: RuleRow): AlertRule {
  return { id: r.id, kind: r.kind, experiment: r.experiment, enabled: r.enabled === 1, metric: r.metric, op: r.op, value: r.value, minutes: r.minutes };
}

function toAlert(r: AlertRow): Alert {
  return {
    id: r.id,
    ruleId: r.rule_id,
    kind: r.kind,
    runId: r.run_id,
    runName: r.run_name,
    experiment: r.experiment,
    message: r.message,
    metric: r.metric,
    value: r.value_text ?? r.value,
    step: r.step,
    raisedAt: r.raised_at,
    read: r.read === 1,
  };
}
