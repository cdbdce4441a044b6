import type { SeriesColumns } from './metric-point';

export interface Buckets {
  downsampled: boolean;
  step: number[];
  timestamp: number[];
  /** Bucket mean of finite values (NaN when the bucket has none). */
  value: number[];
  /** Bucket extremes of finite values (NaN when none), so a spike is never averaged away. */
  min: number[];
  max: number[];
}

/**
 * Reduces a step-sorted series to at most `target` buckets of equal step width. A series that
 * already fits is returned point for point (min = max = value). Empty buckets are dropped, so
 * gaps in the steps stay gaps.
 */
export function downsample(c: SeriesColumns, target: number): Buckets {
  const n = c.step.length;
  if (n <= target) {
    const value = Array.from(c.value);
    return { downsampled: false, step: Array.from(c.step), timestamp: Array.from(c.timestamp), value, min: value, max: value };
  }
  const lo = c.step[0]!;
  const span = c.step[n - 1]! - lo + 1;
  // Series logged without steps (all step 0, as MLflow's default) carry no x spread: bucket
  // those by position instead, or everything would collapse into one bucket.
  const bucketOf =
    span >= target
      ? (i: number) => Math.floor(((c.step[i]! - lo) / span) * target)
      : (i: number) => Math.floor((i / n) * target);
  const out: Buckets = { downsampled: true, step: [], timestamp: [], value: [], min: [], max: [] };
  let i = 0;
  while (i < n) {
    const bucket = bucketOf(i);
    const first = i;
    let sum = 0;
    let finite = 0;
    let min = Infinity;
    let max = -Infinity;
    while (i < n && bucketOf(i) === bucket) {
      const v = c.value[i]!;
      if (Number.isFinite(v)) {
        sum += v;
        finite += 1;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      i++;
    }
    // A bucket sits at its first point, except the last, which sits at its last point so the
    // line reaches the series' true end.
    const at = i === n ? n - 1 : first;
    out.step.push(c.step[at]!);
    out.timestamp.push(c.timestamp[at]!);
    out.value.push(finite ? sum / finite : NaN);
    out.min.push(finite ? min : NaN);
    out.max.push(finite ? max : NaN);
  }
  return out;
}
