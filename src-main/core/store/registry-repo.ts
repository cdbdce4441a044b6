import type { GateRule, RegistryKind } from '../../../src-shared/promotion';
import type { Db } from './open-db';

/** A registry as stored: everything but the secret, which never enters SQLite. */
export interface StoredRegistry {
  name: string;
  kind: RegistryKind;
  url: string;
  username: string;
  createdAt: number;
  updatedAt: number;
}

interface RegistryRow {
  name: string;
  kind: RegistryKind;
  url: string;
  username: string;
  created_at: number;
  updated_at: number;
}

const fromRow = (r: RegistryRow): StoredRegistry => ({ name: r.name, kind: r.kind, url: r.url, username: r.username, createdAt: r.created_at, updatedAt: r.updated_at });

/** Remote registries and the gate rules of the models registered on them. */
export class RegistryRepo {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      list: db.prepare<[], RegistryRow>('SELECT * FROM registries ORDER BY name COLLATE NOCASE, name'),
      get: db.prepare<[string], RegistryRow>('SELECT * FROM registries WHERE name = ?'),
      save: db.prepare<[string, string, string, string, number, number]>(
        `INSERT INTO registries (name, kind, url, username, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = excluded.url, username = excluded.username, updated_at = excluded.updated_at`,
      ),
      remove: db.prepare<[string]>('DELETE FROM registries WHERE name = ?'),
      removeGates: db.prepare<[string]>('DELETE FROM gate_rules WHERE registry = ?'),
      gate: db.prepare<[string, string], { expression: string; description: string | null }>(
        'SELECT expression, description FROM gate_rules WHERE registry = ? AND model = ? ORDER BY position',
      ),
      clearGate: db.prepare<[string, string]>('DELETE FROM gate_rules WHERE registry = ? AND model = ?'),
      addRule: db.prepare<[string, string, number, string, string | null]>(
        'INSERT INTO gate_rules (registry, model, position, expression, description) VALUES (?, ?, ?, ?, ?)',
      ),
    };
  }

  list(): StoredRegistry[] {
    return this.q.list.all().map(fromRow);
  }

  get(name: string): StoredRegistry | null {
    const row = this.q.get.get(name);
    return row ? fromRow(row) : null;
  }

  /** Creates the registry or replaces its settings (keeping its creation time). */
  save(r: { name: string; kind: RegistryKind; url: string; username: string }, now: number): StoredRegistry {
    this.q.save.run(r.name, r.kind, r.url, r.username, now, now);
    return this.get(r.name)!;
  }

  /** Removes the registry and its gates (the audit of what was promoted there stays). */
  remove(name: string): boolean {
    return this.db.transaction(() => {
      this.q.removeGates.run(name);
      return this.q.remove.run(name).changes > 0;
    })();
  }

  gate(registry: string, model: string): GateRule[] {
    return this.q.gate.all(registry, model).map((r) => (r.description === null ? { expression: r.expression } : { expression: r.expression, description: r.description }));
  }

  /** Replaces the rules of (registry, model), keeping their order. */
  setGate(registry: string, model: string, rules: readonly GateRule[]): GateRule[] {
    this.db.transaction(() => {
      this.q.clearGate.run(registry, model);
      rules.forEach((r, i) => this.q.addRule.run(registry, model, i, r.expression, r.description ?? null));
    })();
    return this.gate(registry, model);
  }
}
