import type { Db } from './open-db';

/** Watched folders and how far each tailed file has been ingested. */
export class WatchRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      roots: db.prepare<[], { path: string; added_at: number }>('SELECT path, added_at FROM watch_roots ORDER BY path'),
      addRoot: db.prepare<[string, number]>('INSERT OR IGNORE INTO watch_roots (path, added_at) VALUES (?, ?)'),
      removeRoot: db.prepare<[string]>('DELETE FROM watch_roots WHERE path = ?'),
      offset: db.prepare<[string], { offset: number }>('SELECT offset FROM file_offsets WHERE path = ?'),
      setOffset: db.prepare<[string, number, string | null]>(
        'INSERT INTO file_offsets (path, offset, run_id) VALUES (?, ?, ?) ON CONFLICT (path) DO UPDATE SET offset = excluded.offset, run_id = excluded.run_id',
      ),
    };
  }

  roots(): { path: string; addedAt: number }[] {
    return this.q.roots.all().map((r) => ({ path: r.path, addedAt: r.added_at }));
  }

  addRoot(path: string, now: number): void {
    this.q.addRoot.run(path, now);
  }

  removeRoot(path: string): boolean {
    return this.q.removeRoot.run(path).changes > 0;
  }

  offset(path: string): number {
    return this.q.offset.get(path)?.offset ?? 0;
  }

  /** Call inside the transaction that stores what was read up to `offset`. */
  setOffset(path: string, offset: number, runId: string | null): void {
    this.q.setOffset.run(path, offset, runId);
  }
}
