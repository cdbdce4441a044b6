import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';

const insert = `INSERT INTO promotions (id, run_id, model_ref, model_digest, registry, registry_kind, remote_name, gate_json, outcome, user, started_at, finished_at)
  VALUES (?, 'r1', 'm-1', 'sha256:x', 'hub', 'oci', 'acme/model', '{}', ?, 'ana', 1, ?)`;

describe('migration 0008 (promotion owner)', () => {
  it('keeps earlier attempts, records an owner, and still lets only a running attempt finish', () => {
    const db = new Database(':memory:');
    migrate(db, 7);
    db.prepare(insert).run('old-running', 'running', null);
    db.prepare(insert).run('old-done', 'verified', 2);

    migrate(db, 8);
    expect(db.prepare('SELECT id, owner FROM promotions ORDER BY id').all()).toEqual([
      { id: 'old-done', owner: null },
      { id: 'old-running', owner: null },
    ]);
    db.prepare(`INSERT INTO promotions (id, run_id, model_ref, model_digest, registry, registry_kind, remote_name, gate_json, outcome, user, started_at, owner)
      VALUES ('new', 'r1', 'm-1', 'sha256:x', 'hub', 'oci', 'acme/model', '{}', 'running', 'ana', 3, 'host:42')`).run();
    expect(() => db.prepare(`UPDATE promotions SET owner = 'other:1' WHERE id = 'new'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE promotions SET owner = 'x', outcome = 'failed' WHERE id = 'new'`).run()).toThrow(/append-only/);
    db.prepare(`UPDATE promotions SET outcome = 'failed', error = 'interrupted', finished_at = 4 WHERE id = 'new'`).run();
    expect(() => db.prepare(`UPDATE promotions SET error = 'x' WHERE id = 'old-done'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM promotions`).run()).toThrow(/append-only/);
  });
});
