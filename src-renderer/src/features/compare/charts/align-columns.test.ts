import { describe, expect, it } from 'vitest';
import { alignColumns, nearestIndex } from './align-columns';

describe('alignColumns', () => {
  it('merges x values and leaves undefined where a column has no point', () => {
    const [x, a, b] = alignColumns([
      { x: [0, 2, 4], y: [1, 2, 3] },
      { x: [1, 2], y: [5, null] },
    ]);
    expect(x).toEqual([0, 1, 2, 4]);
    expect(a).toEqual([1, undefined, 2, 3]);
    // A logged non-finite value stays null: a gap, not an alignment hole.
    expect(b).toEqual([undefined, 5, null, undefined]);
  });

  it('keeps every point when a column repeats an x', () => {
    const [x, a, b] = alignColumns([
      { x: [1, 1, 1, 2], y: [1, 100, 2, 3] },
      { x: [1, 2, 2], y: [7, 8, 9] },
    ]);
    expect(x).toEqual([1, 1, 1, 2, 2]);
    expect(a).toEqual([1, 100, 2, 3, undefined]);
    expect(b).toEqual([7, undefined, undefined, 8, 9]);
  });

  it('handles no columns and empty columns', () => {
    expect(alignColumns([])).toEqual([[]]);
    expect(alignColumns([{ x: [], y: [] }])).toEqual([[], []]);
  });

  it('puts every value of a large random set back at its own x', () => {
    const cols = Array.from({ length: 5 }, (_, c) => {
      const x = Array.from({ length: 500 }, (_, i) => i * (c + 1) + (c % 2) * 0.5);
      return { x, y: x.map((v) => v * 10 + c) };
    });
    const [xs, ...ys] = alignColumns(cols);
    cols.forEach((col, c) => {
      const seen = ys[c]!.flatMap((v, i) => (v === undefined ? [] : [[xs[i], v]]));
      expect(seen).toEqual(col.x.map((x, i) => [x, col.y[i]]));
    });
  });
});

describe('nearestIndex', () => {
  it('finds the nearest x, the lower one on a tie', () => {
    const x = [0, 10, 20];
    expect(nearestIndex(x, -5)).toBe(0);
    expect(nearestIndex(x, 4)).toBe(0);
    expect(nearestIndex(x, 5)).toBe(0);
    expect(nearestIndex(x, 6)).toBe(1);
    expect(nearestIndex(x, 99)).toBe(2);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});
