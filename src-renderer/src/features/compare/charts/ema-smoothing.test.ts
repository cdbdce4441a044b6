import { describe, expect, it } from 'vitest';
import { emaSmooth } from './ema-smoothing';

describe('emaSmooth', () => {
  it('is the identity at weight 0, with non-finite values as gaps', () => {
    expect(emaSmooth([1, NaN, 3, Infinity, null], 0)).toEqual([1, null, 3, null, null]);
  });

  it('is debiased: a constant series stays constant from the first point on', () => {
    const out = emaSmooth([5, 5, 5, 5], 0.9);
    for (const v of out) expect(v).toBeCloseTo(5, 12);
  });

  it('matches the TensorBoard formula', () => {
    const w = 0.6;
    const y = [1, 2, 4];
    let last = 0;
    const expected = y.map((v, i) => {
      last = last * w + (1 - w) * v;
      return last / (1 - w ** (i + 1));
    });
    const out = emaSmooth(y, w);
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
  });

  it('skips gaps without feeding them into the average', () => {
    const withGap = emaSmooth([1, NaN, 2, 3], 0.5);
    const without = emaSmooth([1, 2, 3], 0.5);
    expect(withGap[1]).toBeNull();
    expect(withGap[2]).toBeCloseTo(without[1]!, 12);
    expect(withGap[3]).toBeCloseTo(without[2]!, 12);
  });

  it('applies the weight once per represented point, so a reduced series smooths as its points would', () => {
    // A sample standing for 3 points at weight w moves like 3 raw steps at w.
    expect(emaSmooth([0, 9], 0.5, 3)[1]).toBeCloseTo(emaSmooth([0, 9], 0.125)[1]!, 12);
  });

  it('keeps the last value finite at the highest weight', () => {
    const y = Array.from({ length: 1000 }, (_, i) => Math.sin(i));
    const out = emaSmooth(y, 0.99);
    expect(out.every((v) => v !== null && Number.isFinite(v))).toBe(true);
  });
});
