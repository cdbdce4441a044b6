import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { concat, record } from '../../test-support/tfevents';
import { readRecords } from './tfrecord';

const bytes = (...xs: number[]) => Uint8Array.from(xs);

/** Every record's data (as arrays) and offset, what was consumed, and the problems. */
function read(buf: Uint8Array, base = 0) {
  const records: { data: number[]; at: number }[] = [];
  const problems: string[] = [];
  const r = readRecords(buf, base, (b, s, e, at) => records.push({ data: Array.from(b.subarray(s, e)), at }), problems, 'f');
  return { ...r, records, problems };
}

describe('readRecords', () => {
  it('reads whole records and says where each was framed', () => {
    const a = record(bytes(1, 2, 3));
    const b = record(bytes());
    const c = record(bytes(9));
    const r = read(concat([a, b, c]), 100);
    expect(r.records).toEqual([
      { data: [1, 2, 3], at: 100 },
      { data: [], at: 100 + a.length },
      { data: [9], at: 100 + a.length + b.length },
    ]);
    expect(r).toMatchObject({ consumed: a.length + b.length + c.length, problems: [] });
  });

  it('stops before a record still being written and says how long it is', () => {
    const a = record(bytes(1, 2, 3));
    const b = record(bytes(4, 5, 6, 7));
    const whole = concat([a, b]);
    for (let cut = a.length; cut < whole.length; cut++) {
      const r = read(whole.subarray(0, cut));
      expect(r.records).toHaveLength(1);
      expect(r.consumed).toBe(a.length);
      expect(r.problems).toEqual([]);
      // Read from the committed offset, the partial record tells how much it needs.
      const rest = read(whole.subarray(a.length, cut), a.length);
      expect(rest).toMatchObject({ consumed: 0, need: cut - a.length < 12 ? 12 : b.length, records: [] });
    }
    // Resumed from the committed offset once complete.
    expect(read(whole.subarray(a.length), a.length).records).toEqual([{ data: [4, 5, 6, 7], at: a.length }]);
  });

  it('skips and reports a record whose data fails its CRC', () => {
    const a = record(bytes(1, 2, 3));
    a[13] = a[13]! ^ 0xff;
    const b = record(bytes(4));
    const r = read(concat([a, b]), 10);
    expect(r.records).toEqual([{ data: [4], at: 10 + a.length }]);
    expect(r.consumed).toBe(a.length + b.length);
    expect(r.problems).toEqual(['f: bad record (data CRC mismatch) at byte 10; skipped']);
  });

  it('resynchronises on the next good header after a header that fails its CRC', () => {
    const a = record(bytes(1, 2, 3));
    a[0] = 200; // the length is now a lie its CRC gives away
    const b = record(bytes(4));
    const r = read(concat([a, b]));
    expect(r.records).toEqual([{ data: [4], at: a.length }]);
    expect(r.problems).toEqual([`f: bad record header (CRC mismatch) at byte 0; skipped ${a.length} bytes`]);
  });

  it('leaves the last bytes of garbage that could begin a header for the next slice', () => {
    const garbage = new Uint8Array(40).fill(7);
    const r = read(garbage);
    expect(r.consumed).toBe(40 - 11);
    expect(r.problems).toHaveLength(1);
  });

  it('reports the first few bad records, then a count', () => {
    const bad = Array.from({ length: 8 }, () => {
      const x = record(bytes(1));
      x[12] = x[12]! ^ 1;
      return x;
    });
    expect(read(concat(bad)).problems).toHaveLength(6);
  });
});

describe('readRecords fuzzing', () => {
  it('never throws, never reports past the slice, and always makes progress on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (buf) => {
        const r = read(buf);
        expect(r.consumed).toBeGreaterThanOrEqual(0);
        expect(r.consumed).toBeLessThanOrEqual(buf.length);
        if (r.consumed === 0) expect(r.need).toBeGreaterThan(buf.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads every intact record of a corrupted or truncated stream, in order, and no others', () => {
    const payloads = fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(payloads, fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 3 }), (datas, cutAt, flips) => {
        const framed = datas.map((d) => record(d));
        const whole = concat(framed);
        const cut = cutAt % (whole.length + 1);
        const buf = whole.slice(0, cut);
        const hit = new Set<number>();
        for (const [at, x] of flips) {
          if (buf.length === 0) break;
          buf[at % buf.length] = buf[at % buf.length]! ^ x;
          hit.add(at % buf.length);
        }
        // Walk the slice as the tail would: from each consumed offset until nothing moves.
        const seen: number[][] = [];
        const problems: string[] = [];
        let offset = 0;
        for (let guard = 0; guard < 10_000; guard++) {
          const r = readRecords(buf.subarray(offset), offset, (b, s, e) => seen.push(Array.from(b.subarray(s, e))), problems, 'f');
          if (r.consumed === 0) break;
          offset += r.consumed;
        }
        // Records untouched by a flip and wholly inside the slice are all read, in order.
        let start = 0;
        const intact: number[][] = [];
        for (const f of framed) {
          const end = start + f.length;
          if (end <= cut && ![...hit].some((h) => h >= start && h < end)) intact.push(Array.from(f.subarray(12, f.length - 4)));
          start = end;
        }
        for (const d of intact) expect(seen).toContainEqual(d);
        if (hit.size === 0) expect(seen).toEqual(intact);
        else expect(seen.length).toBeLessThanOrEqual(datas.length);
      }),
      { numRuns: 2000 },
    );
  });
});
