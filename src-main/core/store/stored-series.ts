// A metric series in the order its points were stored (chunk by chunk), from a position on.
// A push counts "how many points the remote holds" in this order: appends only ever add at the
// end of it, so a count stays valid as the run keeps logging (MetricStore.read sorts by step,
// which an out-of-order append would reshuffle).
import { unpackInto } from './chunk-codec';
import type { Db } from './open-db';

export interface StoredPoints {
  step: Float64Array;
  timestamp: Float64Array;
  value: Float64Array;
}

interface ChunkSize {
  seq: number;
  count: number;
}

export class StoredSeries {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      counts: db.prepare<[string], { key: string; count: number }>('SELECT key, count FROM metric_series WHERE run_id = ?'),
      chunkSizes: db.prepare<[string, string], { seq: number; count: number }>(
        `SELECT c.seq, c.count FROM metric_chunks c JOIN metric_series s ON s.id = c.series_id
           WHERE s.run_id = ? AND s.key = ? ORDER BY c.seq`,
      ),
      // With the series' count read in the same statement: one snapshot, even with another writer.
      chunkSizesFromEnd: db.prepare<[string, string], { seq: number; count: number; total: number }>(
        `SELECT c.seq, c.count, s.count AS total FROM metric_chunks c JOIN metric_series s ON s.id = c.series_id
           WHERE s.run_id = ? AND s.key = ? ORDER BY c.seq DESC`,
      ),
      chunksFrom: db.prepare<[string, string, number, number], { count: number; steps: Buffer; timestamps: Buffer; vals: Buffer }>(
        `SELECT c.count, c.steps, c.timestamps, c.vals FROM metric_chunks c JOIN metric_series s ON s.id = c.series_id
           WHERE s.run_id = ? AND s.key = ? AND c.seq >= ? ORDER BY c.seq LIMIT ?`,
      ),
    };
  }

  /** How many points each key of the run holds. */
  counts(runId: string): Map<string, number> {
    return new Map(this.q.counts.all(runId).map((r) => [r.key, r.count]));
  }

  /** Up to `limit` points from position `from` (0-based, stored order) on. */
  readFrom(runId: string, key: string, from: number, limit: number): StoredPoints {
    // Which chunks hold points from..from+limit: counts only, no blobs decoded.
    let before = 0;
    const sizes: ChunkSize[] = [];
    let covered = 0;
    for (const c of this.q.chunkSizes.all(runId, key)) {
      if (sizes.length === 0 && before + c.count <= from) {
        before += c.count;
        continue;
      }
      sizes.push(c);
      covered += c.count;
      if (covered >= from - before + limit) break;
    }
    return this.decode(runId, key, sizes, from - before, limit);
  }

  /**
   * readFrom for positions near the end (points just appended): the chunks are found walking
   * back from the last one, so the cost follows the points read, not the length of the series.
   */
  readNearEnd(runId: string, key: string, from: number, limit: number): StoredPoints {
    const tail: ChunkSize[] = [];
    let before: number | null = null;
    for (const c of this.q.chunkSizesFromEnd.iterate(runId, key)) {
      tail.push(c);
      before = (before ?? c.total) - c.count;
      if (before <= from) break;
    }
    return this.decode(runId, key, tail.reverse(), from - (before ?? 0), limit);
  }

  /** Points lo..lo+limit of the chunks starting with sizes[0] (only those needed are fetched). */
  private decode(runId: string, key: string, sizes: readonly ChunkSize[], lo: number, limit: number): StoredPoints {
    let covered = 0;
    let chunkCount = 0;
    for (const c of sizes) {
      chunkCount += 1;
      covered += c.count;
      if (covered >= lo + limit) break;
    }
    const first = sizes[0];
    if (first === undefined || lo < 0) return { step: new Float64Array(0), timestamp: new Float64Array(0), value: new Float64Array(0) };
    const chunks = this.q.chunksFrom.all(runId, key, first.seq, chunkCount);
    const out = { step: new Float64Array(covered), timestamp: new Float64Array(covered), value: new Float64Array(covered) };
    let at = 0;
    for (const c of chunks) {
      unpackInto(c.steps, out.step, at);
      unpackInto(c.timestamps, out.timestamp, at);
      unpackInto(c.vals, out.value, at);
      at += c.count;
    }
    const hi = Math.min(covered, lo + limit);
    return { step: out.step.subarray(lo, hi), timestamp: out.timestamp.subarray(lo, hi), value: out.value.subarray(lo, hi) };
  }
}
