import { join } from 'node:path';
import type { Store } from '../../store/store';
import type { NewPoint } from '../../store/metric-point';
import { BLOCK_SIZE, scanRecords } from '../../ingest/wandb/record-log';
import { decodeRecord, type WandbRunInfo } from '../../ingest/wandb/wandb-record';
import {
  DEFAULT_PROJECT,
  configParams,
  environmentTags,
  historyPoints,
  runTags,
  statsPoints,
  summaryTag,
  summaryTags,
} from '../../ingest/wandb/wandb-mapping';
import type { SliceParser } from '../tail-file';
import { errorText } from '../source';

/** The W&B run folder being read, and what Runlens calls its run. */
export interface WandbRunTarget {
  runId: string;
  /** W&B's own id (from the log's file name), the fallback name. */
  wandbId: string;
  dir: string;
  file: string;
  /** When the log was created (epoch ms): the start time until the run record says. */
  fileStart: number;
}

/** What one slice of the log holds beyond metric points; written with them in one transaction. */
interface RunDelta {
  run: WandbRunInfo | null;
  params: Record<string, string>;
  tags: Record<string, string>;
  removedTags: string[];
  exit: { exitCode: number; runtimeSeconds: number } | null;
  lastTimestamp: number;
}

/**
 * Reads a run log a slice at a time (see tailSlices): complete records become points and a
 * delta of the run's fields, params and tags, applied in the slice's transaction, so the state
 * after a restart is exactly what the committed offset says was read. `sawRunFields` tells the
 * caller to announce the run.
 */
export function wandbSlices(store: Store, t: WandbRunTarget): { parse: SliceParser; sawRunFields: () => boolean } {
  let lastTimestamp = t.fileStart;
  let sawRunFields = false;
  const parse: SliceParser = (bytes, offset, full, problems) => {
    const scan = scanRecords(bytes, offset, problems, t.file);
    if (!scan.valid) return { consumed: 0, points: [] };
    let consumed = scan.next - offset;
    if (consumed === 0 && full) {
      // One record longer than a whole slice: skip the blocks read; reading resumes at the next
      // record start after them.
      const skipTo = Math.floor((offset + bytes.length) / BLOCK_SIZE) * BLOCK_SIZE;
      problems.push(`${t.file}: byte ${offset}: a record longer than ${bytes.length} bytes; skipped`);
      consumed = Math.max(skipTo - offset, 0);
    }
    const delta: RunDelta = { run: null, params: {}, tags: {}, removedTags: [], exit: null, lastTimestamp };
    const points: NewPoint[] = [];
    let undecodable = 0;
    for (const bytesOfRecord of scan.records) {
      let rec;
      try {
        rec = decodeRecord(bytesOfRecord);
      } catch (e) {
        if (undecodable++ === 0) problems.push(`${t.file}: a record after byte ${offset} does not decode (${errorText(e)}); skipped`);
        continue;
      }
      switch (rec.kind) {
        case 'history':
          for (const p of historyPoints(rec.items, rec.step, delta.lastTimestamp)) {
            points.push(p);
            delta.lastTimestamp = p.timestamp;
          }
          break;
        case 'stats':
          points.push(...statsPoints(rec.items, rec.timestamp ?? delta.lastTimestamp));
          break;
        case 'run':
          delta.run = rec.run;
          Object.assign(delta.params, configParams(rec.run.config, problems, t.file));
          Object.assign(delta.tags, runTags(rec.run), summaryTags(rec.run.summary));
          break;
        case 'config':
          Object.assign(delta.params, configParams(rec.update, problems, t.file));
          break;
        case 'summary':
          Object.assign(delta.tags, summaryTags(rec.update));
          for (const key of rec.remove) {
            const tag = summaryTag(key);
            delete delta.tags[tag];
            delta.removedTags.push(tag);
          }
          break;
        case 'environment':
          Object.assign(delta.tags, environmentTags(rec.env));
          break;
        case 'exit':
          delta.exit = { exitCode: rec.exitCode, runtimeSeconds: rec.runtimeSeconds };
          break;
        default:
          break;
      }
    }
    if (undecodable > 1) problems.push(`${t.file}: ${undecodable - 1} more undecodable records skipped`);
    lastTimestamp = delta.lastTimestamp;
    const hasRunFields = delta.run !== null || delta.exit !== null || Object.keys(delta.params).length > 0 || Object.keys(delta.tags).length > 0 || delta.removedTags.length > 0;
    if (hasRunFields) sawRunFields = true;
    return { consumed, points, apply: () => applyDelta(store, t, delta, problems) };
  };
  return { parse, sawRunFields: () => sawRunFields };
}

/** Writes a slice's run fields; runs inside the slice's transaction, before its points. */
function applyDelta(store: Store, t: WandbRunTarget, d: RunDelta, problems: string[]): void {
  const { runId } = t;
  if (d.run || !store.runs.exists(runId)) {
    // Without a run record yet (a log whose start is damaged), a placeholder holds the points.
    const startTime = d.run?.startTime ?? store.runs.summary(runId)?.startTime ?? t.fileStart;
    store.runs.upsert({
      id: runId,
      experiment: d.run?.project || DEFAULT_PROJECT,
      name: d.run?.displayName || t.wandbId,
      status: 'RUNNING',
      startTime,
      endTime: null,
      sourceKind: 'wandb',
      sourcePath: t.dir,
      artifactUri: join(t.dir, 'files'),
    });
    store.runs.setSource(runId, 'wandb', t.dir);
  }
  const params = { ...d.params };
  for (const key of store.runs.paramConflicts(runId, params)) {
    problems.push(`${t.file}: config '${key}' changed value; the first value is kept`);
    delete params[key];
  }
  store.runs.setParams(runId, params);
  for (const tag of d.removedTags) store.runs.deleteTag(runId, tag);
  store.runs.setTags(runId, d.tags);
  if (d.exit) {
    const run = store.runs.summary(runId)!;
    const endTime = Math.max(run.startTime + d.exit.runtimeSeconds * 1000, run.lastHeartbeat, d.lastTimestamp);
    store.runs.finish(runId, d.exit.exitCode === 0 ? 'FINISHED' : 'FAILED', endTime);
  }
}
