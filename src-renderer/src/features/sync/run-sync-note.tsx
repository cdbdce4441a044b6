// The run page's line about the run's place on a remote: a pulled copy says it is read-only and
// links to the run on the MLflow server; a pushed run says where to, whether live push is on
// (with a way to stop it) and why the last attempt failed, if it did.
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../../src-shared/domain';
import type { RunSync } from '../../../../src-shared/sync';
import { formatDateTime } from '../../../../src-shared/format';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-errors';
import { useRemotesStore } from '../../stores/remotes-store';
import { useRunsStore } from '../../stores/runs-store';
import { SyncBadge } from './sync-badge';
import './sync.css';

/** A web address to open the run at: only http(s), since it came from another server. */
function webLink(path: string | null): string | null {
  if (!path) return null;
  try {
    const url = new URL(path);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function StopLivePush({ runId }: { runId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await api.stopLivePush({ id: runId });
            // The run's sync record changed beside it: fetch it rather than wait for an event.
            await useRunsStore.getState().fetchRun(runId);
          } catch (e) {
            setError(errorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
        data-testid="stop-live-push"
      >
        Stop live push
      </button>
      {error && <span className="run-sync-note__error">{error}</span>}
    </>
  );
}

function pushedSentence(sync: RunSync): string {
  if (sync.live) return `Live push to ${sync.remote}`;
  return sync.state === 'behind' ? `Pushed to ${sync.remote}, which lacks what was logged since` : `Pushed to ${sync.remote}`;
}

/** The pushed run's page in the remote's own UI (the address MLflow's UI routes runs by). */
function usePushedRunLink(sync: RunSync): string | null {
  const base = useRemotesStore((s) => s.remotes.find((r) => r.name === sync.remote)?.url ?? null);
  useEffect(() => {
    if (useRemotesStore.getState().status === 'idle') void useRemotesStore.getState().load();
  }, []);
  if (!base || sync.state === 'remote') return null;
  return webLink(`${base.replace(/\/+$/, '')}/#/experiments/${encodeURIComponent(sync.remoteExperimentId)}/runs/${encodeURIComponent(sync.remoteRunId)}`);
}

export function RunSyncNote({ run }: { run: RunSummary & { sync: RunSync } }) {
  const { sync } = run;
  const pushedLink = usePushedRunLink(sync);
  const link = sync.state === 'remote' ? webLink(run.sourcePath) : pushedLink;
  return (
    <div className={`run-sync-note run-sync-note--${sync.state}`} data-testid="run-sync-note" data-state={sync.state}>
      <SyncBadge sync={sync} />
      {sync.state === 'remote' ? (
        <span>
          Read-only copy of run <span className="mono">{sync.remoteRunId}</span> on <strong>{sync.remote}</strong>
        </span>
      ) : (
        <span>{pushedSentence(sync)}</span>
      )}
      {sync.syncedAt !== null && (
        <span className="muted num">
          · {sync.state === 'remote' ? 'pulled' : 'synced'} {formatDateTime(sync.syncedAt)}
        </span>
      )}
      {sync.error && (
        <span className="run-sync-note__error" title={sync.error} data-testid="run-sync-error">
          · last attempt failed: {sync.error}
        </span>
      )}
      <span className="run-sync-note__actions">
        {link && (
          <a href={link} target="_blank" rel="noreferrer noopener" data-testid="open-in-mlflow">
            Open in MLflow ↗
          </a>
        )}
        {sync.live && <StopLivePush runId={run.id} />}
      </span>
    </div>
  );
}
