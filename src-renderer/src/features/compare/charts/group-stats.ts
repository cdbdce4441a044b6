// Group-by for the compare charts: runs that share the chosen params' values form one group,
// drawn as the mean of its runs with a ±1 std band. The statistics are taken bucket by bucket
// over the core's bucket means (every series of one query shares the grid), so runs logged at
// different steps or rates still line up.
import type { RunSummary, SeriesQueryResult } from '../../../../../src-shared/domain';

export type BucketGrid = NonNullable<SeriesQueryResult['grid']>;

export interface RunGroup {
  /** Stable across reloads: the params' values, so the group keeps its colour. */
  id: string;
  /** `lr=0.001 · optimizer=adam`; a missing param reads `—`. */
  label: string;
  runIds: string[];
}

/** Groups runs by the values of `paramKeys`, in the order the groups first appear. */
export function groupRuns(runs: RunSummary[], paramKeys: string[]): RunGroup[] {
  const groups = new Map<string, RunGroup>();
  for (const run of runs) {
    const values = paramKeys.map((key) => run.params[key]);
    const id = `group:${JSON.stringify(values)}`;
    let group = groups.get(id);
    if (!group) {
      const label = paramKeys.map((key, i) => `${key}=${values[i] ?? '—'}`).join(' · ');
      group = { id, label, runIds: [] };
      groups.set(id, group);
    }
    group.runIds.push(run.id);
  }
  return [...groups.values()];
}

/** One run's bucket means, on the grid of the query that answered it. */
export interface BucketMeans {
  grid: BucketGrid;
  bucket: ArrayLike<number>;
  bucketMean: ArrayLike<number>;
}

export interface GroupSeries {
  /** Centres of the buckets at least one member has a value in, ascending. */
  x: number[];
  mean: number[];
  /** Population standard deviation across the members with a value in the bucket. */
  std: number[];
  /** Members with a value in the bucket. */
  count: number[];
}

/**
 * Mean ± std per bucket of `grid` across `members`. A member answered on another grid (a large
 * comparison is split into several queries) is placed by its bucket centres.
 */
export function groupStats(grid: BucketGrid, members: BucketMeans[]): GroupSeries {
  const sum = new Float64Array(grid.count);
  const sumSq = new Float64Array(grid.count);
  const n = new Uint32Array(grid.count);
  for (const member of members) {
    const same = member.grid.lo === grid.lo && member.grid.width === grid.width;
    for (let j = 0; j < member.bucket.length; j++) {
      const v = member.bucketMean[j]!;
      if (!Number.isFinite(v)) continue;
      let i = member.bucket[j]!;
      if (!same) i = Math.floor((member.grid.lo + (i + 0.5) * member.grid.width - grid.lo) / grid.width);
      if (i < 0 || i >= grid.count) continue;
      sum[i] = sum[i]! + v;
      sumSq[i] = sumSq[i]! + v * v;
      n[i] = n[i]! + 1;
    }
  }
  const out: GroupSeries = { x: [], mean: [], std: [], count: [] };
  for (let i = 0; i < grid.count; i++) {
    const k = n[i]!;
    if (k === 0) continue;
    const mean = sum[i]! / k;
    out.x.push(grid.lo + (i + 0.5) * grid.width);
    out.mean.push(mean);
    // Clamped: rounding can leave a tiny negative variance when every value is the same.
    out.std.push(Math.sqrt(Math.max(0, sumSq[i]! / k - mean * mean)));
    out.count.push(k);
  }
  return out;
}
