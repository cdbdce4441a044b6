// Tailing a CSV/TSV whose first line is a header (Lightning, Keras, DVCLive histories) on top of
// tailSlices: the committed byte offset, plus — in the same transaction — the data rows read and
// a hash of the header they were read under, kept beside it in the offsets table.
import { createHash } from 'node:crypto';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import { firstLine } from '../../ingest/csv/csv-line';
import { readCsvRows, type RowReader } from '../../ingest/csv/csv-rows';
import { SLICE_BYTES, tailSlices, type SliceParser } from '../tail-file';
import { errorText } from '../source';
import { openRegularFile, readRegularFile } from '../read-regular-file';
import { StepWatermark } from './step-watermark';
import { HEAD_BYTES, readHead, readHeadNow } from './file-reads';

export interface CsvFormat {
  sep: string;
  read: RowReader;
}

export interface CsvTailTarget {
  runId: string;
  file: string;
  /** The format of a header line, or null when the file is not (or no longer) of this format. */
  format: (header: string) => CsvFormat | null;
  /**
   * What a changed header means. `realign`: the writer rewrote the same rows under a wider header
   * (Lightning), so reading goes on after the rows already read. `reread`: a new file replaced
   * the old one (Keras's next fit(), a restarted DVCLive run); it is read again from the start,
   * keeping only points beyond the steps already stored. A shrunk file is always `reread`.
   */
  onHeaderChange: 'realign' | 'reread';
}

const NEWLINE = 0x0a;

export function stateKeys(file: string) {
  return { offset: file, rows: `${file}#rows`, header: `${file}#header`, dedupeUntil: `${file}#dedupe-until`, lastLine: `${file}#last-line` };
}

/** A line's identity as a number the offsets table can hold (48 bits of its SHA-256; never 0). */
export function headerHash(line: string | Buffer): number {
  return parseInt(createHash('sha256').update(line).digest('hex').slice(0, 12), 16) || 1;
}

/** Brings the store up to date with one header CSV. Never throws for file problems. */
export async function tailCsv(store: Store, hub: EventHub, t: CsvTailTarget, problems: string[]): Promise<number> {
  const { runId, file } = t;
  const keys = stateKeys(file);
  let read;
  try {
    read = await readHead(file);
  } catch (e) {
    problems.push(`${file}: ${errorText(e)}`);
    return 0;
  }
  const line = read && firstLine(read.text);
  // No complete header yet: the file is being created, or rewritten right now.
  if (!read || line === null) return 0;
  const head = { line, size: read.size };
  const format = t.format(head.line);
  if (format === null) {
    problems.push(`${file}: the header is no longer one this format writes; not read`);
    return 0;
  }
  const hash = headerHash(head.line);
  const storedHash = store.watch.offset(keys.header);
  const offset = store.watch.offset(keys.offset);
  if (storedHash !== 0 && storedHash !== hash) {
    if (t.onHeaderChange === 'realign') {
      if (!(await realign(store, t, hash, storedHash, problems))) return 0;
    } else restart(store, t, hash, offset, head.size, 'the header changed (a new file replaced it)', problems);
  } else if (head.size < offset) restart(store, t, hash, offset, head.size, 'the file shrank (truncated or replaced)', problems);
  else if (offset > 0 && !(await lastLineStillThere(store, file, offset))) {
    // A header that changed since it was read means a rewrite is under way right now (Lightning):
    // its own change event brings the next pass. Otherwise the file was replaced by one that
    // grew past the offset before it was looked at.
    if (firstLine(readHeadNow(file)) !== head.line) return 0;
    restart(store, t, hash, offset, head.size, 'the line before the ingested offset changed (the file was replaced)', problems);
  }

  const parseSlice: SliceParser = (bytes, at, full, sliceProblems) => {
    // Lightning rewrites the file in place (truncate, new header, all rows) when a key appears:
    // bytes read after the header was checked may belong to the rewrite. The header is read again
    // now, after the slice: if it changed, nothing from this pass is kept, and the next pass
    // (the rewrite's own change event) realigns under the new header.
    if (firstLine(readHeadNow(file)) !== head.line) return { consumed: 0, points: [] };
    const lastNl = bytes.lastIndexOf(NEWLINE);
    if (lastNl < 0) {
      if (!full) return { consumed: 0, points: [] };
      sliceProblems.push(`${file}: a line at byte ${at} is longer than ${SLICE_BYTES} bytes; skipped`);
      return { consumed: bytes.length, points: [] };
    }
    const rowsBefore = store.watch.offset(keys.rows);
    const { points, rows } = readCsvRows(bytes.toString('utf8', 0, lastNl + 1), at, format.sep, rowsBefore, format.read, file, sliceProblems);
    const kept = at < store.watch.offset(keys.dedupeUntil) ? new StepWatermark(store, runId).filter(points) : points;
    return {
      consumed: lastNl + 1,
      points: kept,
      apply: () => {
        store.watch.setOffset(keys.rows, rowsBefore + rows, runId);
        store.watch.setOffset(keys.header, hash, runId);
        store.watch.setOffset(keys.lastLine, headerHash(bytes.subarray(bytes.lastIndexOf(NEWLINE, lastNl - 1) + 1, lastNl)), runId);
      },
    };
  };
  // A file replaced at the same path with the same header and length (DVCLive's Live() without
  // resume rewrites the same steps) is only told apart by its identity, down in tailSlices.
  const onRestart = (at: number, size: number, why: string) => {
    // Lightning truncates the file to rewrite it under a wider header: a shrink seen once the
    // header no longer reads as it did a moment ago is that rewrite, caught between the check
    // above and this read. Starting over would drop points that share a step with stored ones
    // (the `epoch` column); the rewrite's own change event brings the pass that realigns.
    if (t.onHeaderChange === 'realign' && firstLine(readHeadNow(file)) !== head.line) return false;
    restart(store, t, hash, at, size, why, problems);
    return true;
  };
  return tailSlices(store, hub, { runId, file, offsetKey: keys.offset, parseSlice, onRestart }, problems);
}

/** True unless the line that ends at `offset` is not the one read there last time. */
async function lastLineStillThere(store: Store, file: string, offset: number): Promise<boolean> {
  const stored = store.watch.offset(stateKeys(file).lastLine);
  if (stored === 0) return true;
  const from = Math.max(0, offset - HEAD_BYTES);
  let bytes: Buffer;
  try {
    const { handle } = await openRegularFile(file);
    try {
      bytes = Buffer.alloc(offset - from);
      await handle.read(bytes, 0, bytes.length, from);
    } finally {
      await handle.close();
    }
  } catch {
    return true;
  }
  if (bytes[bytes.length - 1] !== NEWLINE) return false;
  const start = bytes.lastIndexOf(NEWLINE, bytes.length - 2) + 1;
  // A line longer than the window cannot be checked: take it as unchanged.
  if (start === 0 && from > 0) return true;
  return headerHash(bytes.subarray(start, bytes.length - 1)) === stored;
}

/** Starts the file over: read from byte 0, but keep only points beyond the stored steps. */
function restart(store: Store, t: CsvTailTarget, hash: number, offset: number, size: number, why: string, problems: string[]): void {
  const keys = stateKeys(t.file);
  store.tx(() => {
    store.watch.setOffset(keys.offset, 0, t.runId);
    store.watch.setOffset(keys.rows, 0, t.runId);
    store.watch.setOffset(keys.header, hash, t.runId);
    store.watch.setOffset(keys.dedupeUntil, Math.max(offset, size), t.runId);
    store.watch.setOffset(keys.lastLine, 0, t.runId);
  });
  problems.push(`${t.file}: ${why}; reading it again from the start, keeping only points beyond the steps already stored`);
}

/**
 * After a rewrite under a new header, goes on reading after the rows already read (the rewrite
 * keeps them, in order). False while the file holds fewer complete rows than that: the rewrite
 * is still being written.
 */
async function realign(store: Store, t: CsvTailTarget, hash: number, storedHash: number, problems: string[]): Promise<boolean> {
  const keys = stateKeys(t.file);
  const rows = store.watch.offset(keys.rows);
  const offset = store.watch.offset(keys.offset);
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(t.file);
  } catch (e) {
    problems.push(`${t.file}: ${errorText(e)}`);
    return false;
  }
  const end = endOfRows(bytes, rows);
  if (end === null) return false;
  return store.tx(() => {
    // Another ingest of the file may have moved on meanwhile; it then did this already.
    if (store.watch.offset(keys.header) !== storedHash || store.watch.offset(keys.offset) !== offset) return false;
    store.watch.setOffset(keys.offset, end, t.runId);
    store.watch.setOffset(keys.header, hash, t.runId);
    store.watch.setOffset(keys.lastLine, headerHash(bytes.subarray(bytes.lastIndexOf(NEWLINE, end - 2) + 1, end - 1)), t.runId);
    return true;
  });
}

/** The byte after the header and `rows` non-blank data lines, or null when there are fewer. */
export function endOfRows(bytes: Buffer, rows: number): number | null {
  let at = bytes.indexOf(NEWLINE);
  if (at < 0) return null;
  at += 1;
  let seen = 0;
  while (seen < rows) {
    const nl = bytes.indexOf(NEWLINE, at);
    if (nl < 0) return null;
    if (bytes.toString('utf8', at, nl).trim() !== '') seen += 1;
    at = nl + 1;
  }
  return at;
}
