import { open, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Store } from '../store/store';
import type { NewPoint } from '../store/metric-point';
import type { EventHub } from '../events/event-hub';
import { METRICS_FILE, RUN_FILE, parseMetricLine, parseRunFile } from '../ingest/run-folder-format';

/** Bytes read per slice; each slice's points commit with the offset that follows them. */
export const SLICE_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

export interface FolderResult {
  runId: string | null;
  points: number;
  problems: string[];
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Ingests one native run folder: `run.json` is (re)read whole, `metrics.jsonl` is tailed from
 * the offset committed last time. Points and the new offset commit in one transaction, so a
 * crash or restart neither loses nor duplicates a line, and a half-written last line waits for
 * its newline. Junk lines are skipped and reported; nothing here throws for bad files.
 */
export async function ingestRunFolder(store: Store, hub: EventHub, dir: string): Promise<FolderResult> {
  const problems: string[] = [];
  let text: string;
  try {
    text = await readFile(join(dir, RUN_FILE), 'utf8');
  } catch (e) {
    return { runId: null, points: 0, problems: [`${dir}: cannot read ${RUN_FILE}: ${errorText(e)}`] };
  }
  let meta;
  try {
    meta = parseRunFile(text, dir, basename(dir));
  } catch (e) {
    // A run.json caught mid-write parses on the next change event; report it meanwhile.
    return { runId: null, points: 0, problems: [`${dir}: ${errorText(e)}`] };
  }
  const runId = meta.id;
  const fileStart = meta.startTime ?? (await stat(join(dir, RUN_FILE))).mtimeMs;
  store.tx(() => {
    store.runs.upsert({
      id: runId,
      experiment: meta.experiment,
      name: meta.name,
      status: meta.status,
      startTime: Math.round(fileStart),
      endTime: meta.endTime,
      sourceKind: 'runlens-folder',
      sourcePath: dir,
    });
    const conflicts = store.runs.paramConflicts(runId, meta.params);
    for (const key of conflicts) {
      problems.push(`${dir}: param '${key}' changed value; the first value is kept`);
      delete meta.params[key];
    }
    store.runs.setParams(runId, meta.params);
    store.runs.setTags(runId, meta.tags);
  });
  hub.runChanged(runId);
  const points = await tailMetrics(store, hub, runId, join(dir, METRICS_FILE), problems);
  return { runId, points, problems };
}

async function tailMetrics(store: Store, hub: EventHub, runId: string, file: string, problems: string[]): Promise<number> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${file}: ${errorText(e)}`);
    return 0;
  }
  let total = 0;
  try {
    const { size } = await handle.stat();
    let offset = store.watch.offset(file);
    if (size < offset) {
      problems.push(`${file}: file shrank below the ingested offset (truncated or replaced); reading it again from the start`);
      offset = 0;
      store.tx(() => store.watch.setOffset(file, 0, runId));
    }
    const buf = Buffer.allocUnsafe(Math.min(SLICE_BYTES, Math.max(size - offset, 1)));
    while (offset < size) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, size - offset), offset);
      if (bytesRead === 0) break;
      const lastNl = buf.lastIndexOf(NEWLINE, bytesRead - 1);
      if (lastNl < 0) {
        // No newline: the last line is still being written, unless the slice is full, in which
        // case one line exceeds the slice and can never be a valid point.
        if (bytesRead < SLICE_BYTES) break;
        problems.push(`${file}: a line at byte ${offset} is longer than ${SLICE_BYTES} bytes; skipped`);
        store.tx(() => store.watch.setOffset(file, offset + bytesRead, runId));
        offset += bytesRead;
        continue;
      }
      const consumed = lastNl + 1;
      const points = parseLines(buf.toString('utf8', 0, consumed), offset, file, problems);
      const next = offset + consumed;
      // Another ingest of the same file (the watcher beside a scan, or `runlens ingest` in
      // another process) may have committed this slice meanwhile: the offset is the arbiter.
      const keys = store.tx(() => {
        if (store.watch.offset(file) !== offset) return null;
        const touched = store.metrics.append(runId, points);
        if (points.length > 0) store.runs.heartbeat(runId, latestTimestamp(points));
        store.watch.setOffset(file, next, runId);
        return touched;
      });
      if (keys === null) {
        offset = store.watch.offset(file);
        continue;
      }
      if (keys.length > 0) hub.pointsAppended(runId, keys);
      total += points.length;
      offset = next;
    }
  } catch (e) {
    problems.push(`${file}: ${errorText(e)}`);
  } finally {
    await handle.close();
  }
  return total;
}

function latestTimestamp(points: NewPoint[]): number {
  let latest = 0;
  for (const p of points) if (p.timestamp > latest) latest = p.timestamp;
  return latest;
}

const MAX_REPORTED_LINES = 5;

function parseLines(text: string, baseOffset: number, file: string, problems: string[]): NewPoint[] {
  const now = Date.now();
  const points: NewPoint[] = [];
  let bad = 0;
  let at = baseOffset;
  for (const line of text.split('\n')) {
    const lineStart = at;
    at += Buffer.byteLength(line) + 1;
    if (line.trim() === '') continue;
    try {
      const p = parseMetricLine(line);
      points.push({ key: p.key, value: p.value, step: p.step, timestamp: p.timestamp ?? now });
    } catch (e) {
      bad += 1;
      if (bad <= MAX_REPORTED_LINES) problems.push(`${file}: byte ${lineStart}: ${errorText(e)}; line skipped`);
    }
  }
  if (bad > MAX_REPORTED_LINES) problems.push(`${file}: ${bad - MAX_REPORTED_LINES} more junk lines skipped`);
  return points;
}
