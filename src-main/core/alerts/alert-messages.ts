// The one line an alert shows in a toast, a notification and the alerts panel.
import type { ThresholdOp } from '../../../src-shared/alerts';
import type { RunStatus } from '../../../src-shared/domain';
import { formatCount, formatDuration, formatNumber } from '../../../src-shared/format';

/** `val_loss is NaN at step 1,200` */
export function nonFiniteMessage(key: string, value: number, step: number): string {
  const name = Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  return `${key} is ${name} at step ${formatCount(step)}`;
}

/** `accuracy crossed > 0.9 (0.912 at step 300)` */
export function thresholdMessage(key: string, op: ThresholdOp, threshold: number, value: number, step: number): string {
  return `${key} crossed ${op} ${formatNumber(threshold, 6)} (${formatNumber(value, 6)} at step ${formatCount(step)})`;
}

/** `finished after 1h 04m`, `failed after 42s`, `was killed` (no end time known). */
export function endedMessage(status: Exclude<RunStatus, 'RUNNING'>, startTime: number, endTime: number | null): string {
  const what = status === 'FINISHED' ? 'finished' : status === 'FAILED' ? 'failed' : 'was killed';
  return endTime === null || endTime < startTime ? what : `${what} after ${formatDuration(endTime - startTime)}`;
}

/** `stalled: no point for 12 min` */
export function stalledMessage(quietMs: number): string {
  return `stalled: no point for ${formatCount(Math.floor(quietMs / 60_000))} min`;
}
