import type { Db } from './open-db';

/** A remote as stored: everything but the secret, which never enters SQLite. */
export interface StoredRemote {
  name: string;
  url: string;
  username: string;
  createdAt: number;
  updatedAt: number;
}

interface RemoteRow {
  name: string;
  url: string;
  username: string;
  created_at: number;
  updated_at: number;
}

const fromRow = (r: RemoteRow): StoredRemote => ({ name: r.name, url: r.url, username: r.username, createdAt: r.created_at, updatedAt: r.updated_at });

/** The team's MLflow tracking servers runs are pushed to and pulled from. */
export class RemoteRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      list: db.prepare<[], RemoteRow>('SELECT * FROM remotes ORDER BY name COLLATE NOCASE, name'),
      get: db.prepare<[string], RemoteRow>('SELECT * FROM remotes WHERE name = ?'),
      save: db.prepare<[string, string, string, number, number]>(
        `INSERT INTO remotes (name, url, username, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET url = excluded.url, username = excluded.username, updated_at = excluded.updated_at`,
      ),
      remove: db.prepare<[string]>('DELETE FROM remotes WHERE name = ?'),
    };
  }

  list(): StoredRemote[] {
    return this.q.list.all().map(fromRow);
  }

  get(name: string): StoredRemote | null {
    const row = this.q.get.get(name);
    return row ? fromRow(row) : null;
  }

  /** Creates the remote or replaces its settings (keeping its creation time). */
  save(r: { name: string; url: string; username: string }, now: number): StoredRemote {
    this.q.save.run(r.name, r.url, r.username, now, now);
    return this.get(r.name)!;
  }

  remove(name: string): boolean {
    return this.q.remove.run(name).changes > 0;
  }
}
