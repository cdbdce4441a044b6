import type { RunSummary } from '../../../src-shared/domain';
import { formatDuration } from '../../../src-shared/format';
import { useNow } from '../lib/use-now';

/** How long a run has taken; a running run's duration counts up while on screen. */
export function runDurationMs(run: RunSummary, now: number): number {
  if (run.status === 'RUNNING') return now - run.startTime;
  return (run.endTime ?? run.lastHeartbeat) - run.startTime;
}

export function RunDuration({ run }: { run: RunSummary }) {
  const now = useNow(run.status === 'RUNNING');
  return <>{formatDuration(runDurationMs(run, now))}</>;
}
