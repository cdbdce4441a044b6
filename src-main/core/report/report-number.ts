// Numbers in report tables. The app's formatNumber shows 4 significant digits and k/M suffixes
// to fit narrow columns; a report is read to check results, so it shows 7 significant digits —
// float32, which most trainers log, holds about 7.2, so two different logged values stay
// different and a value a logger printed reads back the same — and writes numbers ≥ 1000 out
// in full instead of `12.3k`. The exact doubles travel in the JSON export and, in Markdown, in
// the report's data section.
import { formatNumber } from '../../../src-shared/format';

const DIGITS = 7;

/** A metric value for a table cell; '—' for a missing one. */
export function reportNumber(n: number | null): string {
  if (n === null) return '—';
  const abs = Math.abs(n);
  if (Number.isFinite(n) && abs >= 1000 && abs < 1e15) return String(Number(n.toPrecision(DIGITS)));
  return formatNumber(n, DIGITS);
}

/** A difference, signed so a reader sees its direction at a glance: `+0.1`, `-2`, `0`. */
export function reportDelta(n: number | null): string {
  return n !== null && n > 0 ? `+${reportNumber(n)}` : reportNumber(n);
}
