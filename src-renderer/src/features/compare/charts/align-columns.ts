// uPlot draws every series of a chart against one shared x array. Runs are logged at their own
// x values (wall time differs per run, bucket points differ per series), so their columns are
// merged onto the union of all x values. A slot a series has no point at is `undefined`, which
// uPlot spans; `null` stays a real gap (a NaN or ±Infinity that was logged).

export interface Column {
  /** Ascending; equal values are allowed (two points logged at the same x). */
  x: ArrayLike<number>;
  y: ArrayLike<number | null>;
}

export type AlignedColumns = [number[], ...(number | null | undefined)[][]];

export function alignColumns(columns: Column[]): AlignedColumns {
  // The union keeps an x as many times as the column repeating it most, so no point is dropped.
  let total = 0;
  for (const c of columns) total += c.x.length;
  const all = new Float64Array(total);
  const repeats = new Map<number, number>();
  let at = 0;
  for (const c of columns) {
    for (let i = 0; i < c.x.length; i++) {
      const v = c.x[i]!;
      all[at++] = v;
      if (i > 0 && c.x[i - 1] === v) {
        let k = 2;
        while (i - k >= 0 && c.x[i - k] === v) k++;
        if (k > (repeats.get(v) ?? 1)) repeats.set(v, k);
      }
    }
  }
  const sorted = all.subarray(0, at).sort();
  const xs: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (!Number.isFinite(v) || (i > 0 && sorted[i - 1] === v)) continue;
    const times = repeats.get(v) ?? 1;
    for (let k = 0; k < times; k++) xs.push(v);
  }

  const out: AlignedColumns = [xs];
  for (const c of columns) {
    const ys = new Array<number | null | undefined>(xs.length).fill(undefined);
    let base = 0;
    let occurrence = 0;
    for (let i = 0; i < c.x.length; i++) {
      const v = c.x[i]!;
      if (!Number.isFinite(v)) continue;
      if (i > 0 && c.x[i - 1] === v) occurrence++;
      else {
        occurrence = 0;
        while (xs[base]! < v) base++;
      }
      ys[base + occurrence] = c.y[i] ?? null;
    }
    out.push(ys);
  }
  return out;
}

/** Index of the point of ascending `x` nearest to `value`; -1 when `x` is empty. */
export function nearestIndex(x: ArrayLike<number>, value: number): number {
  if (x.length === 0) return -1;
  let lo = 0;
  let hi = x.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && value - x[lo - 1]! <= x[lo]! - value) return lo - 1;
  return lo;
}
