import type { Db } from './open-db';
import { packFloats, unpackFloats, unpackInto } from './chunk-codec';
import { sortColumns } from './sort-columns';
import type { MetricPoint, NewPoint, SeriesColumns, SeriesSummaryColumns, StepValues } from './metric-point';

/** Points per chunk row: big enough to amortise a row, small enough to rewrite the tail cheaply. */
export const CHUNK_CAPACITY = 1024;

interface SeriesRow extends SeriesSummaryColumns {
  id: number;
  max_step: number;
  ordered: number;
}

interface ChunkRow {
  seq: number;
  count: number;
  steps: Buffer;
  timestamps: Buffer;
  vals: Buffer;
}
/** A chunk as reads fetch it: timestamps only when asked for. */
type ReadChunkRow = Omit<ChunkRow, 'timestamps'> & { timestamps: Buffer | null };

/** MLflow's "latest": the greatest (step, timestamp, value); NaN ranks lowest among values. */
function isLater(a: MetricPoint, step: number, ts: number, value: number): boolean {
  if (a.step !== step) return a.step > step;
  if (a.timestamp !== ts) return a.timestamp > ts;
  if (Number.isNaN(value)) return !Number.isNaN(a.value);
  return a.value > value;
}

/**
 * Appends and reads metric series stored as packed chunks. Callers run `append` inside their
 * own transaction, so points, summaries and e.g. a file offset commit together.
 */
export class MetricStore {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      series: db.prepare<[string, string], SeriesRow>(
        `SELECT id, count, last_value, last_is_nan, last_step, last_timestamp, min_value, max_value, min_value_step,
           max_value_step, max_step, ordered FROM metric_series WHERE run_id = ? AND key = ?`,
      ),
      insertSeries: db.prepare<[string, string]>(
        'INSERT INTO metric_series (run_id, key, max_step) VALUES (?, ?, -1) RETURNING id',
      ),
      updateSeries: db.prepare(
        `UPDATE metric_series SET count = @count, last_value = @last_value, last_is_nan = @last_is_nan,
           last_step = @last_step, last_timestamp = @last_timestamp, min_value = @min_value,
           max_value = @max_value, min_value_step = @min_value_step, max_value_step = @max_value_step, max_step = @max_step, ordered = @ordered WHERE id = @id`,
      ),
      tail: db.prepare<[number], ChunkRow>(
        'SELECT seq, count, steps, timestamps, vals FROM metric_chunks WHERE series_id = ? ORDER BY seq DESC LIMIT 1',
      ),
      upsertChunk: db.prepare(
        `INSERT INTO metric_chunks (series_id, seq, count, step_min, step_max, value_min, value_max, steps, timestamps, vals)
         VALUES (@series_id, @seq, @count, @step_min, @step_max, @value_min, @value_max, @steps, @timestamps, @vals)
         ON CONFLICT (series_id, seq) DO UPDATE SET count = excluded.count, step_min = excluded.step_min,
           step_max = excluded.step_max, value_min = excluded.value_min, value_max = excluded.value_max,
           steps = excluded.steps, timestamps = excluded.timestamps, vals = excluded.vals`,
      ),
      // The chunk rows' blobs overflow into pages a scan of the table walks; the step index
      // (migration 0003) finds a range's chunks and a series' step extent without them.
      seqRange: db.prepare<[number, number, number], { lo: number | null; hi: number | null }>(
        'SELECT min(seq) AS lo, max(seq) AS hi FROM metric_chunks WHERE series_id = ? AND step_min <= ? AND step_max >= ?',
      ),
      stepExtent: db.prepare<[string, string], { lo: number | null; hi: number | null }>(
        `SELECT min(step_min) AS lo, max(step_max) AS hi FROM metric_chunks
           WHERE series_id = (SELECT id FROM metric_series WHERE run_id = ? AND key = ?)`,
      ),
      chunks: chunkQueries(db, 'steps, timestamps, vals'),
      stepValueChunks: chunkQueries(db, 'steps, NULL AS timestamps, vals'),
      dropSeries: db.prepare<[string, string]>('DELETE FROM metric_series WHERE run_id = ? AND key = ?'),
      seriesInfo: db.prepare<[string, string], { id: number; count: number; ordered: number }>(
        'SELECT id, count, ordered FROM metric_series WHERE run_id = ? AND key = ?',
      ),
    };
  }

  /** Appends points (any keys, any order) to a run's series. Returns the keys touched. */
  append(runId: string, points: readonly NewPoint[]): string[] {
    const byKey = new Map<string, NewPoint[]>();
    for (const p of points) {
      let list = byKey.get(p.key);
      if (!list) byKey.set(p.key, (list = []));
      list.push(p);
    }
    for (const [key, list] of byKey) this.appendSeries(runId, key, list);
    return [...byKey.keys()];
  }

  /** Removes a run's series of one key, points and summary (its chunks go by cascade); false when there was none. */
  dropSeries(runId: string, key: string): boolean {
    return this.q.dropSeries.run(runId, key).changes > 0;
  }

  private appendSeries(runId: string, key: string, logged: NewPoint[]): void {
    let s = this.q.series.get(runId, key);
    if (!s) {
      const { id } = this.q.insertSeries.get(runId, key) as { id: number };
      s = { id, count: 0, last_value: null, last_is_nan: 0, last_step: 0, last_timestamp: 0, min_value: null, max_value: null, min_value_step: null, max_value_step: null, max_step: -1, ordered: 1 };
    }
    const base = s.count;
    const points = logged.every((p) => p.step !== undefined)
      ? (logged as MetricPoint[])
      : logged.map((p, i) => ({ ...p, step: p.step ?? base + i }));
    this.updateSummary(s, points);
    this.writeChunks(s.id, points);
  }

  /**
   * Keeps the summary current. The step of best is the smallest step holding the extreme value:
   * points may arrive out of step order, so a tie with an earlier step moves it back.
   */
  private updateSummary(s: SeriesRow, points: MetricPoint[]): void {
    let lastValue = s.last_is_nan ? NaN : (s.last_value ?? NaN);
    let lastStep = s.last_step;
    let lastTs = s.last_timestamp;
    let hasLast = s.count > 0;
    let min = s.min_value;
    let max = s.max_value;
    let minAt = s.min_value_step;
    let maxAt = s.max_value_step;
    let maxStep = s.max_step;
    let ordered = s.ordered === 1;
    for (const p of points) {
      if (!hasLast || isLater(p, lastStep, lastTs, lastValue)) {
        lastValue = p.value;
        lastStep = p.step;
        lastTs = p.timestamp;
        hasLast = true;
      }
      if (Number.isFinite(p.value)) {
        if (min === null || p.value < min || (p.value === min && p.step < minAt!)) {
          min = p.value;
          minAt = p.step;
        }
        if (max === null || p.value > max || (p.value === max && p.step < maxAt!)) {
          max = p.value;
          maxAt = p.step;
        }
      }
      if (p.step < maxStep) ordered = false;
      else maxStep = p.step;
    }
    this.q.updateSeries.run({
      id: s.id,
      count: s.count + points.length,
      last_value: Number.isNaN(lastValue) ? null : lastValue,
      last_is_nan: Number.isNaN(lastValue) ? 1 : 0,
      last_step: lastStep,
      last_timestamp: lastTs,
      min_value: min,
      max_value: max,
      min_value_step: minAt,
      max_value_step: maxAt,
      max_step: maxStep,
      ordered: ordered ? 1 : 0,
    });
  }

  /** Fills the open tail chunk first, then writes new full chunks. */
  private writeChunks(seriesId: number, points: MetricPoint[]): void {
    const tail = this.q.tail.get(seriesId);
    let seq = tail ? tail.seq : 0;
    const chunk = { step: new Float64Array(CHUNK_CAPACITY), ts: new Float64Array(CHUNK_CAPACITY), val: new Float64Array(CHUNK_CAPACITY) };
    let n = 0;
    if (tail && tail.count < CHUNK_CAPACITY) {
      chunk.step.set(unpackFloats(tail.steps));
      chunk.ts.set(unpackFloats(tail.timestamps));
      chunk.val.set(unpackFloats(tail.vals));
      n = tail.count;
    } else if (tail) {
      seq += 1;
    }
    for (const p of points) {
      if (n === CHUNK_CAPACITY) {
        this.writeChunk(seriesId, seq, chunk, n);
        seq += 1;
        n = 0;
      }
      chunk.step[n] = p.step;
      chunk.ts[n] = p.timestamp;
      chunk.val[n] = p.value;
      n += 1;
    }
    if (n > 0) this.writeChunk(seriesId, seq, chunk, n);
  }

  private writeChunk(seriesId: number, seq: number, c: { step: Float64Array; ts: Float64Array; val: Float64Array }, n: number): void {
    let stepMin = Infinity;
    let stepMax = -Infinity;
    let vMin: number | null = null;
    let vMax: number | null = null;
    for (let i = 0; i < n; i++) {
      const s = c.step[i]!;
      const v = c.val[i]!;
      if (s < stepMin) stepMin = s;
      if (s > stepMax) stepMax = s;
      if (Number.isFinite(v)) {
        if (vMin === null || v < vMin) vMin = v;
        if (vMax === null || v > vMax) vMax = v;
      }
    }
    this.q.upsertChunk.run({
      series_id: seriesId,
      seq,
      count: n,
      step_min: stepMin,
      step_max: stepMax,
      value_min: vMin,
      value_max: vMax,
      steps: packFloats(c.step, n),
      timestamps: packFloats(c.ts, n),
      vals: packFloats(c.val, n),
    });
  }

  /** The smallest and largest step of a series from the chunk index, decoding nothing. */
  stepExtent(runId: string, key: string): [number, number] | null {
    const r = this.q.stepExtent.get(runId, key);
    return r && r.lo !== null && r.hi !== null ? [r.lo, r.hi] : null;
  }

  /**
   * Reads a series (optionally only steps in [minStep, maxStep]) sorted by step; points with
   * equal steps keep their logging order. Returns null when the run has no such key.
   */
  read(runId: string, key: string, minStep = -Infinity, maxStep = Infinity): SeriesColumns | null {
    const cols = this.readColumns(this.q.chunks, runId, key, minStep, maxStep);
    return cols && { step: cols.step, timestamp: cols.timestamp, value: cols.value };
  }

  /** As `read`, without decoding timestamps (a chart along steps needs none). */
  readStepValues(runId: string, key: string, minStep = -Infinity, maxStep = Infinity): StepValues | null {
    const cols = this.readColumns(this.q.stepValueChunks, runId, key, minStep, maxStep);
    return cols && { step: cols.step, value: cols.value };
  }

  private readColumns(q: ChunkQueries, runId: string, key: string, minStep: number, maxStep: number) {
    const info = this.q.seriesInfo.get(runId, key);
    if (!info) return null;
    let chunks: ReadChunkRow[] = [];
    if (minStep === -Infinity && maxStep === Infinity) chunks = q.all.all(info.id);
    else {
      // Chunks overlapping the range lie between these seqs (all of them, if logged in order).
      const seqs = this.q.seqRange.get(info.id, maxStep, minStep);
      if (seqs && seqs.lo !== null) chunks = q.between.all(info.id, seqs.lo, seqs.hi!);
    }
    let n = 0;
    for (const c of chunks) n += c.count;
    const step = new Float64Array(n);
    const value = new Float64Array(n);
    const timestamp = new Float64Array(chunks[0]?.timestamps ? n : 0);
    let at = 0;
    for (const c of chunks) {
      unpackInto(c.steps, step, at);
      unpackInto(c.vals, value, at);
      if (c.timestamps) unpackInto(c.timestamps, timestamp, at);
      at += c.count;
    }
    const cols = { step, value, timestamp };
    return filterRange(info.ordered ? cols : sortColumns(cols, 'step'), minStep, maxStep);
  }
}

/** Chunks overlapping the range may hold points outside it; sorted input makes this a slice. */
function filterRange<T extends { step: Float64Array; value: Float64Array; timestamp: Float64Array }>(c: T, minStep: number, maxStep: number): T {
  if (minStep === -Infinity && maxStep === Infinity) return c;
  let lo = 0;
  while (lo < c.step.length && c.step[lo]! < minStep) lo++;
  let hi = c.step.length;
  while (hi > lo && c.step[hi - 1]! > maxStep) hi--;
  return { ...c, step: c.step.subarray(lo, hi), timestamp: c.timestamp.subarray(lo, hi), value: c.value.subarray(lo, hi) };
}

type ChunkQueries = ReturnType<typeof chunkQueries>;

/** The chunks of a series, all or a seq span, decoding the given columns. */
function chunkQueries(db: Db, columns: string) {
  return {
    all: db.prepare<[number], ReadChunkRow>(`SELECT seq, count, ${columns} FROM metric_chunks WHERE series_id = ? ORDER BY seq`),
    between: db.prepare<[number, number, number], ReadChunkRow>(
      `SELECT seq, count, ${columns} FROM metric_chunks WHERE series_id = ? AND seq BETWEEN ? AND ? ORDER BY seq`,
    ),
  };
}
