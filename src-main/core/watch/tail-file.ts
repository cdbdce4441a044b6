import { open } from 'node:fs/promises';
import type { Store } from '../store/store';
import type { NewPoint } from '../store/metric-point';
import type { EventHub } from '../events/event-hub';
import { errorText } from './source';

/** Bytes read per slice; each slice's points commit with the offset that follows them. */
export const SLICE_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

/** Turns a run of complete lines (starting at byte `baseOffset` of the file) into points. */
export type LineParser = (text: string, baseOffset: number, problems: string[]) => NewPoint[];

export interface TailTarget {
  runId: string;
  file: string;
  /**
   * Names the committed offset. Usually the file path; a format whose files move (MLflow moves
   * a deleted experiment into `.trash`) keys it by what the file *is* instead, so a move does
   * not read the same lines twice.
   */
  offsetKey: string;
  parse: LineParser;
}

/**
 * Tails an append-only text file from the offset committed last time. Points and the new
 * offset commit in one transaction, so a crash or restart neither loses nor duplicates a line;
 * a half-written last line waits for its newline. The offset is checked again inside the
 * transaction: another ingest of the same file (the watcher beside a scan, or `runlens ingest`
 * in another process) may have committed the slice meanwhile. Never throws for file problems.
 */
export async function tailFile(store: Store, hub: EventHub, t: TailTarget, problems: string[]): Promise<number> {
  const { runId, file, offsetKey } = t;
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
    let offset = store.watch.offset(offsetKey);
    if (size === offset) return 0;
    if (size < offset) {
      problems.push(`${file}: file shrank below the ingested offset (truncated or replaced); reading it again from the start`);
      offset = 0;
      store.tx(() => store.watch.setOffset(offsetKey, 0, runId));
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
        store.tx(() => store.watch.setOffset(offsetKey, offset + bytesRead, runId));
        offset += bytesRead;
        continue;
      }
      const consumed = lastNl + 1;
      const points = t.parse(buf.toString('utf8', 0, consumed), offset, problems);
      const next = offset + consumed;
      const keys = store.tx(() => {
        if (store.watch.offset(offsetKey) !== offset) return null;
        const touched = store.metrics.append(runId, points);
        if (points.length > 0) store.runs.heartbeat(runId, latestTimestamp(points));
        store.watch.setOffset(offsetKey, next, runId);
        return touched;
      });
      if (keys === null) {
        offset = store.watch.offset(offsetKey);
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

/**
 * A LineParser from a one-line parser: blank lines are skipped, junk lines are skipped and
 * reported (the first few by byte offset, then a count), the good ones kept.
 */
export function lineParser(file: string, parseLine: (line: string) => NewPoint): LineParser {
  return (text, baseOffset, problems) => {
    const points: NewPoint[] = [];
    let bad = 0;
    let at = baseOffset;
    for (const line of text.split('\n')) {
      const lineStart = at;
      at += Buffer.byteLength(line) + 1;
      if (line.trim() === '') continue;
      try {
        points.push(parseLine(line));
      } catch (e) {
        bad += 1;
        if (bad <= MAX_REPORTED_LINES) problems.push(`${file}: byte ${lineStart}: ${errorText(e)}; line skipped`);
      }
    }
    if (bad > MAX_REPORTED_LINES) problems.push(`${file}: ${bad - MAX_REPORTED_LINES} more junk lines skipped`);
    return points;
  };
}
