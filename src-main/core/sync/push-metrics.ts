// A run's full metric history to the remote, exactly once. Per key, remote_push_marks holds how
// many of the series' points (in stored order) the remote holds; batches go out in that order
// and the mark rises after each 2xx. A batch whose outcome is unknown (network error, 5xx,
// server killed, cancel, app quit mid-request) leaves the key marked in flight: before sending
// that key again the remote is asked how many points it holds. MLflow commits a log-batch
// atomically, so that count is exactly where to resume. (A request cut off on our side that the
// server still commits after that count was read, cannot be told apart; its points would go
// again, and MLflow's SQL stores drop them as identical repeats, see below.)
import { z } from 'zod';
import { toWire } from '../../../src-shared/wire-number';
import type { MlflowRest } from '../registry/mlflow/mlflow-rest';
import type { Store } from '../store/store';
import type { StoredSeries } from '../store/stored-series';
import { remotePointCount } from './push-remote';

/** MLflow's log-batch limit on metrics per request. */
export const POINTS_PER_BATCH = 1000;
/** Keys sent at once: per key strictly in order, across keys in parallel for throughput. */
const KEYS_IN_FLIGHT = 4;
/** Points of a key read from the store at once. */
const READ_WINDOW = 50 * POINTS_PER_BATCH;

export interface PushTarget {
  store: Store;
  client: MlflowRest;
  runId: string;
  remote: string;
  remoteRunId: string;
  signal: AbortSignal;
}

export interface PointsProgress {
  /** Points the remote now holds that were sent by this push. */
  sent(n: number): void;
  /** The remote was found to hold `n` more points than the mark said (negative: fewer). */
  found(n: number): void;
}

/** Points not yet on the remote, by key (keys with a batch in flight included, their count still a guess). */
export function pointsToPush(store: Store, series: StoredSeries, runId: string, remote: string): Map<string, number> {
  const marks = store.sync.marks(runId, remote);
  const out = new Map<string, number>();
  for (const [key, count] of series.counts(runId)) {
    const mark = marks.get(key);
    const left = count - (mark?.pushed ?? 0);
    if (left > 0 || mark?.inFlight) out.set(key, Math.max(0, left));
  }
  return out;
}

export async function pushMetrics(t: PushTarget, series: StoredSeries, progress: PointsProgress): Promise<void> {
  const keys = [...pointsToPush(t.store, series, t.runId, t.remote).keys()];
  const next = () => keys.shift();
  const worker = async () => {
    for (let key = next(); key !== undefined; key = next()) await pushKey(t, series, key, progress);
  };
  await Promise.all(Array.from({ length: Math.min(KEYS_IN_FLIGHT, keys.length) }, worker));
}

async function pushKey(t: PushTarget, series: StoredSeries, key: string, progress: PointsProgress): Promise<void> {
  const mark = t.store.sync.marks(t.runId, t.remote).get(key);
  let pushed = mark?.pushed ?? 0;
  if (mark?.inFlight) {
    const held = await remotePointCount(t.client, t.remoteRunId, key, t.signal);
    t.store.sync.setMark(t.runId, t.remote, key, held);
    progress.found(held - pushed);
    pushed = held;
  }
  // Read a window at a time: a series of millions of points is never all in memory.
  for (let points = series.readFrom(t.runId, key, pushed, READ_WINDOW); points.step.length > 0; points = series.readFrom(t.runId, key, pushed, READ_WINDOW)) {
    for (let i = 0; i < points.step.length; i += POINTS_PER_BATCH) {
      t.signal.throwIfAborted();
      const end = Math.min(i + POINTS_PER_BATCH, points.step.length);
      const metrics = [];
      for (let j = i; j < end; j++) {
        // MLflow wants int64 steps and timestamps: a fractional step (possible in a file-imported
        // run) is truncated toward zero, a fractional timestamp rounded to the millisecond.
        // NaN and ±Infinity go as the strings MLflow's JSON (and its Python client) uses.
        // NB MLflow's SQL stores drop a point identical in (key, value, timestamp, step) to one
        // already stored: such repeats in a local series are stored remotely once.
        metrics.push({ key, value: toWire(points.value[j]!), timestamp: Math.round(points.timestamp[j]!), step: Math.trunc(points.step[j]!) });
      }
      t.store.sync.markInFlight(t.runId, t.remote, key);
      await t.client.post('runs/log-batch', { run_id: t.remoteRunId, metrics }, z.unknown(), t.signal);
      pushed += end - i;
      t.store.sync.setMark(t.runId, t.remote, key, pushed);
      progress.sent(end - i);
    }
  }
}
