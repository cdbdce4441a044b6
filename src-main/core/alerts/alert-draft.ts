import type { AlertRule } from '../../../src-shared/alerts';

/** An alert an evaluator decided to raise, before it is stored and sent. */
export interface AlertDraft {
  rule: AlertRule;
  runId: string;
  message: string;
  metric: string | null;
  value: number | null;
  step: number | null;
}

/** Whether `rule` already raised an alert for `runId` at or after `since` (what survives a restart). */
export type RaisedSince = (runId: string, ruleId: string, since: number) => boolean;
