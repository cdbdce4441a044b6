// Exponential moving average as TensorBoard and W&B draw it: debiased, so the first points are
// not pulled towards zero. A non-finite value (NaN, ±Infinity, a gap) is neither drawn nor fed
// into the average, so one diverged step does not poison the rest of the curve.

/**
 * Smooths `y` with weight `weight` in [0, 1). `pointsPerSample` is how many logged points each
 * sample stands for (a reduced series keeps ~4 per bucket of many): the weight is applied that
 * many times per sample, so the curve keeps its shape when a zoom swaps buckets for raw points.
 */
export function emaSmooth(y: ArrayLike<number | null>, weight: number, pointsPerSample = 1): (number | null)[] {
  const out = new Array<number | null>(y.length);
  const w = Math.min(Math.max(weight, 0), 0.999_999) ** Math.max(1, pointsPerSample);
  if (w === 0) {
    for (let i = 0; i < y.length; i++) out[i] = finiteOrNull(y[i]);
    return out;
  }
  let acc = 0;
  let wPow = 1;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v === null || v === undefined || !Number.isFinite(v)) {
      out[i] = null;
      continue;
    }
    acc = acc * w + (1 - w) * v;
    wPow *= w;
    out[i] = acc / (1 - wPow);
  }
  return out;
}

function finiteOrNull(v: number | null | undefined): number | null {
  return v !== null && v !== undefined && Number.isFinite(v) ? v : null;
}
