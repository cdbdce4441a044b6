// TFRecord framing, the container of TensorBoard event files (tensorflow/tensorboard
// `summary/writer/record_writer.py`, FORMATS.md):
//   u64 length (LE) | u32 masked_crc32c(length bytes) | data | u32 masked_crc32c(data)
import { maskedCrc32c } from '../binary/crc32c';

export const HEADER_BYTES = 12;
export const FOOTER_BYTES = 4;
const MAX_REPORTED = 5;
/** Far beyond any real event; a longer length is a header that only looks valid (garbage). */
const MAX_RECORD_LENGTH = 2 ** 31;

/** Receives one record's data: `bytes[start, end)`, framed at byte `fileOffset` of the file. */
export type RecordHandler = (bytes: Uint8Array, start: number, end: number, fileOffset: number) => void;

export interface FramingResult {
  /** Bytes of whole records (good or skipped as bad) from the slice's start. */
  consumed: number;
  /** With nothing consumed: the bytes the first record needs in all (header, data, footer). */
  need?: number;
}

/**
 * Walks the whole records at the start of `bytes` (byte `baseOffset` of a file). A record cut
 * short at the end is left for later: the writer is still appending it. A record whose data
 * fails its CRC is reported and skipped; a header that fails its CRC means its length cannot be
 * trusted, so the reader resynchronises on the next header whose CRC holds (a 1 in 2^32 chance
 * of a false match) and reports the bytes it skipped. Never throws, never reads out of bounds.
 */
export function readRecords(bytes: Uint8Array, baseOffset: number, onRecord: RecordHandler, problems: string[], file: string): FramingResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length;
  let pos = 0;
  let bad = 0;
  const report = (message: string) => {
    bad += 1;
    if (bad <= MAX_REPORTED) problems.push(`${file}: ${message}`);
  };
  let need: number | undefined;
  while (end - pos >= HEADER_BYTES) {
    const length = view.getUint32(pos, true) + view.getUint32(pos + 4, true) * 2 ** 32;
    if (!headerHolds(bytes, view, pos)) {
      const from = pos;
      pos = nextHeader(bytes, view, pos + 1);
      report(`bad record header (CRC mismatch) at byte ${baseOffset + from}; skipped ${pos - from} bytes`);
      continue;
    }
    const total = HEADER_BYTES + length + FOOTER_BYTES;
    if (end - pos < total) {
      if (pos === 0) need = total;
      break;
    }
    const dataStart = pos + HEADER_BYTES;
    const dataEnd = dataStart + length;
    if (maskedCrc32c(bytes, dataStart, dataEnd) !== view.getUint32(dataEnd, true)) {
      report(`bad record (data CRC mismatch) at byte ${baseOffset + pos}; skipped`);
    } else {
      onRecord(bytes, dataStart, dataEnd, baseOffset + pos);
    }
    pos += total;
  }
  if (bad > MAX_REPORTED) problems.push(`${file}: ${bad - MAX_REPORTED} more bad records skipped`);
  if (pos === 0 && need === undefined) need = HEADER_BYTES;
  return pos === 0 ? { consumed: 0, need } : { consumed: pos };
}

function headerHolds(bytes: Uint8Array, view: DataView, pos: number): boolean {
  if (view.getUint32(pos + 4, true) * 2 ** 32 + view.getUint32(pos, true) > MAX_RECORD_LENGTH) return false;
  return maskedCrc32c(bytes, pos, pos + 8) === view.getUint32(pos + 8, true);
}

/**
 * The first position at or after `from` holding a header whose CRC holds, or the last position
 * where a header could still begin within the slice (the rest may complete in the next one).
 */
function nextHeader(bytes: Uint8Array, view: DataView, from: number): number {
  const last = bytes.length - HEADER_BYTES;
  for (let p = from; p <= last; p++) if (headerHolds(bytes, view, p)) return p;
  return Math.max(from, last + 1);
}
