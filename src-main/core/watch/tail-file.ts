import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import type { Store } from '../store/store';
import type { NewPoint } from '../store/metric-point';
import type { EventHub } from '../events/event-hub';
import { errorText } from './source';
import { openRegularFile } from './read-regular-file';

/** Bytes read per slice; each slice's points commit with the offset that follows them. */
export const SLICE_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * A point read from a file. A format whose writer numbers its points gives `seq`: the tail
 * then skips the ones the run already holds (see SeqMarkRepo), in the transaction that commits
 * the rest.
 */
export type TailPoint = NewPoint & { seq?: number | undefined };

/** Turns a run of complete lines (starting at byte `baseOffset` of the file) into points. */
export type LineParser = (text: string, baseOffset: number, problems: string[]) => TailPoint[];

/** What a format makes of the bytes read at `offset`: how many of them are complete units, and what those hold. */
export interface SliceResult {
  /** Bytes from the start of the slice that are read for good; the rest is read again next time. */
  consumed: number;
  points: TailPoint[];
  /** Other writes that belong with these points; runs inside the transaction that commits them. */
  apply?: () => void;
}

/**
 * Reads one slice of a file. `full` says the slice stopped before the end of the file: a unit
 * that does not fit can then never complete, and the parser must consume (skip) something or
 * the tail stops there. A slice that is not full may end in a unit still being written.
 */
export type SliceParser = (bytes: Buffer, offset: number, full: boolean, problems: string[]) => SliceResult;

interface TailCommon {
  runId: string;
  file: string;
  /**
   * Names the committed offset. Usually the file path; a format whose files move (MLflow moves
   * a deleted experiment into `.trash`) keys it by what the file *is* instead, so a move does
   * not read the same lines twice.
   */
  offsetKey: string;
}

export interface TailTarget extends TailCommon {
  parse: LineParser;
}

export interface SliceTailTarget extends TailCommon {
  parseSlice: SliceParser;
  /**
   * The file must be read again from its start (`why`: replaced, or shrunk below `offset`). A
   * format that can tell the points it already holds (CSV rows by step) sets that up and says
   * so itself; without this, the reason is reported as it is. False: not now — the writer is
   * mid-rewrite, and the pass leaves the file alone for the next one.
   */
  onRestart?: (offset: number, size: number, why: string) => boolean;
}

/**
 * Tails an append-only text file from the offset committed last time; a half-written last line
 * waits for its newline (see tailSlices).
 */
export function tailFile(store: Store, hub: EventHub, t: TailTarget, problems: string[]): Promise<number> {
  return tailSlices(store, hub, { ...t, parseSlice: lineSlices(t.file, t.parse) }, problems);
}

function lineSlices(file: string, parse: LineParser): SliceParser {
  return (bytes, offset, full, problems) => {
    const lastNl = bytes.lastIndexOf(NEWLINE);
    if (lastNl < 0) {
      // No newline: the last line is still being written, unless the slice is full, in which
      // case one line exceeds the slice and can never be a valid point.
      if (!full) return { consumed: 0, points: [] };
      problems.push(`${file}: a line at byte ${offset} is longer than ${SLICE_BYTES} bytes; skipped`);
      return { consumed: bytes.length, points: [] };
    }
    return { consumed: lastNl + 1, points: parse(bytes.toString('utf8', 0, lastNl + 1), offset, problems) };
  };
}

/**
 * Tails an append-only file from the offset committed last time, a slice at a time. Each
 * slice's points (and the parser's other writes) commit with the new offset in one
 * transaction, so a crash or restart neither loses nor duplicates a unit. The offset is checked
 * again inside the transaction: another ingest of the same file (the watcher beside a scan, or
 * `runlens ingest` in another process) may have committed the slice meanwhile. Never throws
 * for file problems.
 */
export async function tailSlices(store: Store, hub: EventHub, t: SliceTailTarget, problems: string[]): Promise<number> {
  const { runId, file, offsetKey } = t;
  let opened;
  try {
    opened = await openRegularFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${file}: ${errorText(e)}`);
    return 0;
  }
  const { handle, info } = opened;
  let total = 0;
  try {
    const { size } = info;
    const id = fileIdentity(info);
    const idKey = fileIdKey(offsetKey);
    let offset = store.watch.offset(offsetKey);
    // 0: an offset stored before files were told apart; this file is taken to be that one.
    const knownId = store.watch.offset(idKey);
    const replaced = offset > 0 && knownId !== 0 && knownId !== id;
    if (!replaced && size === offset) return 0;
    if (replaced || size < offset) {
      const why = replaced ? 'another file is at this path now (rotated or replaced)' : 'file shrank below the ingested offset (truncated or replaced)';
      if (t.onRestart) {
        if (!t.onRestart(offset, size, why)) return 0;
      } else problems.push(`${file}: ${why}; reading ${replaced ? 'the new one' : 'it again'} from the start`);
      offset = 0;
      store.tx(() => {
        store.watch.setOffset(offsetKey, 0, runId);
        store.watch.setOffset(idKey, id, runId);
      });
    }
    const buf = Buffer.allocUnsafe(Math.min(SLICE_BYTES, Math.max(size - offset, 1)));
    while (offset < size) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, size - offset), offset);
      if (bytesRead === 0) break;
      const full = bytesRead === buf.length && offset + bytesRead < size;
      const slice = t.parseSlice(buf.subarray(0, bytesRead), offset, full, problems);
      if (slice.consumed <= 0) break;
      const next = offset + Math.min(slice.consumed, bytesRead);
      const stored = store.tx(() => {
        if (store.watch.offset(offsetKey) !== offset) return null;
        slice.apply?.();
        const kept = store.seqMarks.admit(runId, slice.points, (p) => p.seq);
        const keys = store.metrics.append(runId, kept);
        if (kept.length > 0) store.runs.heartbeat(runId, latestTimestamp(kept));
        store.watch.setOffset(offsetKey, next, runId);
        store.watch.setOffset(idKey, id, runId);
        return { keys, count: kept.length };
      });
      if (stored === null) {
        offset = store.watch.offset(offsetKey);
        continue;
      }
      if (stored.keys.length > 0) hub.pointsAppended(runId, stored.keys);
      total += stored.count;
      offset = next;
    }
  } catch (e) {
    problems.push(`${file}: ${errorText(e)}`);
  } finally {
    await handle.close();
  }
  return total;
}

/**
 * Where the identity of the file an offset belongs to is kept, beside the offset: a rotated or
 * atomically replaced file is another file at the same path, and reading it from the old
 * offset would skip its first lines. (Lines with `seq` read twice are deduplicated.)
 */
function fileIdKey(offsetKey: string): string {
  return `${offsetKey}\0file`;
}

/**
 * Device, inode and creation time as one non-zero number (the offsets table holds numbers): a
 * file system reuses a deleted file's inode at once, its birth time tells the new file apart.
 */
function fileIdentity(info: Stats): number {
  const digest = createHash('sha256').update(`${info.dev}:${info.ino}:${info.birthtimeMs}`).digest();
  return digest.readUIntBE(0, 6) || 1;
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
export function lineParser(file: string, parseLine: (line: string) => TailPoint): LineParser {
  return (text, baseOffset, problems) => {
    const points: TailPoint[] = [];
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
