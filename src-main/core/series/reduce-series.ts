// The one downsampler: reduces a series, sorted by x, over a shared bucket grid. One pass over
// the columns, no per-point allocation: a chart of 1M points must answer in tens of ms.
import { bucketOf, type BucketGrid, type XRange } from './bucket-grid';

export interface Reduction {
  /** Points with x inside the range. */
  total: number;
  /** True when `picks` is every point in the range. */
  exact: boolean;
  /**
   * Indices into the columns of the line's points, ascending (so in x order). Reduced: per
   * bucket its first, lowest, highest and last point (M4), deduplicated.
   */
  picks: number[];
  /** Per bucket holding a finite value: its grid index, and the mean, min and max of those values. */
  bucket: number[];
  bucketMean: number[];
  bucketMin: number[];
  bucketMax: number[];
}

export interface ReduceOptions {
  /** Only points with x in [min, max]. */
  range?: XRange | undefined;
  /** Keep every point when the range holds at most this many; the grid's count by default. */
  exactUpTo?: number;
}

/**
 * Reduces one series (columns sorted by x, ties in logging order). Buckets are by x, never by
 * position, so series with the same x land in the same buckets.
 *
 * Non-finite values (NaN, ±Inf) are left out of the bucket stats (JSON cannot carry them) but not
 * out of the line: a bucket holding one keeps its first such point in place of its last point,
 * unless its first or last point is already non-finite, so the chart draws a gap where the
 * series broke and the line stays at four points per bucket at most.
 */
export function reduceSeries(x: Float64Array, value: Float64Array, grid: BucketGrid, opts: ReduceOptions = {}): Reduction {
  const from = opts.range ? lowerBound(x, opts.range.min) : 0;
  const to = opts.range ? upperBound(x, opts.range.max) : x.length;
  const total = to - from;
  const exact = total <= (opts.exactUpTo ?? grid.count);
  const out: Reduction = { total, exact, picks: [], bucket: [], bucketMean: [], bucketMin: [], bucketMax: [] };
  if (exact) for (let i = from; i < to; i++) out.picks.push(i);

  // One bucket per turn of the outer loop: x is sorted, so a bucket's points are contiguous.
  // Plain locals, no closure over them, keep the inner loop in registers.
  let i = from;
  while (i < to) {
    const b = bucketOf(grid, x[i]!);
    const first = i;
    let lowest = -1;
    let highest = -1;
    let nonFinite = -1;
    let sum = 0;
    let finite = 0;
    let min = Infinity;
    let max = -Infinity;
    for (; i < to; i++) {
      if (i > first && bucketOf(grid, x[i]!) !== b) break;
      const v = value[i]!;
      // v - v is 0 exactly for finite v (NaN for NaN and ±Inf): the cheapest finiteness test.
      if (v - v === 0) {
        sum += v;
        finite += 1;
        if (v < min) {
          min = v;
          lowest = i;
        }
        if (v > max) {
          max = v;
          highest = i;
        }
      } else if (nonFinite < 0) {
        nonFinite = i;
      }
    }
    const last = i - 1;
    if (finite > 0) {
      out.bucket.push(b);
      const mean = sum / finite;
      out.bucketMean.push(Number.isFinite(mean) ? mean : runningMean(value, first, last));
      out.bucketMin.push(min);
      out.bucketMax.push(max);
    }
    if (!exact) {
      const firstOrLastBroken = !Number.isFinite(value[first]!) || !Number.isFinite(value[last]!);
      pushSorted(out.picks, first, lowest, highest, nonFinite >= 0 && !firstOrLastBroken ? nonFinite : last);
    }
  }
  return out;
}

/** Appends the distinct non-negative indices among a..d in ascending order. */
function pushSorted(out: number[], a: number, b: number, c: number, d: number): void {
  const four = [a, b, c, d].sort((p, q) => p - q);
  let prev = -1;
  for (const i of four) {
    if (i > prev) {
      out.push(i);
      prev = i;
    }
  }
}

/** The mean of the finite values in [from, to], safe from the overflow of a plain sum. */
function runningMean(value: Float64Array, from: number, to: number): number {
  let mean = 0;
  let n = 0;
  for (let i = from; i <= to; i++) {
    const v = value[i]!;
    if (v - v === 0) mean += (v - mean) / ++n;
  }
  return mean;
}

/** First index with x >= target. */
function lowerBound(x: Float64Array, target: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with x > target. */
function upperBound(x: Float64Array, target: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
