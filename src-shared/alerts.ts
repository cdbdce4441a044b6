// Alerts: rules evaluated in the core over what runs log, so they work the same in the desktop
// app (OS notifications) and serve mode (in-app toasts through the event stream).
// Pure TypeScript: shared by the core, both API transports and the renderer.
import type { WireNumber } from './domain';

/**
 * What a rule watches:
 * - `run-finished` / `run-failed`: the run ended FINISHED, or FAILED/KILLED;
 * - `run-stalled`: a RUNNING run logged no point and sent no heartbeat for `minutes`;
 * - `non-finite`: a NaN or ±Infinity logged to a metric whose key matches `metric` (a glob;
 *   the built-in rule's pattern names loss-like keys);
 * - `threshold`: metric `metric` crossed `value` in direction `op` (raised once per crossing).
 */
export const ALERT_KINDS = ['run-finished', 'run-failed', 'run-stalled', 'non-finite', 'threshold'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const THRESHOLD_OPS = ['>', '>=', '<', '<='] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];

export interface AlertRule {
  /** `builtin:<kind>` for the built-in rules (never deleted, can be disabled); a uuid for user rules. */
  id: string;
  kind: AlertKind;
  /** The experiment the rule applies to; null: every experiment (the built-ins). */
  experiment: string | null;
  enabled: boolean;
  /** `threshold`: the metric key; `non-finite`: a key glob (`*` any run of characters). */
  metric: string | null;
  op: ThresholdOp | null;
  value: number | null;
  /** `run-stalled`: minutes without a point or heartbeat. */
  minutes: number | null;
}

export interface Alert {
  id: number;
  ruleId: string;
  kind: AlertKind;
  runId: string;
  runName: string;
  experiment: string;
  /** One line for a notification or toast ("loss is NaN at step 1200"). */
  message: string;
  metric: string | null;
  value: WireNumber | null;
  step: number | null;
  /** Epoch ms. */
  raisedAt: number;
  read: boolean;
}
