// "Push…" from the runs table: to which remote, which runs, live or not; then the push's
// progress as events report it, Cancel, and how it ended. The push runs in the core: closing the
// dialog leaves it going (the top bar keeps showing it). The choices reuse the export dialog's
// form styles.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RunSummary } from '../../../../src-shared/domain';
import { formatCount } from '../../../../src-shared/format';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-errors';
import { ErrorBanner } from '../../components/error-banner';
import { ModalDialog } from '../../components/modal-dialog';
import { routeHref } from '../../lib/hash-router';
import { useRemotesStore } from '../../stores/remotes-store';
import { useSyncJobsStore } from '../../stores/sync-jobs-store';
import { experimentChoices, initialPushChoices, pushable, pushInput, pushProblem, scopeRuns, type PushCandidates, type PushChoices, type PushScope } from './push-choices';
import { SyncProgressView } from './sync-progress';
import '../export/export-dialog.css';
import '../promotion/promotion.css';

const runs = (n: number) => `${formatCount(n)} ${n === 1 ? 'run' : 'runs'}`;

function ScopeOption({ scope, choices, onChange, label, hint, disabled }: { scope: PushScope; choices: PushChoices; onChange: (patch: Partial<PushChoices>) => void; label: string; hint: ReactNode; disabled?: boolean }) {
  return (
    <label className="export-format" data-testid={`push-scope-${scope}`}>
      <input type="radio" name="push-scope" value={scope} checked={choices.scope === scope} disabled={disabled} onChange={() => onChange({ scope })} />
      <span className="export-format__label">{label}</span>
      <span className="muted export-format__hint">{hint}</span>
    </label>
  );
}

interface PushDialogProps extends PushCandidates {
  onClose: () => void;
}

export function PushDialog({ selected, shown, onClose }: PushDialogProps) {
  const { remotes, remotesStatus } = useRemotesStore(useShallow((s) => ({ remotes: s.remotes, remotesStatus: s.status })));
  const candidates = useMemo(() => ({ selected, shown }), [selected, shown]);
  const [choices, setChoices] = useState<PushChoices>(() => initialPushChoices(remotes, candidates));
  const [jobId, setJobId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [requestError, setRequestError] = useState<string | null>(null);
  const job = useSyncJobsStore((s) => (jobId ? s.byId[jobId] : undefined));
  const experiments = useMemo(() => experimentChoices(shown), [shown]);

  useEffect(() => {
    void useRemotesStore.getState().load();
  }, []);
  // Remotes load after the dialog opens the first time: take the first (or the runs' own) then.
  useEffect(() => {
    if (!choices.remote && remotes.length > 0) setChoices((c) => ({ ...c, remote: initialPushChoices(remotes, candidates).remote }));
  }, [remotes, candidates, choices.remote]);

  const onChange = (patch: Partial<PushChoices>) => setChoices((c) => ({ ...c, ...patch }));
  const problem = pushProblem(choices, candidates);
  const covered = scopeRuns(choices, candidates);
  const offered = choices.scope === 'selected' ? selected : shown;
  const copies = offered.length - pushable(offered).length;
  const running = covered.some((run) => run.status === 'RUNNING');
  const done = job?.done ?? null;
  const step = !jobId ? 'choose' : !done ? 'running' : done.outcome;
  const names = useMemo(() => new Map<string, RunSummary>(shown.map((run) => [run.id, run])), [shown]);

  const start = async () => {
    setBusy(true);
    setRequestError(null);
    try {
      const { jobId: id } = await api.pushRuns(pushInput(choices, candidates));
      useSyncJobsStore.getState().started(id);
      setJobId(id);
    } catch (error) {
      setRequestError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!jobId) return;
    try {
      await api.cancelSync({ id: jobId });
    } catch (error) {
      setRequestError(errorMessage(error));
    }
  };

  const target = choices.scope === 'experiment' ? `experiment ${choices.experiment}` : runs(covered.length);
  return (
    <ModalDialog
      name="push"
      title="Push to a remote"
      subtitle={step === 'choose' ? 'Copies runs to the team’s MLflow server: params, tags, every metric point, inputs and artifacts.' : `${target} → ${choices.remote}`}
      step={step}
      width={540}
      onDismiss={onClose}
      onClose={onClose}
    >
      {requestError && <ErrorBanner message={requestError} onDismiss={() => setRequestError(null)} />}

      {step === 'choose' && remotesStatus === 'ready' && remotes.length === 0 && (
        <div className="export-body" data-testid="push-no-remotes">
          <p className="push-dialog__empty">No remote is set up yet. Add the team’s MLflow tracking server once, then push to it from here.</p>
          <div className="export-buttons">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <a className="button-link button-link--primary" href={routeHref({ page: 'team', remote: null, experiment: null })} onClick={onClose} data-testid="push-add-remote">
              Add a remote
            </a>
          </div>
        </div>
      )}

      {step === 'choose' && remotes.length > 0 && (
        <form
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!problem && !busy) void start();
          }}
          onKeyDown={(event) => {
            // Enter pushes from any field: a select or a tick box does not submit a form by itself.
            const target = event.target as HTMLElement;
            if (event.key === 'Enter' && (target.tagName === 'SELECT' || (target instanceof HTMLInputElement && target.type !== 'text'))) {
              event.preventDefault();
              event.currentTarget.requestSubmit();
            }
          }}
        >
          <label className="promote-field">
            <span>Remote</span>
            <select value={choices.remote} onChange={(e) => onChange({ remote: e.target.value })} data-testid="push-remote" autoFocus>
              {remotes.map((r) => (
                <option key={r.name} value={r.name}>
                  {r.name} — {r.url}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="export-field">
            <legend>What to push</legend>
            <div className="export-formats" role="radiogroup">
              <ScopeOption
                scope="selected"
                choices={choices}
                onChange={onChange}
                label="Selected"
                hint={selected.length > 0 ? `the ${runs(pushable(selected).length)} ticked` : 'tick runs in the table first'}
                disabled={pushable(selected).length === 0}
              />
              <ScopeOption scope="shown" choices={choices} onChange={onChange} label="Shown" hint={`all ${runs(pushable(shown).length)} the query and filter show`} />
              <ScopeOption
                scope="experiment"
                choices={choices}
                onChange={onChange}
                label="Experiment"
                disabled={experiments.length === 0}
                hint={
                  <select
                    className="push-dialog__experiment"
                    value={choices.experiment}
                    onChange={(e) => onChange({ experiment: e.target.value, scope: 'experiment' })}
                    onClick={() => onChange({ scope: 'experiment' })}
                    aria-label="Experiment to push"
                    data-testid="push-experiment"
                  >
                    {experiments.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                }
              />
            </div>
          </fieldset>
          <label className="export-check push-dialog__live" data-testid="push-live">
            <input type="checkbox" checked={choices.live} onChange={(e) => onChange({ live: e.target.checked })} />
            <span>
              Keep pushing while running
              <span className="muted"> — new points of a running run follow within seconds{running ? '' : ' (none is running now)'}</span>
            </span>
          </label>
          <div className="export-buttons">
            <span className={`export-buttons__note${problem ? ' export-buttons__note--problem' : ''}`} data-testid="push-note">
              {problem ?? (copies > 0 ? `${runs(copies)} pulled from a remote left out: copies are read-only` : `Re-pushing sends only what ${choices.remote} lacks.`)}
            </span>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={!!problem || busy} data-testid="push-submit" title="Push (Enter)">
              Push {choices.scope === 'experiment' ? 'experiment' : runs(covered.length)}
            </button>
          </div>
        </form>
      )}

      {step !== 'choose' && (
        <div className="export-body">
          <SyncProgressView progress={job?.progress ?? null} done={done} runName={(id) => names.get(id)?.name || id} />
          <div className="export-buttons">
            {step === 'running' ? (
              <>
                <span className="export-buttons__note">Closing this does not stop the push.</span>
                <button type="button" className="danger" onClick={() => void cancel()} data-testid="push-cancel">
                  Cancel push
                </button>
                <button type="button" onClick={onClose} data-testid="push-hide">
                  Close
                </button>
              </>
            ) : (
              <>
                <button type="button" className="quiet export-buttons__left" onClick={() => setJobId(null)} data-testid="push-again">
                  Push again…
                </button>
                <button type="button" className="primary" onClick={onClose} autoFocus data-testid="push-done-close">
                  Close
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
