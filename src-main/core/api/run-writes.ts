// The write path every logging API shares (native and MLflow): one transaction per request,
// the run checked to exist and be active, params immutable, events after the commit.
import { ApiError } from '../../../src-shared/errors';
import type { RunSummary } from '../../../src-shared/domain';
import type { Store } from '../store/store';
import type { EventHub } from '../events/event-hub';
import type { NewPoint, PointColumns } from '../store/metric-point';

export interface RunWrite {
  points?: readonly NewPoint[];
  /** Points as columns (the native route's columnar body); with `points`, these follow them. */
  columns?: PointColumns;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  /** The sequence number of the first point; the rest follow in order (see SeqMarkRepo). */
  firstSeq?: number;
}

export interface WriteResult {
  /** Points stored. */
  accepted: number;
  /** Numbered points already stored before (a resend), left out. */
  skipped: number;
}

export function runNotFound(id: string): ApiError {
  return new ApiError('RESOURCE_DOES_NOT_EXIST', `Run with id=${id} not found`);
}

/** Throws RESOURCE_DOES_NOT_EXIST for an unknown run (cheaper than a summary). */
export function checkExists(store: Store, id: string): void {
  if (store.runs.lifecycle(id) === null) throw runNotFound(id);
}

/**
 * Throws unless the run exists and takes writes: a run pulled from a remote is a read-only copy
 * (PERMISSION_DENIED), its data the remote's. Every write to a run's data passes here; deleting
 * a copy (lifecycle) does not, and stays allowed.
 */
export function checkWritable(store: Store, id: string): void {
  checkExists(store, id);
  refusePulledCopy(store, id);
}

function refusePulledCopy(store: Store, id: string): void {
  const pulled = store.sync.pulledFrom(id);
  if (pulled) throw new ApiError('PERMISSION_DENIED', `Run ${id} is a read-only copy of run ${pulled.remoteRunId} on remote '${pulled.remote}'`);
}

/**
 * Throws unless the run takes writes (as checkWritable) and is active (MLflow's rule for
 * writes). On every logging request: the lifecycle is read once, for both checks.
 */
export function checkActive(store: Store, id: string): void {
  const stage = store.runs.lifecycle(id);
  if (stage === null) throw runNotFound(id);
  refusePulledCopy(store, id);
  if (stage !== 'active') {
    throw new ApiError('INVALID_PARAMETER_VALUE', `The run ${id} must be in the 'active' state. Current state is ${stage}.`);
  }
}

/** The run's summary, or RESOURCE_DOES_NOT_EXIST. */
export function requireRun(store: Store, id: string): RunSummary {
  const run = store.runs.summary(id);
  if (!run) throw runNotFound(id);
  return run;
}

/** Writes points, params and tags to a run in one transaction. */
export function writeToRun(store: Store, hub: EventHub, runId: string, w: RunWrite, now: number): WriteResult {
  const points = w.points ?? [];
  const columns = w.columns;
  const total = points.length + (columns ? columns.value.length : 0);
  const { firstSeq } = w;
  const { keys, accepted } = store.tx(() => {
    checkActive(store, runId);
    if (w.params) store.runs.setParams(runId, w.params);
    if (w.tags) store.runs.setTags(runId, w.tags);
    store.runs.heartbeat(runId, now);
    const kept = firstSeq === undefined ? points : store.seqMarks.admit(runId, points, (_, i) => firstSeq + i);
    const keys = store.metrics.append(runId, kept);
    let accepted = kept.length;
    if (columns) {
      const n = columns.value.length;
      const from = firstSeq === undefined ? 0 : store.seqMarks.admitRun(runId, firstSeq + points.length, n);
      for (const key of store.metrics.appendColumns(runId, columns, from)) if (!keys.includes(key)) keys.push(key);
      accepted += n - from;
    }
    return { keys, accepted };
  });
  if (keys.length > 0) hub.pointsAppended(runId, keys);
  else hub.runChanged(runId);
  return { accepted, skipped: total - accepted };
}
