/**
 * Parallel columns reordered so `key` ascends; equal keys keep their order (a stable sort, so
 * points logged at one step stay in logging order). Already-sorted columns cost one check and
 * come back as they are. Sorts an index array, never one object per point.
 */
export function sortColumns<T extends Record<string, Float64Array>>(cols: T, key: keyof T): T {
  const k = cols[key] as Float64Array;
  const n = k.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = k[i - 1]! <= k[i]!;
  if (sorted) return cols;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => k[a]! - k[b]! || a - b);
  const out = {} as Record<string, Float64Array>;
  for (const [name, col] of Object.entries(cols)) {
    const permuted = new Float64Array(n);
    for (let i = 0; i < n; i++) permuted[i] = col[order[i]!]!;
    out[name] = permuted;
  }
  return out as T;
}
