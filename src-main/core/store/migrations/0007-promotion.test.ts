import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';

const insert = `INSERT INTO promotions (id, run_id, model_ref, model_digest, registry, registry_kind, remote_name, gate_json, outcome, user, started_at, finished_at)
  VALUES (?, 'r1', 'm-1', 'sha256:x', 'hub', 'oci', 'acme/model', '{}', ?, 'ana', 1, ?)`;

describe('migration 0007 (promotion)', () => {
  it('adds registries, gates and an append-only promotion audit beside existing runs', () => {
    const db = new Database(':memory:');
    migrate(db, 6);
    db.prepare(`INSERT INTO runs (id, experiment_id, name, status, start_time, last_heartbeat, source_kind) VALUES ('r1', 0, 'r', 'FINISHED', 0, 0, 'api')`).run();

    migrate(db, 7);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7);
    expect(db.prepare('SELECT name FROM runs').all()).toEqual([{ name: 'r' }]);
    db.prepare(`INSERT INTO registries (name, kind, url, username, created_at, updated_at) VALUES ('hub', 'oci', 'https://r.example/acme', '', 1, 1)`).run();
    expect(() => db.prepare(`INSERT INTO registries (name, kind, url, created_at, updated_at) VALUES ('x', 'ftp', 'u', 1, 1)`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO gate_rules (registry, model, position, expression) VALUES ('hub', 'acme/model', 0, 'metrics.acc >= 0.9')`).run();

    db.prepare(insert).run('p1', 'running', null);
    db.prepare(insert).run('p2', 'blocked', 1);
    // The one allowed update: running → an outcome.
    db.prepare(`UPDATE promotions SET outcome = 'verified', remote_version = '3', finished_at = 2 WHERE id = 'p1'`).run();
    expect(db.prepare(`SELECT outcome, remote_version FROM promotions WHERE id = 'p1'`).get()).toEqual({ outcome: 'verified', remote_version: '3' });

    expect(() => db.prepare(`UPDATE promotions SET outcome = 'failed' WHERE id = 'p1'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE promotions SET error = 'x' WHERE id = 'p2'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM promotions WHERE id = 'p2'`).run()).toThrow(/append-only/);
    db.prepare(insert).run('p3', 'running', null);
    expect(() => db.prepare(`UPDATE promotions SET override_reason = 'later' , outcome = 'verified' WHERE id = 'p3'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE promotions SET user = 'eve' WHERE id = 'p3'`).run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) AS n FROM promotions').get()).toEqual({ n: 3 });
  });
});
