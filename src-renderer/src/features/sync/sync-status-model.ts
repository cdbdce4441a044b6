// What the top bar says about pushes and pulls: the jobs still running, and the newest ending
// worth a notice (this window's own jobs, and any failure) unless it was dismissed; an older
// ending is old news once a newer one came, so dismissing the newest clears the bar.
import type { SyncDone, SyncProgress } from '../../../../src-shared/sync';
import type { JobState } from '../../stores/background-jobs';

type SyncJob = JobState<SyncProgress, SyncDone>;

export interface SyncStatusView {
  running: { id: string; progress: SyncProgress | null }[];
  notice: SyncDone | null;
}

export function syncStatusView(byId: Record<string, SyncJob>, ours: Record<string, true>, dismissed: Record<string, true>): SyncStatusView {
  const running: SyncStatusView['running'] = [];
  let newest: SyncDone | null = null;
  // Keys keep insertion order: the last ended job seen is the newest.
  for (const [id, job] of Object.entries(byId)) {
    if (!job.done) running.push({ id, progress: job.progress });
    else if (ours[id] || job.done.outcome === 'failed') newest = job.done;
  }
  return { running, notice: newest && !dismissed[newest.jobId] ? newest : null };
}

/** The notice's words: `Pushed 3 runs to team`, `Import from team failed`. */
export function noticeText(done: SyncDone): string {
  const n = done.runs.length;
  const runs = `${n} ${n === 1 ? 'run' : 'runs'}`;
  const push = done.direction === 'push';
  const where = done.remote ? (push ? ` to ${done.remote}` : ` from ${done.remote}`) : '';
  switch (done.outcome) {
    case 'done':
      return `${push ? 'Pushed' : 'Imported'} ${runs}${where}`;
    case 'failed':
      return `${push ? 'Push' : 'Import'}${where} failed`;
    case 'cancelled':
      return `${push ? 'Push' : 'Import'}${where} cancelled after ${runs}`;
  }
}
