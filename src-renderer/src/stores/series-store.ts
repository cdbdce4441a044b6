// Metric series shown on run pages, keyed by run and metric. Each chart asks for its key at a resolution that fits
// its width; `points.appended` refetches the keys that grew, at most twice a second per key,
// so a run logging every few milliseconds does not turn into a request storm.
import { create } from 'zustand';
import type { MetricSeries } from '../../../src-shared/domain';
import { fromWire } from '../../../src-shared/wire-number';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';
import { createKeyedThrottle } from '../lib/keyed-throttle';

const MIN_REFETCH_INTERVAL_MS = 500;

export interface ChartPoint {
  step: number;
  /** null draws a gap: NaN and ±Infinity have no place on a linear axis. */
  value: number | null;
  /** Bucket [min, max] when downsampled, drawn as the envelope behind the mean. */
  band: [number, number] | null;
}

export interface SeriesView {
  points: ChartPoint[];
  total: number;
  downsampled: boolean;
  nonFinite: boolean;
}

export interface SeriesEntry {
  status: 'loading' | 'ready' | 'error';
  view: SeriesView | null;
  error: string | null;
  resolution: number;
}

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

export function toView(series: MetricSeries): SeriesView {
  let nonFinite = false;
  const points = series.step.map((step, i): ChartPoint => {
    const value = fromWire(series.value[i] ?? 'NaN');
    const min = fromWire(series.min[i] ?? 'NaN');
    const max = fromWire(series.max[i] ?? 'NaN');
    if (!Number.isFinite(value) || (series.downsampled && (!Number.isFinite(min) || !Number.isFinite(max)))) {
      nonFinite = true;
    }
    const band: [number, number] | null =
      series.downsampled && Number.isFinite(min) && Number.isFinite(max) ? [min, max] : null;
    return { step, value: finiteOrNull(value), band };
  });
  return {
    points,
    total: series.total,
    downsampled: series.downsampled,
    nonFinite,
  };
}

interface SeriesState {
  /** By `seriesId(runId, key)`. */
  entries: Record<string, SeriesEntry>;
  /** A chart needs the series at about `resolution` points; fetches unless it already has that. */
  request: (runId: string, key: string, resolution: number) => void;
  pointsAppended: (runId: string, keys: string[]) => void;
  /** After the event feed reconnects: appends may have been missed. */
  refetchAll: () => void;
  /** The run page closed: its series are no longer kept up to date, nor kept. */
  forgetRun: (runId: string) => void;
}

export function seriesId(runId: string, key: string): string {
  return `${runId}\u0000${key}`;
}

/** Run ids never hold NUL (contract: `[\w-]+`), so the first one splits the id. */
function parseSeriesId(id: string): { runId: string; key: string } {
  const at = id.indexOf('\u0000');
  return { runId: id.slice(0, at), key: id.slice(at + 1) };
}

export const useSeriesStore = create<SeriesState>()((set, get) => {
  const patch = (id: string, update: (entry: SeriesEntry) => SeriesEntry) =>
    set((state) => {
      const entry = state.entries[id];
      // Forgotten while the request was out: drop the answer.
      return entry ? { entries: { ...state.entries, [id]: update(entry) } } : state;
    });

  const throttle = createKeyedThrottle(MIN_REFETCH_INTERVAL_MS, async (id) => {
    const { runId, key } = parseSeriesId(id);
    const resolution = get().entries[id]?.resolution ?? 600;
    try {
      const series = await api.getMetricSeries({ id: runId, key, points: resolution });
      patch(id, () => ({ status: 'ready', view: toView(series), error: null, resolution }));
    } catch (error) {
      patch(id, (entry) => ({ ...entry, status: 'error', error: errorMessage(error) }));
    }
  });

  return {
    entries: {},

    request: (runId, key, resolution) => {
      const id = seriesId(runId, key);
      const entry = get().entries[id];
      if (entry && entry.resolution === resolution && entry.status !== 'error') return;
      set((state) => ({
        entries: {
          ...state.entries,
          [id]: { status: entry?.view ? 'ready' : 'loading', view: entry?.view ?? null, error: null, resolution },
        },
      }));
      throttle.schedule(id);
    },

    pointsAppended: (runId, keys) => {
      const { entries } = get();
      for (const key of keys) {
        const id = seriesId(runId, key);
        if (entries[id]) throttle.schedule(id);
      }
    },

    refetchAll: () => {
      for (const id of Object.keys(get().entries)) throttle.schedule(id);
    },

    forgetRun: (runId) => {
      for (const id of throttle.keys()) if (parseSeriesId(id).runId === runId) throttle.cancel(id);
      set((state) => ({
        entries: Object.fromEntries(Object.entries(state.entries).filter(([id]) => !id.startsWith(`${runId}\u0000`))),
      }));
    },
  };
});
