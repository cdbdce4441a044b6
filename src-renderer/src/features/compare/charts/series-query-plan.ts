// How the compare charts ask the core for their series: one bulk query for every visible
// run × key, split only when it exceeds the contract's per-query limit, at about one bucket
// per horizontal pixel of a chart.
import { LIMITS } from '../../../../../src-shared/limits';

export interface QueryPart {
  runIds: string[];
  keys: string[];
}

/** Splits runs × keys into as few queries as the limit allows, runs kept in order. */
export function planSeriesQueries(runIds: string[], keys: string[], limit: number = LIMITS.seriesPerQuery): QueryPart[] {
  if (runIds.length === 0 || keys.length === 0) return [];
  if (keys.length > limit) {
    // More keys than one query may hold: one run at a time, keys in slices.
    return runIds.flatMap((runId) => slices(keys, limit).map((ks) => ({ runIds: [runId], keys: ks })));
  }
  return slices(runIds, Math.floor(limit / keys.length)).map((ids) => ({ runIds: ids, keys }));
}

function slices<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Buckets for a plot `width` pixels wide: about one per pixel, rounded to 50 so a small resize
 * does not refetch, within what the contract allows.
 */
export function bucketsForWidth(width: number): number {
  return Math.min(LIMITS.seriesBuckets, Math.max(100, Math.round(width / 50) * 50));
}
