import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frameLog } from '../../test-support/wandb-log';
import { BLOCK_SIZE, checkFileHeader, scanRecords } from './record-log';

const payload = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

/** Reads a whole log in slices of `step` bytes, resuming at each `next` as the tail does. */
function readInSlices(log: Buffer, step: number, problems: string[] = []) {
  const records: Uint8Array[] = [];
  let offset = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const end = Math.min(log.length, offset + step);
    const r = scanRecords(log.subarray(offset, end), offset, problems, 'log');
    records.push(...r.records.map((x) => Uint8Array.from(x)));
    if (r.next === offset && end === log.length) break;
    if (r.next === offset) {
      // Not enough for one record: take a bigger slice, as a growing file would give.
      step *= 2;
      continue;
    }
    offset = r.next;
  }
  return { records, offset };
}

describe('W&B record log framing', () => {
  it('checks the file header', () => {
    expect(checkFileHeader(Buffer.from(':W&B\xe1\xbe\x00', 'latin1'))).toBe('ok');
    expect(checkFileHeader(Buffer.from(':W&', 'latin1'))).toBe('short');
    expect(checkFileHeader(Buffer.from(':W&B\xe1\xbe\x01', 'latin1'))).toBe('invalid');
    expect(checkFileHeader(Buffer.from('PK\x03\x04', 'latin1'))).toBe('invalid');
    expect(scanRecords(Buffer.from('not a log at all'), 0, [], 'x').valid).toBe(false);
  });

  it('reads FULL records and FIRST/MIDDLE/LAST records across block boundaries', () => {
    // 40,000 bytes spans two blocks (FIRST, LAST); 70,000 spans three (FIRST, MIDDLE, LAST).
    const recs = [payload(10, 1), payload(40_000, 2), payload(5, 3), payload(70_000, 4), payload(BLOCK_SIZE - 14 - 7 - 7, 5), payload(3, 6)];
    const log = frameLog(recs);
    const problems: string[] = [];
    const r = scanRecords(log, 0, problems, 'log');
    expect(problems).toEqual([]);
    expect(r.records.map((x) => Uint8Array.from(x))).toEqual(recs);
    expect(r.next).toBe(log.length);
  });

  it('skips a block trailer shorter than a chunk header', () => {
    // The first record leaves exactly 3 bytes in block 0: zero padding, next chunk at 32768.
    const first = payload(BLOCK_SIZE - 7 - 7 - 3, 1);
    const log = frameLog([first, payload(9, 2)]);
    expect(log.subarray(BLOCK_SIZE - 3, BLOCK_SIZE)).toEqual(Buffer.alloc(3));
    const r = scanRecords(log, 0, [], 'log');
    expect(r.records.length).toBe(2);
  });

  it('stops before a record still being written and resumes there', () => {
    const recs = [payload(100, 1), payload(50_000, 2), payload(20, 3)];
    const log = frameLog(recs);
    for (const cut of [3, 7, 10, 50, 114, 115, 120, 32_768, 40_000, log.length - 1]) {
      const problems: string[] = [];
      const r = scanRecords(log.subarray(0, cut), 0, problems, 'log');
      expect(problems).toEqual([]);
      // The resume point is always a record start, never inside the 50,000-byte record.
      expect([0, 7, 114, 50_128, log.length]).toContain(r.next);
      const rest = scanRecords(log.subarray(r.next), r.next, problems, 'log');
      expect([...r.records, ...rest.records].map((x) => Uint8Array.from(x))).toEqual(recs);
      expect(problems).toEqual([]);
    }
  });

  it('reads the same records whatever the slice size', () => {
    const recs = Array.from({ length: 60 }, (_, i) => payload((i * 7919) % 9000, i));
    const log = frameLog(recs);
    for (const step of [64, 1000, 32_768, 100_000]) expect(readInSlices(log, step).records).toEqual(recs);
  });

  it('reports a bad checksum, skips the rest of that block, and reads on', () => {
    const recs = [payload(10, 1), payload(20, 2), payload(40_000, 3), payload(30, 4)];
    const log = frameLog(recs);
    log[7 + 7 + 10 + 7 + 5]! ^= 0xff; // inside record 2's payload, block 0
    const problems: string[] = [];
    const r = scanRecords(log, 0, problems, 'log');
    // Record 2 is bad; record 3 starts in block 0 too, so its FIRST chunk goes with the rest of the
    // block and its LAST chunk is skipped as an orphan; record 4 is read.
    expect(r.records.map((x) => Uint8Array.from(x))).toEqual([recs[0], recs[3]]);
    expect(problems).toEqual([expect.stringMatching(/byte 24: checksum mismatch; rest of the block skipped/)]);
    expect(r.next).toBe(log.length);
  });

  it('reports a chunk whose length runs past its block and a record whose LAST chunk is missing', () => {
    const log = frameLog([payload(10, 1), payload(10, 2)]);
    log.writeUInt16LE(40_000, 7 + 7 + 10 + 4);
    const problems: string[] = [];
    expect(scanRecords(log, 0, problems, 'log').records.length).toBe(1);
    // A damaged chunk in a block not yet complete waits for the block before it is passed.
    expect(problems).toEqual([]);
    const padded = Buffer.concat([log, Buffer.alloc(BLOCK_SIZE - log.length), frameLog([payload(4, 9)]).subarray(7)]);
    const p2: string[] = [];
    const r2 = scanRecords(padded, 0, p2, 'log');
    expect(r2.records.map((x) => Uint8Array.from(x))).toEqual([payload(10, 1), payload(4, 9)]);
    expect(p2).toEqual([expect.stringMatching(/runs past its block/)]);
  });

  it('never throws, never loops, and never resumes past the bytes on random or damaged input', () => {
    const base = frameLog([payload(10, 1), payload(40_000, 2), payload(300, 3)]);
    const damaged = fc.tuple(fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(base.length)).map(([flips, cut]) => {
      const b = Buffer.from(base);
      for (const [at, v] of flips) b[at] = v;
      return b.subarray(0, cut);
    });
    const random = fc.uint8Array({ maxLength: 3000 }).map((u) => Buffer.concat([base.subarray(0, 7), Buffer.from(u)]));
    fc.assert(
      fc.property(fc.oneof(damaged, random, fc.uint8Array({ maxLength: 100 }).map((u) => Buffer.from(u))), fc.integer({ min: 7, max: 70_000 }), (bytes, step) => {
        const problems: string[] = [];
        const { offset } = readInSlices(bytes, step, problems);
        expect(offset).toBeLessThanOrEqual(bytes.length);
        for (const p of problems) expect(typeof p).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
