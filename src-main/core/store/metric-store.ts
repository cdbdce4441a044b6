import type { Db } from './open-db';
import { packFloats, unpackFloats, unpackInto } from './chunk-codec';
import { sortColumns } from './sort-columns';
import type { NewPoint, PointColumns, SeriesColumns, SeriesSummaryColumns, StepValues } from './metric-point';

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
function isLater(aStep: number, aTs: number, aValue: number, step: number, ts: number, value: number): boolean {
  if (aStep !== step) return aStep > step;
  if (aTs !== ts) return aTs > ts;
  if (Number.isNaN(value)) return !Number.isNaN(aValue);
  return aValue > value;
}

/** One series' new points as parallel columns; a NaN step is "not given". */
interface SeriesBatch {
  step: Float64Array;
  ts: Float64Array;
  val: Float64Array;
  n: number;
}

function newBatch(capacity: number): SeriesBatch {
  return { step: new Float64Array(capacity), ts: new Float64Array(capacity), val: new Float64Array(capacity), n: 0 };
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
    const counts = new Map<string, number>();
    for (const p of points) counts.set(p.key, (counts.get(p.key) ?? 0) + 1);
    const byKey = new Map<string, SeriesBatch>();
    for (const [key, count] of counts) byKey.set(key, newBatch(count));
    for (const p of points) {
      const b = byKey.get(p.key)!;
      b.step[b.n] = p.step ?? NaN;
      b.ts[b.n] = p.timestamp;
      b.val[b.n] = p.value;
      b.n += 1;
    }
    for (const [key, b] of byKey) this.appendSeries(runId, key, b);
    return [...byKey.keys()];
  }

  /**
   * As `append`, for points given as columns (from index `from` on): grouped by key into typed
   * arrays without a per-point object.
   */
  appendColumns(runId: string, c: PointColumns, from = 0): string[] {
    const n = c.value.length;
    if (from >= n) return [];
    const batches: (SeriesBatch | undefined)[] = new Array(c.keys.length);
    if (c.keys.length === 1) {
      // The common case (one key per batch): copy the columns as they are.
      const b = newBatch(n - from);
      for (let i = from; i < n; i++) {
        const j = i - from;
        b.step[j] = c.step ? c.step[i]! : NaN;
        b.ts[j] = c.timestamp[i]!;
        b.val[j] = c.value[i]!;
      }
      b.n = n - from;
      batches[0] = b;
    } else {
      const counts = new Uint32Array(c.keys.length);
      for (let i = from; i < n; i++) counts[c.key[i]!]! += 1;
      for (let k = 0; k < counts.length; k++) if (counts[k]! > 0) batches[k] = newBatch(counts[k]!);
      for (let i = from; i < n; i++) {
        const b = batches[c.key[i]!]!;
        b.step[b.n] = c.step ? c.step[i]! : NaN;
        b.ts[b.n] = c.timestamp[i]!;
        b.val[b.n] = c.value[i]!;
        b.n += 1;
      }
    }
    const touched: string[] = [];
    for (let k = 0; k < batches.length; k++) {
      const b = batches[k];
      if (!b) continue;
      this.appendSeries(runId, c.keys[k]!, b);
      touched.push(c.keys[k]!);
    }
    return touched;
  }

  /** Removes a run's series of one key, points and summary (its chunks go by cascade); false when there was none. */
  dropSeries(runId: string, key: string): boolean {
    return this.q.dropSeries.run(runId, key).changes > 0;
  }

  private appendSeries(runId: string, key: string, b: SeriesBatch): void {
    let s = this.q.series.get(runId, key);
    if (!s) {
      const { id } = this.q.insertSeries.get(runId, key) as { id: number };
      s = { id, count: 0, last_value: null, last_is_nan: 0, last_step: 0, last_timestamp: 0, min_value: null, max_value: null, min_value_step: null, max_value_step: null, max_step: -1, ordered: 1 };
    }
    // A point without a step takes its index in the series.
    const base = s.count;
    for (let i = 0; i < b.n; i++) if (Number.isNaN(b.step[i]!)) b.step[i] = base + i;
    this.updateSummary(s, b);
    this.writeChunks(s.id, b);
  }

  /**
   * Keeps the summary current. The step of best is the smallest step holding the extreme value:
   * points may arrive out of step order, so a tie with an earlier step moves it back.
   */
  private updateSummary(s: SeriesRow, b: SeriesBatch): void {
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
    for (let i = 0; i < b.n; i++) {
      const step = b.step[i]!;
      const ts = b.ts[i]!;
      const value = b.val[i]!;
      if (!hasLast || isLater(step, ts, value, lastStep, lastTs, lastValue)) {
        lastValue = value;
        lastStep = step;
        lastTs = ts;
        hasLast = true;
      }
      if (Number.isFinite(value)) {
        if (min === null || value < min || (value === min && step < minAt!)) {
          min = value;
          minAt = step;
        }
        if (max === null || value > max || (value === max && step < maxAt!)) {
          max = value;
          maxAt = step;
        }
      }
      if (step < maxStep) ordered = false;
      else maxStep = step;
    }
    this.q.updateSeries.run({
      id: s.id,
      count: s.count + b.n,
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
  private writeChunks(seriesId: number, b: SeriesBatch): void {
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
    let i = 0;
    while (i < b.n) {
      if (n === CHUNK_CAPACITY) {
        this.writeChunk(seriesId, seq, chunk, n);
        seq += 1;
        n = 0;
      }
      const take = Math.min(CHUNK_CAPACITY - n, b.n - i);
      chunk.step.set(b.step.subarray(i, i + take), n);
      chunk.ts.set(b.ts.subarray(i, i + take), n);
      chunk.val.set(b.val.subarray(i, i + take), n);
      n += take;
      i += take;
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
