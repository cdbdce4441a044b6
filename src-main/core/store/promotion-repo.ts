import type { GateResult, PromotionOutcome, PromotionRecord, RegistryKind } from '../../../src-shared/promotion';
import type { Db } from './open-db';

interface PromotionRow {
  id: string;
  run_id: string;
  model_ref: string;
  model_digest: string;
  registry: string;
  registry_kind: RegistryKind;
  remote_name: string;
  remote_version: string | null;
  alias: string | null;
  gate_json: string;
  override_reason: string | null;
  outcome: PromotionOutcome;
  error: string | null;
  user: string;
  started_at: number;
  finished_at: number | null;
}

function fromRow(r: PromotionRow): PromotionRecord {
  return {
    id: r.id,
    runId: r.run_id,
    modelRef: r.model_ref,
    modelDigest: r.model_digest,
    registry: r.registry,
    registryKind: r.registry_kind,
    remoteName: r.remote_name,
    remoteVersion: r.remote_version,
    alias: r.alias,
    gate: JSON.parse(r.gate_json) as GateResult,
    overrideReason: r.override_reason,
    outcome: r.outcome,
    error: r.error,
    user: r.user,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/**
 * The append-only audit of promotion attempts. `insert` and `finish` are the only writes; the
 * table's triggers (migration 0007) refuse anything else.
 */
export class PromotionRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      insert: db.prepare(
        `INSERT INTO promotions (id, run_id, model_ref, model_digest, registry, registry_kind, remote_name, remote_version, alias,
           gate_json, override_reason, outcome, error, user, started_at, finished_at, owner)
         VALUES (@id, @run_id, @model_ref, @model_digest, @registry, @registry_kind, @remote_name, @remote_version, @alias,
           @gate_json, @override_reason, @outcome, @error, @user, @started_at, @finished_at, @owner)`,
      ),
      finish: db.prepare<[PromotionOutcome, string | null, string | null, number, string]>(
        "UPDATE promotions SET outcome = ?, remote_version = ?, error = ?, finished_at = ? WHERE id = ? AND outcome = 'running'",
      ),
      get: db.prepare<[string], PromotionRow>('SELECT * FROM promotions WHERE id = ?'),
      all: db.prepare<[], PromotionRow>('SELECT * FROM promotions ORDER BY started_at DESC, rowid DESC'),
      ofRun: db.prepare<[string], PromotionRow>('SELECT * FROM promotions WHERE run_id = ? ORDER BY started_at DESC, rowid DESC'),
      running: db.prepare<[], PromotionRow & { owner: string | null }>("SELECT * FROM promotions WHERE outcome = 'running'"),
    };
  }

  /** `owner` names the process carrying a running attempt (`<host>:<pid>`). */
  insert(r: PromotionRecord, owner: string | null = null): PromotionRecord {
    this.q.insert.run({
      id: r.id,
      run_id: r.runId,
      model_ref: r.modelRef,
      model_digest: r.modelDigest,
      registry: r.registry,
      registry_kind: r.registryKind,
      remote_name: r.remoteName,
      remote_version: r.remoteVersion,
      alias: r.alias,
      gate_json: JSON.stringify(r.gate),
      override_reason: r.overrideReason,
      outcome: r.outcome,
      error: r.error,
      user: r.user,
      started_at: r.startedAt,
      finished_at: r.finishedAt,
      owner,
    });
    return this.get(r.id)!;
  }

  /** The one update an attempt gets: `running` → its outcome. */
  finish(id: string, end: { outcome: Exclude<PromotionOutcome, 'running'>; remoteVersion: string | null; error: string | null; at: number }): PromotionRecord {
    this.q.finish.run(end.outcome, end.remoteVersion, end.error, end.at, id);
    return this.get(id)!;
  }

  get(id: string): PromotionRecord | null {
    const row = this.q.get.get(id);
    return row ? fromRow(row) : null;
  }

  /** Newest first; all, or those of one run. */
  list(runId?: string): PromotionRecord[] {
    return (runId === undefined ? this.q.all.all() : this.q.ofRun.all(runId)).map(fromRow);
  }

  /** Attempts still `running`, with the process carrying each (null: recorded before owners were). */
  running(): { record: PromotionRecord; owner: string | null }[] {
    return this.q.running.all().map((row) => ({ record: fromRow(row), owner: row.owner }));
  }
}
