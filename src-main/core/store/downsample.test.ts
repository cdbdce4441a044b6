import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { downsample } from './downsample';

function series(values: number[], steps = values.map((_, i) => i)) {
  return { step: Float64Array.from(steps), timestamp: Float64Array.from(steps), value: Float64Array.from(values) };
}

describe('downsample', () => {
  it('returns a short series point for point', () => {
    const b = downsample(series([3, 1, 2]), 10);
    expect(b).toMatchObject({ downsampled: false, step: [0, 1, 2], value: [3, 1, 2], min: [3, 1, 2], max: [3, 1, 2] });
  });

  it('keeps a one-point spike visible in the bucket max', () => {
    const values = Array.from({ length: 100_000 }, () => 1);
    values[54_321] = 1000;
    const b = downsample(series(values), 500);
    expect(b.downsampled).toBe(true);
    expect(b.step.length).toBeLessThanOrEqual(500);
    expect(Math.max(...b.max)).toBe(1000);
    expect(Math.max(...b.value)).toBeLessThan(1000);
    // The line spans the whole series: first bucket at the first step, last at the last.
    expect([b.step[0], b.step[b.step.length - 1]]).toEqual([0, 99_999]);
  });

  it('ignores NaN inside a bucket and marks all-NaN buckets', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i < 10 ? NaN : i === 500 ? Infinity : 5));
    const b = downsample(series(values), 100);
    expect(b.value[0]).toBeNaN();
    expect(b.value.slice(1).every((v) => v === 5)).toBe(true);
  });

  it('buckets by position when all points share one step', () => {
    const b = downsample(series(Array.from({ length: 1000 }, (_, i) => i), Array(1000).fill(0)), 10);
    expect(b.step.length).toBe(10);
    expect(b.min[9]).toBe(900);
  });
});

describe('downsample properties', () => {
  // Any series (steps sorted, values with NaN/±Inf mixed in) reduced to any bucket count.
  const seriesArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.oneof(fc.double({ noNaN: false }), fc.constant(NaN), fc.constant(Infinity))), { minLength: 1, maxLength: 3000 })
    .map((pts) => pts.sort((a, b) => a[0] - b[0]));

  it('always keeps the global finite min and max, and never returns more points than buckets', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 2, max: 500 }), (pts, target) => {
        const c = series(pts.map((p) => p[1]), pts.map((p) => p[0]));
        const b = downsample(c, target);
        expect(b.step.length).toBeLessThanOrEqual(target);
        const finite = pts.map((p) => p[1]).filter(Number.isFinite);
        if (finite.length === 0) return;
        const mins = b.min.filter(Number.isFinite);
        const maxs = b.max.filter(Number.isFinite);
        expect(Math.min(...mins)).toBe(Math.min(...finite));
        expect(Math.max(...maxs)).toBe(Math.max(...finite));
      }),
      { numRuns: 300 },
    );
  });
});
