// Tick labels for the compare charts' axes: compact numbers for steps, values and metric axes,
// dates for wall time (the day only where it changes), durations for time since the run began.
import type { SeriesXAxis } from '../../../../../src-shared/domain';
import { formatCount, formatDateTimeSeconds, formatDuration, formatNumber, formatTick } from '../../../../../src-shared/format';

export type XKind = 'step' | 'time' | 'relative' | 'metric';

export function xKind(x: SeriesXAxis): XKind {
  return x === 'step' || x === 'time' || x === 'relative' ? x : 'metric';
}

export function xAxisTitle(x: SeriesXAxis): string {
  if (x === 'step') return 'step';
  if (x === 'time') return 'wall time';
  if (x === 'relative') return 'time since start';
  return x.slice('metric:'.length);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Round durations for the relative axis, so ticks read `5m 00s`, not `4m 47s`. */
export const DURATION_INCREMENTS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 90 * DAY, 365 * DAY,
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

function durationTick(ms: number, increment: number): string {
  if (increment < SECOND) return `${formatTick(ms / SECOND)}s`;
  // Before the run's start (a point logged with an earlier timestamp): a signed duration.
  return ms < 0 ? `-${formatDuration(-ms)}` : formatDuration(ms);
}

/**
 * Wall-time ticks: the clock at the increment's precision, and under it the day where it
 * changes (a second line, so the first label is no wider than the others).
 */
function timeTicks(ticks: number[], increment: number): string[] {
  let lastDay = '';
  return ticks.map((ms) => {
    const d = new Date(ms);
    const day = `${MONTHS[d.getMonth()]} ${d.getDate()}`;
    if (increment >= DAY) return day;
    const clock = increment < MINUTE ? `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    const label = day !== lastDay ? `${clock}\n${day}` : clock;
    lastDay = day;
    return label;
  });
}

/**
 * A value tick: compact, with as many significant digits as the spacing of the ticks needs
 * (a narrow range like 2.141–2.149 must not print `2.14` five times).
 */
export function valueTicks(ticks: number[], increment: number): string[] {
  const largest = Math.max(...ticks.map(Math.abs));
  const needed = increment > 0 && largest > 0 ? Math.ceil(Math.log10(largest / increment)) + 1 : 3;
  if (needed <= 3) return ticks.map(formatTick);
  const digits = Math.min(12, needed);
  return ticks.map((t) => (Math.abs(t) >= 1000 && Math.abs(t) < 1e15 ? String(Number(t.toPrecision(digits))) : formatNumber(t, digits)));
}

/** Labels for x ticks `ticks`, spaced `increment` apart. */
export function xTicks(kind: XKind, ticks: number[], increment: number): string[] {
  if (kind === 'time') return timeTicks(ticks, increment);
  if (kind === 'relative') return ticks.map((t) => durationTick(t, increment));
  return valueTicks(ticks, increment);
}

/** The hovered x, in full, for the crosshair legend's header. */
export function xValueLabel(kind: XKind, x: number): string {
  if (kind === 'step') return `step ${formatCount(x)}`;
  if (kind === 'time') return formatDateTimeSeconds(x);
  if (kind === 'relative') return durationTick(x, SECOND);
  return formatTick(x);
}
