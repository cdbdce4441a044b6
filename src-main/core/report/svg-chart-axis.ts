// Axes of a report chart: "nice" tick values (1, 2 or 5 times a power of ten) and labels that
// fit. A static SVG cannot measure its text, so label widths are estimated from their length,
// generously, and ticks are thinned until the estimated labels no longer touch.
import { formatNumber, formatTick } from '../../../src-shared/format';

export interface Axis {
  lo: number;
  hi: number;
  ticks: { value: number; label: string }[];
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
  return { lo: values[0]!, hi: values[values.length - 1]!, ticks: values.map((value, i) => ({ value, label: labels[i]! })) };
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
