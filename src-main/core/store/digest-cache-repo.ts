import type { Db } from './open-db';

export interface CachedDigest {
  size: number;
  mtimeMs: number;
  digest: string;
}

/** File digests by absolute path, valid while the file keeps the size and mtime it had. */
export class DigestCacheRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      get: db.prepare<[string], { size: number; mtime_ms: number; digest: string }>(
        'SELECT size, mtime_ms, digest FROM digest_cache WHERE path = ?',
      ),
      put: db.prepare<[string, number, number, string, number]>(
        `INSERT INTO digest_cache (path, size, mtime_ms, digest, checked_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms,
           digest = excluded.digest, checked_at = excluded.checked_at`,
      ),
    };
  }

  get(path: string): CachedDigest | null {
    const row = this.q.get.get(path);
    return row ? { size: row.size, mtimeMs: row.mtime_ms, digest: row.digest } : null;
  }

  put(path: string, entry: CachedDigest, now: number): void {
    this.q.put.run(path, entry.size, entry.mtimeMs, entry.digest, now);
  }
}
