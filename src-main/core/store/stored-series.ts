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

export class StoredSeries {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      counts: db.prepare<[string], { key: string; count: number }>('SELECT key, count FROM metric_series WHERE run_id = ?'),
      chunkSizes: db.prepare<[string, string], { seq: number; count: number }>(
        `SELECT c.seq, c.count FROM metric_chunks c JOIN metric_series s ON s.id = c.series_id
           WHERE s.run_id = ? AND s.key = ? ORDER BY c.seq`,
      ),
      chunksFrom: db.prepare<[string, string, number], { count: number; steps: Buffer; timestamps: Buffer; vals: Buffer }>(
        `SELECT c.count, c.steps, c.timestamps, c.vals FROM metric_chunks c JOIN metric_series s ON s.id = c.series_id
           WHERE s.run_id = ? AND s.key = ? AND c.seq >= ? ORDER BY c.seq`,
      ),
    };
  }

  /** How many points each key of the run holds. */
  counts(runId: string): Map<string, number> {
    return new Map(this.q.counts.all(runId).map((r) => [r.key, r.count]));
  }

  /** The points from position `from` (0-based, stored order) to the end. */
  readFrom(runId: string, key: string, from: number): StoredPoints {
    let skipped = 0;
    let firstSeq: number | null = null;
    for (const c of this.q.chunkSizes.all(runId, key)) {
      if (skipped + c.count > from) {
        firstSeq = c.seq;
        break;
      }
      skipped += c.count;
    }
    if (firstSeq === null) return { step: new Float64Array(0), timestamp: new Float64Array(0), value: new Float64Array(0) };
    const chunks = this.q.chunksFrom.all(runId, key, firstSeq);
    let n = 0;
    for (const c of chunks) n += c.count;
    const out = { step: new Float64Array(n), timestamp: new Float64Array(n), value: new Float64Array(n) };
    let at = 0;
    for (const c of chunks) {
      unpackInto(c.steps, out.step, at);
      unpackInto(c.timestamps, out.timestamp, at);
      unpackInto(c.vals, out.value, at);
      at += c.count;
    }
    const cut = from - skipped;
    return { step: out.step.subarray(cut), timestamp: out.timestamp.subarray(cut), value: out.value.subarray(cut) };
  }
}
