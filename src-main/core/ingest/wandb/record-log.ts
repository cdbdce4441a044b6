// W&B's transaction log (`run-<id>.wandb`): LevelDB's log framing behind a 7-byte file header.
// Facts from the writer (wandb/wandb `core/internal/stream/store.go`, `core/pkg/leveldb/record.go`):
// - header: ident ":W&B", magic 0xBEE1 (u16 LE), version 0; it sits inside block 0.
// - the file is cut into 32 KiB blocks at absolute offsets; a chunk never crosses a block. A
//   chunk is `u32 LE checksum | u16 LE length | u8 type | payload`; types FULL=1, FIRST=2,
//   MIDDLE=3, LAST=4 (a record too long for its block is FIRST, MIDDLE…, LAST).
// - fewer than 7 bytes left in a block are zero padding; the next chunk starts the next block.
// - the checksum is CRC-32 *IEEE* (zlib's, not CRC-32C) over the type byte and the payload,
//   unmasked (the writer opens its store with `CRCAlgoIEEE`).
import { crc32 } from 'node:zlib';

export const BLOCK_SIZE = 32 * 1024;
export const CHUNK_HEADER_SIZE = 7;
export const FILE_HEADER_SIZE = 7;
const IDENT = [0x3a, 0x57, 0x26, 0x42]; // ":W&B"
const MAGIC = 0xbee1;
const VERSION = 0;

const FULL = 1;
const FIRST = 2;
const LAST = 4; // MIDDLE (3): the remaining type, a chunk that continues a record

/** Whether bytes start with the log's file header: 'short' while fewer than 7 bytes exist. */
export function checkFileHeader(bytes: Uint8Array): 'ok' | 'short' | 'invalid' {
  const n = Math.min(bytes.length, FILE_HEADER_SIZE);
  for (let i = 0; i < Math.min(n, 4); i++) if (bytes[i] !== IDENT[i]) return 'invalid';
  if (n < FILE_HEADER_SIZE) return 'short';
  if ((bytes[4]! | (bytes[5]! << 8)) !== MAGIC || bytes[6] !== VERSION) return 'invalid';
  return 'ok';
}

export interface ScanResult {
  /** Complete records' payloads (protobuf `Record` messages), in file order. */
  records: Uint8Array[];
  /**
   * Absolute offset where reading resumes: past the last complete record and any skipped bytes,
   * never inside a record whose LAST chunk is not yet written.
   */
  next: number;
  /** False when the file header is not W&B's: nothing was read. */
  valid: boolean;
}

/**
 * Reads the complete records in `bytes`, which hold the file from absolute offset `offset`
 * (a record boundary: 0, or a `next` returned before). A chunk or record cut off by the end of
 * `bytes` is left for later: the writer is still writing it. A chunk with a bad checksum, an
 * unknown type or a length past its block is reported, and the rest of its block skipped (the
 * framing gives no safer place to resynchronise); a record missing chunks is reported and dropped.
 */
export function scanRecords(bytes: Uint8Array, offset: number, problems: string[], label: string): ScanResult {
  const end = offset + bytes.length;
  const records: Uint8Array[] = [];
  let pos = offset;
  if (pos < FILE_HEADER_SIZE) {
    const header = checkFileHeader(bytes.subarray(0, FILE_HEADER_SIZE - pos));
    if (pos !== 0 || header === 'invalid') {
      problems.push(`${label}: not a W&B run log (bad file header)`);
      return { records, next: offset, valid: false };
    }
    if (header === 'short') return { records, next: offset, valid: true };
    pos = FILE_HEADER_SIZE;
  }
  let next = pos;
  let parts: Uint8Array[] | null = null;
  let partsAt = 0;
  let resyncing = false;
  const dropParts = (why: string) => {
    if (parts) problems.push(`${label}: byte ${partsAt}: record ${why}; dropped`);
    parts = null;
  };
  while (pos < end) {
    const blockEnd = (Math.floor(pos / BLOCK_SIZE) + 1) * BLOCK_SIZE;
    if (blockEnd - pos < CHUNK_HEADER_SIZE) {
      // Block trailer: the next chunk starts at the next block, once that exists.
      if (blockEnd > end) break;
      pos = blockEnd;
      if (!parts) next = pos;
      continue;
    }
    if (pos + CHUNK_HEADER_SIZE > end) break;
    const i = pos - offset;
    const checksum = (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
    const length = bytes[i + 4]! | (bytes[i + 5]! << 8);
    const type = bytes[i + 6]!;
    const chunkEnd = pos + CHUNK_HEADER_SIZE + length;
    let bad: string | null = null;
    if (type < FULL || type > LAST) bad = checksum === 0 && length === 0 && type === 0 ? 'zeroed chunk header' : `unknown chunk type ${type}`;
    else if (chunkEnd > blockEnd) bad = `chunk length ${length} runs past its block`;
    else if (chunkEnd > end) break; // still being written
    else if (crc32(bytes.subarray(i + 6, i + CHUNK_HEADER_SIZE + length)) !== checksum) bad = 'checksum mismatch';
    if (bad !== null) {
      // Until the block's end exists the skip has nowhere to land: stop before the damage, and
      // report and pass it once the block is complete.
      if (blockEnd > end) break;
      problems.push(`${label}: byte ${pos}: ${bad}; rest of the block skipped`);
      dropParts('cut by a damaged chunk');
      resyncing = true;
      pos = blockEnd;
      next = pos;
      continue;
    }
    const payload = bytes.subarray(i + CHUNK_HEADER_SIZE, i + CHUNK_HEADER_SIZE + length);
    if (type === FULL || type === FIRST) {
      dropParts('has no LAST chunk');
      resyncing = false;
      if (type === FULL) records.push(payload);
      else {
        parts = [payload];
        partsAt = pos;
      }
    } else if (!parts) {
      // A MIDDLE or LAST chunk whose FIRST was skipped (after damage: expected, already told).
      if (!resyncing) problems.push(`${label}: byte ${pos}: chunk without the start of its record; skipped`);
    } else {
      (parts as Uint8Array[]).push(payload);
      if (type === LAST) {
        records.push(concat(parts));
        parts = null;
      }
    }
    pos = chunkEnd;
    if (!parts) next = pos;
  }
  return { records, next, valid: true };
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
