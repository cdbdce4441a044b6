import type { RunStatus } from '../../../src-shared/domain';
import { invalid } from './mlflow-fields';

/**
 * MLflow's RunStatus by name or number. SCHEDULED (a run queued but not started) has no state
 * of its own in Runlens: it is shown as RUNNING.
 */
const STATUSES: Record<string, RunStatus> = {
  RUNNING: 'RUNNING',
  SCHEDULED: 'RUNNING',
  FINISHED: 'FINISHED',
  FAILED: 'FAILED',
  KILLED: 'KILLED',
  '1': 'RUNNING',
  '2': 'RUNNING',
  '3': 'FINISHED',
  '4': 'FAILED',
  '5': 'KILLED',
};

export function parseRunStatus(value: string, field = 'status'): RunStatus {
  // Own keys only: 'constructor' or 'toString' must not find Object.prototype's members.
  const status = Object.hasOwn(STATUSES, value) ? STATUSES[value] : undefined;
  if (!status) throw invalid(`Invalid value '${value}' for parameter '${field}': expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED`);
  return status;
}
