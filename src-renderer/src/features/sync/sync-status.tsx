// The top bar's word on pushes and pulls, whatever page is open: what is running and how far,
// then how it ended until dismissed. The Team page is a click away for the details.
import { useShallow } from 'zustand/react/shallow';
import { routeHref } from '../../lib/hash-router';
import { useSyncJobsStore } from '../../stores/sync-jobs-store';
import { progressFraction, runsOf } from './sync-state';
import { noticeText, syncStatusView } from './sync-status-model';
import './sync.css';

export function SyncStatus() {
  const { byId, ours, dismissed, dismiss } = useSyncJobsStore(useShallow((s) => ({ byId: s.byId, ours: s.ours, dismissed: s.dismissed, dismiss: s.dismiss })));
  const { running, notice } = syncStatusView(byId, ours, dismissed);
  const team = routeHref({ page: 'team', remote: null, experiment: null });

  if (running.length > 0) {
    const one = running.length === 1 ? running[0]!.progress : null;
    const label = one
      ? `${one.direction === 'push' ? 'Pushing' : 'Importing'} ${runsOf(one.runsDone, one.runsTotal)}`
      : running.length === 1
        ? 'Starting…'
        : `${running.length} syncs running`;
    const percent = one ? Math.round(100 * progressFraction(one)) : null;
    return (
      <a className="sync-status sync-status--running" href={team} data-testid="sync-status" data-state="running" title={one ? `${label} ${one.direction === 'push' ? 'to' : 'from'} ${one.remote}` : label}>
        <span className="sync-status__spinner" aria-hidden />
        <span className="sync-status__text">{label}</span>
        {percent !== null && <span className="num muted">{percent}%</span>}
      </a>
    );
  }
  if (!notice) return null;
  const failed = notice.outcome === 'failed';
  return (
    <span className={`sync-status sync-status--${notice.outcome}`} data-testid="sync-status" data-state={notice.outcome} role={failed ? 'alert' : 'status'} title={notice.error ?? undefined}>
      <span className="sync-status__mark" aria-hidden>
        {notice.outcome === 'done' ? '✓' : failed ? '!' : '–'}
      </span>
      <span className="sync-status__text">{noticeText(notice)}</span>
      {failed && notice.error && <span className="sync-status__why">{notice.error}</span>}
      <button type="button" className="quiet sync-status__dismiss" onClick={() => dismiss(notice.jobId)} aria-label="Dismiss" title="Dismiss" data-testid="sync-status-dismiss">
        ✕
      </button>
    </span>
  );
}
