// The series the compare charts draw: one bulk `querySeries` for every compared run × charted
// key at once (split only past the contract's per-query limit), at one x-axis, x-range and
// bucket count. While compared runs log, `points.appended` refetches the same request,
// throttled; the previous answer stays on screen until the next one lands, so a zoom or a
// live update never blanks a chart.
import { create } from 'zustand';
import type { SeriesXAxis } from '../../../src-shared/domain';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';
import { createKeyedThrottle } from '../lib/keyed-throttle';
import type { GriddedSeries } from '../features/compare/charts/chart-model';
import { planSeriesQueries } from '../features/compare/charts/series-query-plan';

const LIVE_REFETCH_INTERVAL_MS = 1000;
/**
 * A live refetch of a large comparison (many runs × keys) takes a while to answer and parse;
 * after one, the next waits this many times as long, so a run logging nonstop keeps the page
 * busy a quarter of the time at most.
 */
const LIVE_BACKOFF_FACTOR = 3;
const LIVE_BACKOFF_MAX_MS = 10_000;

export interface CompareSeriesRequest {
  runIds: string[];
  keys: string[];
  x: SeriesXAxis;
  range: [number, number] | null;
  buckets: number;
}

interface CompareSeriesState {
  request: CompareSeriesRequest | null;
  /** By `compareSeriesId(runId, key)`: the newest answer, possibly to an earlier request. */
  series: Record<string, GriddedSeries>;
  /** The request the series answer; differs from `request` while a new one is out. */
  answered: CompareSeriesRequest | null;
  error: string | null;
  /** Asks for these series unless this very request is already answered or out. */
  load: (request: CompareSeriesRequest) => void;
  pointsAppended: (runId: string, keys: string[]) => void;
  /** After the event feed reconnects: appends may have been missed. */
  refetch: () => void;
  /** The compare page closed. */
  clear: () => void;
}

export function compareSeriesId(runId: string, key: string): string {
  return `${runId}\u0000${key}`;
}

function sameRequest(a: CompareSeriesRequest | null, b: CompareSeriesRequest | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.x === b.x &&
    a.buckets === b.buckets &&
    a.range?.[0] === b.range?.[0] &&
    a.range?.[1] === b.range?.[1] &&
    a.runIds.join(',') === b.runIds.join(',') &&
    a.keys.join('\u0000') === b.keys.join('\u0000')
  );
}

async function query(request: CompareSeriesRequest): Promise<Record<string, GriddedSeries>> {
  const parts = planSeriesQueries(request.runIds, request.keys);
  const range = request.range ? { min: request.range[0], max: request.range[1] } : undefined;
  const answers = await Promise.all(
    parts.map((part) => api.querySeries({ runIds: part.runIds, keys: part.keys, buckets: request.buckets, x: request.x, range })),
  );
  const series: Record<string, GriddedSeries> = {};
  for (const answer of answers) {
    for (const s of answer.series) series[compareSeriesId(s.runId, s.key)] = { series: s, grid: answer.grid };
  }
  return series;
}

export const useCompareSeriesStore = create<CompareSeriesState>()((set, get) => {
  // Answers are applied in the order their requests started: a slow early answer never
  // overwrites a newer one.
  let started = 0;
  let applied = 0;

  const fetchCurrent = async () => {
    const request = get().request;
    if (!request || request.runIds.length === 0 || request.keys.length === 0) return;
    const generation = ++started;
    try {
      const series = await query(request);
      if (generation < applied || !sameRequest(get().request, request)) return;
      applied = generation;
      set({ series, answered: request, error: null });
    } catch (error) {
      if (sameRequest(get().request, request)) set({ error: errorMessage(error) });
    }
  };

  const live = createKeyedThrottle(LIVE_REFETCH_INTERVAL_MS, async () => {
    const t0 = performance.now();
    await fetchCurrent();
    const backoff = Math.min(LIVE_BACKOFF_MAX_MS, LIVE_BACKOFF_FACTOR * (performance.now() - t0));
    await new Promise((resolve) => setTimeout(resolve, backoff));
  });

  return {
    request: null,
    series: {},
    answered: null,
    error: null,

    load: (request) => {
      if (sameRequest(get().request, request)) return;
      set({ request, error: null });
      void fetchCurrent();
    },

    pointsAppended: (runId, keys) => {
      const request = get().request;
      if (!request?.runIds.includes(runId)) return;
      const xKey = request.x.startsWith('metric:') ? request.x.slice('metric:'.length) : null;
      if (keys.some((key) => key === xKey || request.keys.includes(key))) live.schedule('query');
    },

    refetch: () => {
      if (get().request) live.schedule('query');
    },

    clear: () => {
      live.cancel('query');
      started = applied = 0;
      set({ request: null, series: {}, answered: null, error: null });
    },
  };
});
