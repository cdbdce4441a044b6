// Axes of a report chart: "nice" tick values (1, 2 or 5 times a power of ten) and labels that
// fit, on a linear or a log10 scale. A static SVG cannot measure its text, so label widths are estimated from their length,
// generously, and ticks are thinned until the estimated labels no longer touch.
import { formatNumber, formatTick } from '../../../src-shared/format';

export interface Axis {
  lo: number;
  hi: number;
  /** lo, hi and tick values are data values either way; `log` places them by their log10. */
  log: boolean;
  ticks: { value: number; label: string }[];
}

/** Where `value` sits along the axis, 0 at lo and 1 at hi. */
export function axisFraction(a: Axis, value: number): number {
  if (!a.log) return (value - a.lo) / (a.hi - a.lo);
  return (Math.log10(value) - Math.log10(a.lo)) / (Math.log10(a.hi) - Math.log10(a.lo));
}

/** Average advance of a digit at `fontSize` in common sans fonts, rounded up. */
export const charWidth = (fontSize: number) => fontSize * 0.62;

function niceStep(span: number, count: number, integer: boolean): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  // Steps are whole numbers: a tick at step 0.5 would name a step that cannot exist.
  return integer ? Math.max(1, Math.round(step)) : step;
}

/**
 * Labels for tick values; three significant digits as in the app, more when that makes two
 * ticks read the same (a metric living between 1.0001 and 1.0004).
 */
function tickLabels(values: readonly number[]): string[] {
  for (let digits = 3; digits <= 8; digits++) {
    const labels = values.map((v) => (digits === 3 ? formatTick(v) : formatNumber(v, digits)));
    if (new Set(labels).size === labels.length) return labels;
  }
  return values.map((v) => String(v));
}

function ticksFor(min: number, max: number, count: number, integer: boolean): Axis {
  let lo = min;
  let hi = max;
  if (lo === hi) {
    // One value: a band around it, so the line sits mid-axis rather than on an edge.
    const pad = integer ? 1 : Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
    if (min >= 0 && lo < 0) lo = 0;
  }
  const step = niceStep(hi - lo, count, integer);
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  // toPrecision(12) drops float noise (0.30000000000000004) before the value is labelled.
  const values = Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
  const labels = tickLabels(values);
  return { lo: values[0]!, hi: values[values.length - 1]!, log: false, ticks: values.map((value, i) => ({ value, label: labels[i]! })) };
}

/**
 * Ticks over [min, max] along `lengthPx` pixels: as many as fit when each needs `spacing(labels)`
 * pixels. The domain is widened to whole steps, so both ends carry a labelled tick.
 */
export function niceAxis(min: number, max: number, lengthPx: number, spacing: (labels: readonly string[]) => number, integer: boolean): Axis {
  for (let count = Math.max(2, Math.floor(lengthPx / 40)); count > 1; count--) {
    const axis = ticksFor(min, max, count, integer);
    const gaps = Math.max(1, axis.ticks.length - 1);
    if (lengthPx / gaps >= spacing(axis.ticks.map((t) => t.label))) return axis;
  }
  return ticksFor(min, max, 1, integer);
}

/** `m`×10^`e` parsed from its decimal text, so 2e-3 is the double nearest 0.002 (2 * 10 ** -3 is not). */
const decimal = (m: number, e: number) => Number(`${m}e${e}`);

function logTicks(values: readonly number[]): Axis {
  return { lo: values[0]!, hi: values[values.length - 1]!, log: true, ticks: values.map((value) => ({ value, label: formatTick(value) })) };
}

/** Whether every gap between neighbouring ticks of a log axis over `lengthPx` holds `spacing(labels)`. */
function logFits(axis: Axis, lengthPx: number, spacing: (labels: readonly string[]) => number): boolean {
  const need = spacing(axis.ticks.map((t) => t.label));
  return axis.ticks.every((t, i) => i === 0 || (axisFraction(axis, t.value) - axisFraction(axis, axis.ticks[i - 1]!.value)) * lengthPx >= need);
}

/**
 * A log10 axis over [min, max], both > 0. Ticks at 1, 2 and 5 times each power of ten when
 * their labels fit (the domain then ends at the nearest of them), else at powers of ten only,
 * every second, third, … decade as the length demands; the domain ends at labelled ticks.
 */
export function logAxis(min: number, max: number, lengthPx: number, spacing: (labels: readonly string[]) => number): Axis {
  let d0 = Math.floor(Math.log10(min) + 1e-9);
  let d1 = Math.ceil(Math.log10(max) - 1e-9);
  if (d0 === d1) {
    // One value at a power of ten: a decade either side, so the line sits mid-axis.
    d0 -= 1;
    d1 += 1;
  }
  const nice: number[] = [];
  for (let e = d0; e <= d1; e++) for (const m of e === d1 ? [1] : [1, 2, 5]) nice.push(decimal(m, e));
  const from = nice.findLastIndex((v) => v <= min);
  const to = nice.findIndex((v) => v >= max);
  const minor = logTicks(nice.slice(Math.max(0, from), to < 0 ? nice.length : to + 1));
  if (minor.ticks.length > 1 && logFits(minor, lengthPx, spacing)) return minor;
  for (let stride = 1; ; stride++) {
    const first = Math.floor(d0 / stride);
    const last = Math.ceil(d1 / stride);
    const axis = logTicks(Array.from({ length: last - first + 1 }, (_, i) => decimal(1, (first + i) * stride)));
    if (last - first <= 1 || logFits(axis, lengthPx, spacing)) return axis;
  }
}
