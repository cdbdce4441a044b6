// The axes of a parallel-coordinates plot, one per param or metric: each maps a run's value to
// a height in [0, 1] (0 at the bottom). Numbers get a linear axis, or a log axis when they span
// decades (learning rates: 1e-4 … 1e-2 would otherwise crowd at the bottom); anything else is a
// category, evenly spaced in natural sort order ('2' before '10').
import { formatTick } from '../../../../src-shared/format';

export type AxisKind = 'linear' | 'log' | 'category';

export interface AxisTick {
  at: number;
  label: string;
}

export interface PlotAxis {
  id: string;
  kind: AxisKind;
  /** Per run: its height on the axis, null where the run has no value. */
  positions: (number | null)[];
  ticks: AxisTick[];
}

/** Two decades or more between the smallest and largest positive value. */
const LOG_RATIO = 100;
/** Labels an axis can hold before they run into each other (the plot is ~300 px tall). */
const MAX_LABELS = 12;

export type PlotValue = string | number | null | undefined;

/** The values as numbers when every present one is a finite number (or its text), else null. */
export function asNumbers(values: PlotValue[]): (number | null)[] | null {
  const out: (number | null)[] = [];
  for (const v of values) {
    if (v === null || v === undefined) out.push(null);
    else {
      const n = typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v);
      if (!Number.isFinite(n)) return null;
      out.push(n);
    }
  }
  return out;
}

export function wantsLogScale(values: (number | null)[]): boolean {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2 || present.some((v) => v <= 0)) return false;
  return Math.max(...present) / Math.min(...present) >= LOG_RATIO;
}

export function buildAxis(id: string, values: PlotValue[]): PlotAxis {
  const numbers = asNumbers(values);
  if (numbers && numbers.some((n) => n !== null)) {
    return wantsLogScale(numbers) ? logAxis(id, numbers) : linearAxis(id, numbers);
  }
  return categoryAxis(id, values);
}

function extent(values: (number | null)[]): [number, number] {
  const present = values.filter((v): v is number => v !== null);
  return [Math.min(...present), Math.max(...present)];
}

/** Steps of 1, 2 or 5 times a power of ten, about `count` of them across [lo, hi]. */
function niceStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const mult = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10;
  return mult * power;
}

function linearAxis(id: string, values: (number | null)[]): PlotAxis {
  const [min, max] = extent(values);
  if (min === max) return { id, kind: 'linear', positions: values.map((v) => (v === null ? null : 0.5)), ticks: [{ at: 0.5, label: formatTick(min) }] };
  const step = niceStep(min, max, 4);
  // The domain is widened to whole steps, so the ends carry a tick label.
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: AxisTick[] = [];
  for (let i = 0; lo + i * step <= hi + step / 2; i++) {
    const value = lo + i * step;
    ticks.push({ at: (value - lo) / (hi - lo), label: formatTick(Number(value.toPrecision(12))) });
  }
  return { id, kind: 'linear', positions: values.map((v) => (v === null ? null : (v - lo) / (hi - lo))), ticks };
}

function logAxis(id: string, values: (number | null)[]): PlotAxis {
  const [min, max] = extent(values);
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const every = Math.ceil((hi - lo + 1) / MAX_LABELS);
  const ticks: AxisTick[] = [];
  for (let e = lo; e <= hi; e += every) ticks.push({ at: (e - lo) / (hi - lo), label: formatTick(10 ** e) });
  return { id, kind: 'log', positions: values.map((v) => (v === null ? null : (Math.log10(v) - lo) / (hi - lo))), ticks };
}

function categoryAxis(id: string, values: PlotValue[]): PlotAxis {
  const text = values.map((v) => (v === null || v === undefined ? null : String(v)));
  const categories = [...new Set(text.filter((v): v is string => v !== null))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const at = (i: number) => (categories.length === 1 ? 0.5 : i / (categories.length - 1));
  const index = new Map(categories.map((c, i) => [c, i]));
  const every = Math.ceil(categories.length / MAX_LABELS);
  return {
    id,
    kind: 'category',
    positions: text.map((v) => (v === null ? null : at(index.get(v)!))),
    ticks: categories.flatMap((label, i) => (i % every === 0 ? [{ at: at(i), label }] : [])),
  };
}
