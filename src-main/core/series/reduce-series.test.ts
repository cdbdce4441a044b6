import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketGrid, bucketOf, type BucketGrid } from './bucket-grid';
import { reduceSeries } from './reduce-series';

const f64 = (values: number[]) => Float64Array.from(values);
const stepGrid = (x: number[], count: number) => bucketGrid({ min: x[0]!, max: x[x.length - 1]! }, count, true);

describe('reduceSeries', () => {
  it('puts one step per bucket when steps 0..999 meet 1000 buckets', () => {
    const x = Array.from({ length: 1000 }, (_, i) => i);
    const grid = stepGrid(x, 1000);
    expect(grid).toEqual({ lo: 0, width: 1, count: 1000 });
    const r = reduceSeries(f64(x), f64(x), grid);
    expect(r.exact).toBe(true);
    expect(r.bucket).toEqual(x);
    expect(r.bucketMean).toEqual(x);
  });

  it('keeps a one-point spike on the line where it was, and the line reaches both ends', () => {
    const n = 100_000;
    const x = Array.from({ length: n }, (_, i) => i);
    const values = x.map(() => 1);
    values[54_321] = 1000;
    const r = reduceSeries(f64(x), f64(values), stepGrid(x, 500));
    expect(r.exact).toBe(false);
    expect(r.picks).toContain(54_321);
    expect([r.picks[0], r.picks.at(-1)]).toEqual([0, n - 1]);
    expect(r.picks.length).toBeLessThanOrEqual(500 * 4);
    expect(Math.max(...r.bucketMax)).toBe(1000);
  });

  it('keeps a non-finite point of a bucket on the line, and out of the stats', () => {
    const x = Array.from({ length: 100 }, (_, i) => i);
    const values = x.map((i) => (i === 15 ? NaN : i >= 90 ? Infinity : i));
    const r = reduceSeries(f64(x), f64(values), stepGrid(x, 10));
    const bucket1 = r.picks.filter((i) => i >= 10 && i < 20);
    // First 10, lowest 10, highest 19, and the NaN in place of the last.
    expect(bucket1).toEqual([10, 15, 19]);
    // A bucket of nothing but Infinity has no stats but still a point on the line.
    expect(r.bucket).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.picks.filter((i) => i >= 90)).toEqual([90, 99]);
  });

  it('reduces only the points inside a range, bucketing by x', () => {
    const x = [0, 1, 2, 10, 11, 50, 99];
    const grid = bucketGrid({ min: 5, max: 60 }, 2, false);
    const r = reduceSeries(f64(x), f64(x), grid, { range: { min: 5, max: 60 } });
    expect(r).toMatchObject({ total: 3, exact: false, picks: [3, 4, 5], bucket: [0, 1], bucketMean: [10.5, 50] });
  });

  it('never overflows a bucket mean of huge finite values', () => {
    const r = reduceSeries(f64([0, 1]), f64([Number.MAX_VALUE, Number.MAX_VALUE]), bucketGrid({ min: 0, max: 1 }, 1, true));
    expect(r.bucketMean).toEqual([Number.MAX_VALUE]);
  });
});

describe('reduceSeries properties', () => {
  const value = fc.oneof(fc.double(), fc.constant(NaN), fc.constant(Infinity), fc.constant(-Infinity), fc.integer({ min: -5, max: 5 }));
  // Sorted steps (repeats allowed), values with NaN/±Inf mixed in, a range inside or around them.
  const seriesArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 100_000 }), value), { minLength: 1, maxLength: 2000 })
    .map((pts) => pts.sort((a, b) => a[0] - b[0]));
  const caseArb = fc.record({
    pts: seriesArb,
    count: fc.integer({ min: 1, max: 600 }),
    range: fc.option(fc.tuple(fc.integer({ min: -10, max: 100_010 }), fc.integer({ min: -10, max: 100_010 })).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }))),
  });

  function run({ pts, count, range }: { pts: [number, number][]; count: number; range: { min: number; max: number } | null }) {
    const x = f64(pts.map((p) => p[0]));
    const v = f64(pts.map((p) => p[1]));
    const grid: BucketGrid = bucketGrid(range ?? { min: x[0]!, max: x[x.length - 1]! }, count, true);
    const r = reduceSeries(x, v, grid, { range: range ?? undefined });
    const inRange = pts.map((p, i) => ({ i, x: p[0], v: p[1] })).filter((p) => !range || (p.x >= range.min && p.x <= range.max));
    return { x, v, grid, r, inRange };
  }

  it('keeps the finite min and max of the range on the line, within 4 points per bucket, in x order', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { v, r, inRange, grid } = run(c);
        expect(r.total).toBe(inRange.length);
        expect(r.picks.length).toBeLessThanOrEqual(grid.count * 4);
        expect(r.picks).toEqual([...r.picks].sort((a, b) => a - b));
        expect(new Set(r.picks).size).toBe(r.picks.length);
        const finite = inRange.map((p) => p.v).filter(Number.isFinite);
        const onLine = r.picks.map((i) => v[i]!);
        if (finite.length > 0) {
          expect(onLine).toContain(Math.min(...finite));
          expect(onLine).toContain(Math.max(...finite));
        }
        if (inRange.some((p) => !Number.isFinite(p.v))) expect(onLine.some((y) => !Number.isFinite(y))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is exact, every point in order, when the range holds at most one point per bucket', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { r, inRange, grid } = run(c);
        expect(r.exact).toBe(inRange.length <= grid.count);
        if (r.exact) expect(r.picks).toEqual(inRange.map((p) => p.i));
      }),
      { numRuns: 300 },
    );
  });

  it('gives bucket stats equal to a naive grouping of the finite values', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { r, inRange, grid } = run(c);
        const groups = new Map<number, number[]>();
        for (const p of inRange) {
          if (!Number.isFinite(p.v)) continue;
          const b = bucketOf(grid, p.x);
          groups.set(b, [...(groups.get(b) ?? []), p.v]);
        }
        const buckets = [...groups.keys()].sort((a, b) => a - b);
        expect(r.bucket).toEqual(buckets);
        buckets.forEach((b, k) => {
          const vs = groups.get(b)!;
          expect(r.bucketMin[k]).toBe(Math.min(...vs));
          expect(r.bucketMax[k]).toBe(Math.max(...vs));
          const mean = vs.reduce((s, y) => s + y, 0) / vs.length;
          if (Number.isFinite(mean)) expect(r.bucketMean[k]).toBe(mean);
          else expect(Number.isFinite(r.bucketMean[k])).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('puts two series with the same steps in the same buckets of a shared grid', () => {
    const twoArb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 50_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 1000 })
      .map((pts) => pts.sort((a, b) => a[0] - b[0]));
    fc.assert(
      fc.property(twoArb, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 1000 }), (pts, count, pad) => {
        const x = f64(pts.map((p) => p[0]));
        // The grid spans more than either series, as the union of several runs' extents would.
        const grid = bucketGrid({ min: x[0]! - pad, max: x[x.length - 1]! + pad }, count, true);
        const a = reduceSeries(x, f64(pts.map((p) => p[1])), grid);
        const b = reduceSeries(x, f64(pts.map((p) => p[2])), grid);
        expect(a.bucket).toEqual(b.bucket);
      }),
      { numRuns: 200 },
    );
  });
});
