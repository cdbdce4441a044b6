// Browsing a remote: its experiments on the left (each can be followed: imported whole, then
// kept up to date), the chosen one's runs on the right to import some of them. An import runs in
// the core; its progress shows here and in the top bar.
import { useEffect, useState } from 'react';
import type { Input } from '../../../../src-shared/contract';
import type { RemoteExperiment } from '../../../../src-shared/sync';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-errors';
import { ErrorBanner } from '../../components/error-banner';
import { Skeleton } from '../../components/skeleton';
import { routeHref } from '../../lib/hash-router';
import { useRemoteBrowserStore } from '../../stores/remote-browser-store';
import { useSyncJobsStore } from '../../stores/sync-jobs-store';
import { SyncProgressView } from '../sync/sync-progress';
import { RemoteRuns } from './remote-runs';

/** Starts a pull and follows its job; one at a time per browser. */
function usePull() {
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useSyncJobsStore((s) => (jobId ? s.byId[jobId] : undefined));
  const start = async (input: Input<'pullRuns'>) => {
    setError(null);
    try {
      const { jobId: id } = await api.pullRuns(input);
      useSyncJobsStore.getState().started(id);
      setJobId(id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const running = !!jobId && !job?.done;
  const dismiss = () => {
    setJobId(null);
    setError(null);
  };
  return { jobId, job, error, running, start, dismiss };
}

function ExperimentItem({ remote, experiment, chosen, busy, onFollow }: { remote: string; experiment: RemoteExperiment; chosen: boolean; busy: boolean; onFollow: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <li className={`remote-experiment${chosen ? ' is-chosen' : ''}`} data-testid="remote-experiment" data-id={experiment.id} data-followed={experiment.followed}>
      <a href={routeHref({ page: 'team', remote, experiment: experiment.id })} className="remote-experiment__name" title={`${experiment.name} (id ${experiment.id})`} aria-current={chosen ? 'true' : undefined}>
        {experiment.name}
      </a>
      {experiment.followed ? (
        <button
          type="button"
          className="remote-experiment__follow is-on"
          title="Followed: new and updated runs come in by themselves. Click to stop following (the runs already imported stay)."
          aria-pressed="true"
          onClick={async () => setError(await useRemoteBrowserStore.getState().unfollow(remote, experiment.id))}
          data-testid="experiment-unfollow"
        >
          Following
        </button>
      ) : (
        <button
          type="button"
          className="remote-experiment__follow"
          title="Import the whole experiment, then keep importing its new and updated runs"
          aria-pressed="false"
          disabled={busy}
          onClick={onFollow}
          data-testid="experiment-follow"
        >
          Follow
        </button>
      )}
      {error && <span className="remote-experiment__error">{error}</span>}
    </li>
  );
}

export function RemoteBrowser({ remote, experimentId }: { remote: string; experimentId: string | null }) {
  const entry = useRemoteBrowserStore((s) => s.experiments[remote]);
  const pull = usePull();

  useEffect(() => {
    void useRemoteBrowserStore.getState().loadExperiments(remote);
  }, [remote]);

  const experiments = entry?.experiments ?? [];
  const chosen = experiments.find((e) => e.id === experimentId) ?? experiments[0] ?? null;
  const follow = (experiment: RemoteExperiment) => void pull.start({ remote, experimentId: experiment.id, follow: true });

  return (
    <section className="remote-browser" data-testid="remote-browser" data-remote={remote}>
      <div className="remote-browser__head">
        <h2 className="section-title">
          Browse <span className="remote-browser__remote">{remote}</span>
        </h2>
        <button type="button" className="quiet" onClick={() => void useRemoteBrowserStore.getState().loadExperiments(remote)} title="List the remote’s experiments again" data-testid="remote-refresh">
          ↻ Refresh
        </button>
      </div>
      {(pull.jobId || pull.error) && (
        <div className="remote-browser__job panel" data-testid="pull-job">
          {pull.error ? <ErrorBanner message={pull.error} /> : <SyncProgressView progress={pull.job?.progress ?? null} done={pull.job?.done ?? null} />}
          <div className="remote-browser__job-buttons">
            {pull.running && pull.jobId ? (
              <button type="button" className="danger" onClick={() => void api.cancelSync({ id: pull.jobId! })} data-testid="pull-cancel">
                Cancel import
              </button>
            ) : (
              <button type="button" className="quiet" onClick={pull.dismiss} data-testid="pull-dismiss">
                Dismiss
              </button>
            )}
          </div>
        </div>
      )}
      {entry?.error && <ErrorBanner message={`Could not list ${remote}’s experiments: ${entry.error}`} onRetry={() => void useRemoteBrowserStore.getState().loadExperiments(remote)} />}
      {/* A remote that cannot be listed: the error says it all, no empty panes under it. */}
      {(entry?.status !== 'error' || experiments.length > 0) && (
        <div className="remote-browser__panes panel">
          <nav className="remote-browser__experiments" aria-label="Experiments">
            <div className="remote-browser__pane-title">Experiments{entry?.status === 'ready' && <span className="muted num"> {experiments.length}</span>}</div>
            {entry?.status === 'loading' && experiments.length === 0 && <Skeleton rows={4} height={16} />}
            {entry?.status === 'ready' && experiments.length === 0 && <p className="muted remote-browser__none">No experiment on {remote} yet.</p>}
            <ul>
              {experiments.map((e) => (
                <ExperimentItem key={e.id} remote={remote} experiment={e} chosen={e.id === chosen?.id} busy={pull.running} onFollow={() => follow(e)} />
              ))}
            </ul>
          </nav>
          {chosen ? (
            <RemoteRuns key={`${remote}\n${chosen.id}`} remote={remote} experiment={chosen} busy={pull.running} onImport={(runIds) => void pull.start({ remote, runIds })} onFollow={() => follow(chosen)} />
          ) : (
            <div className="remote-runs remote-runs--none muted">{entry?.status === 'ready' ? 'Nothing to browse.' : ''}</div>
          )}
        </div>
      )}
    </section>
  );
}
