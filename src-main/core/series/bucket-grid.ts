// The bucket grid every series of one query shares, so series can be compared and averaged
// bucket by bucket: bucket i covers x in [lo + i·width, lo + (i+1)·width).
import type { SeriesQueryResult } from '../../../src-shared/domain';

export type BucketGrid = NonNullable<SeriesQueryResult['grid']>;

/** A closed x interval. */
export interface XRange {
  min: number;
  max: number;
}

/**
 * `count` equal buckets over `span`. Integer x (steps) spans [min, max + 1): step s owns
 * [s, s + 1), so steps 0..999 in 1000 buckets put exactly one step in each. Continuous x keeps
 * max in the last bucket (see bucketOf). A zero span widens to 1 so the width stays positive.
 */
export function bucketGrid(span: XRange, count: number, integerX: boolean): BucketGrid {
  const width = (span.max - span.min + (integerX ? 1 : 0)) / count;
  return { lo: span.min, width: width > 0 ? width : 1 / count, count };
}

/** The smallest range holding every extent; null when there is none. */
export function unionExtent(extents: readonly ([number, number] | null)[]): XRange | null {
  let min = Infinity;
  let max = -Infinity;
  for (const e of extents) {
    if (!e) continue;
    if (e[0] < min) min = e[0];
    if (e[1] > max) max = e[1];
  }
  return min <= max ? { min, max } : null;
}

/** The bucket holding x; x beyond the grid (the closed end of a continuous span) is clamped. */
export function bucketOf(grid: BucketGrid, x: number): number {
  const b = Math.floor((x - grid.lo) / grid.width);
  return b < 0 ? 0 : b >= grid.count ? grid.count - 1 : b;
}
