// A series' points along a comparison's x axis (SeriesXAxis), sorted by x for the reducer.
import type { SeriesXAxis } from '../../../src-shared/domain';
import type { StepValues } from '../store/metric-point';
import { sortColumns } from '../store/sort-columns';
import type { Store } from '../store/store';
import type { XRange } from './bucket-grid';

export interface XSeries {
  /** Ascending; equal x keep step order. */
  x: Float64Array;
  step: Float64Array;
  value: Float64Array;
  /** x extent of the whole series, ignoring the range; null when it has no point. */
  extent: [number, number] | null;
}

export interface SeriesRun {
  id: string;
  /** Epoch ms, the origin of the 'relative' axis. */
  startTime: number;
}

/** One value per step, steps ascending: the x a `metric:<key>` axis gives each step. */
interface StepLookup {
  step: Float64Array;
  x: Float64Array;
}

/**
 * Reads series of one query along its axis. On the step axis a range decodes only the chunks
 * overlapping it (the chunk index is by step); the other axes read whole series and leave the
 * range to the reducer. A `metric:<key>` axis reads the x metric once per run, so call it run
 * by run.
 */
export function xReader(store: Store, axis: SeriesXAxis, range: XRange | undefined) {
  const xKey = axis.startsWith('metric:') ? axis.slice('metric:'.length) : null;
  let lookupRun: string | null = null;
  let lookup: StepLookup | null = null;
  const lookupFor = (runId: string): StepLookup | null => {
    if (lookupRun !== runId) {
      const cols = store.metrics.readStepValues(runId, xKey!);
      lookup = cols && lastPerStep(cols);
      lookupRun = runId;
    }
    return lookup;
  };

  return (run: SeriesRun, key: string): XSeries | null => {
    if (axis === 'step') {
      const cols = store.metrics.readStepValues(run.id, key, range?.min, range?.max);
      if (!cols) return null;
      const n = cols.step.length;
      const extent = range ? store.metrics.stepExtent(run.id, key) : n > 0 ? ([cols.step[0]!, cols.step[n - 1]!] as [number, number]) : null;
      return { x: cols.step, step: cols.step, value: cols.value, extent };
    }
    if (xKey) {
      const cols = store.metrics.readStepValues(run.id, key);
      if (!cols) return null;
      const by = lookupFor(run.id);
      const none = new Float64Array(0);
      return by ? joinOnStep(cols, by) : sortedByX({ x: none, step: none, value: none });
    }
    const cols = store.metrics.read(run.id, key);
    if (!cols) return null;
    const x = axis === 'time' ? cols.timestamp : cols.timestamp.map((t) => t - run.startTime);
    return sortedByX({ x, step: cols.step, value: cols.value });
  };
}

/** The last value logged at each step (reads keep logging order among equal steps). */
function lastPerStep(c: StepValues): StepLookup {
  const n = c.step.length;
  const step = new Float64Array(n);
  const x = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (m > 0 && step[m - 1] === c.step[i]) m -= 1;
    step[m] = c.step[i]!;
    x[m] = c.value[i]!;
    m += 1;
  }
  return { step: step.subarray(0, m), x: x.subarray(0, m) };
}

/** Pairs each point with the x metric at its step; points without a finite x are left out. */
function joinOnStep(c: StepValues, by: StepLookup): XSeries {
  const n = c.step.length;
  const x = new Float64Array(n);
  const step = new Float64Array(n);
  const value = new Float64Array(n);
  let m = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const s = c.step[i]!;
    while (j < by.step.length && by.step[j]! < s) j++;
    if (j === by.step.length) break;
    const at = by.x[j]!;
    if (by.step[j] !== s || !Number.isFinite(at)) continue;
    x[m] = at;
    step[m] = s;
    value[m] = c.value[i]!;
    m += 1;
  }
  return sortedByX({ x: x.subarray(0, m), step: step.subarray(0, m), value: value.subarray(0, m) });
}

function sortedByX(cols: Omit<XSeries, 'extent'>): XSeries {
  const { x, step, value } = sortColumns(cols, 'x');
  const n = x.length;
  return { x, step, value, extent: n > 0 ? [x[0]!, x[n - 1]!] : null };
}
