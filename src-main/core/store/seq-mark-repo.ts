import type { Db } from './open-db';

/**
 * Per-run high-water marks of numbered points (see migration 0009): what makes a client's
 * resent or spooled points land exactly once. Call `admit` inside the transaction that stores
 * the points it keeps, so the mark and the points commit together.
 */
export class SeqMarkRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      mark: db.prepare<[string], { mark: number }>('SELECT mark FROM run_seq_marks WHERE run_id = ?'),
      raise: db.prepare<[string, number]>(
        'INSERT INTO run_seq_marks (run_id, mark) VALUES (?, ?) ON CONFLICT (run_id) DO UPDATE SET mark = max(mark, excluded.mark)',
      ),
    };
  }

  /** The highest sequence number stored for the run; 0 when it has none. */
  mark(runId: string): number {
    return this.q.mark.get(runId)?.mark ?? 0;
  }

  /**
   * Keeps the points numbered above the run's mark (and every unnumbered point) and raises the
   * mark to the highest number seen. Numbers are expected in logging order: a point numbered at
   * or below one kept earlier in the same call is a repeat and is skipped too.
   */
  admit<P>(runId: string, points: readonly P[], seqOf: (point: P, index: number) => number | undefined): P[] {
    const before = this.mark(runId);
    let mark = before;
    const kept: P[] = [];
    for (let i = 0; i < points.length; i++) {
      const seq = seqOf(points[i]!, i);
      if (seq === undefined) kept.push(points[i]!);
      else if (seq > mark) {
        kept.push(points[i]!);
        mark = seq;
      }
    }
    if (mark > before) this.q.raise.run(runId, mark);
    return kept;
  }

  /**
   * `admit` for `count` points numbered firstSeq, firstSeq + 1, … (columns): returns the index of
   * the first point above the run's mark (count when none is), and raises the mark to the last.
   */
  admitRun(runId: string, firstSeq: number, count: number): number {
    if (count === 0) return 0;
    const before = this.mark(runId);
    const from = Math.min(count, Math.max(0, before - firstSeq + 1));
    const last = firstSeq + count - 1;
    if (last > before) this.q.raise.run(runId, last);
    return from;
  }
}
