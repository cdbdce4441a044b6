// "Promote model…": a modal <dialog> (the browser traps focus and turns Esc into `cancel`).
// Each step is a form, so Enter submits it. The push itself runs in the core: closing the
// dialog while it runs does not stop it, and the dialog says so before it closes.
import { useEffect, useReducer, useState } from 'react';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-errors';
import { ErrorBanner } from '../../components/error-banner';
import { ModalDialog } from '../../components/modal-dialog';
import { routeHref } from '../../lib/hash-router';
import { usePromoteDialogStore } from '../../stores/promote-dialog-store';
import { usePromotionsStore } from '../../stores/promotions-store';
import { useRegistriesStore } from '../../stores/registries-store';
import { textToRules } from './gate-format';
import { GateRules } from './gate-rules';
import {
  canPromote,
  chooseProblem,
  hasOverride,
  initialPromoteState,
  MIN_OVERRIDE_REASON,
  promoteInput,
  promoteReducer,
  type PromoteTarget,
} from './promote-dialog-state';
import { OutcomeSummary, PushProgress } from './promotion-outcome';
import '../../components/status-badge.css';
import './promotion.css';

/** Mounted once by the app; shows the dialog for whichever model asked for it. */
export function PromoteDialogHost() {
  const target = usePromoteDialogStore((s) => s.target);
  const close = usePromoteDialogStore((s) => s.close);
  if (!target) return null;
  return <PromoteDialog key={`${target.runId}\n${target.model ?? ''}`} target={target} onClose={close} />;
}

function PromoteDialog({ target, onClose }: { target: PromoteTarget; onClose: () => void }) {
  const registries = useRegistriesStore((s) => s.registries);
  const registriesStatus = useRegistriesStore((s) => s.status);
  const registriesError = useRegistriesStore((s) => s.error);
  const [state, dispatch] = useReducer(promoteReducer, undefined, () => initialPromoteState(target, useRegistriesStore.getState().registries));
  const record = usePromotionsStore((s) => (state.promotionId ? s.byId[state.promotionId] : undefined));
  const [confirmingClose, setConfirmingClose] = useState(false);
  useEffect(() => {
    void useRegistriesStore.getState().load();
  }, []);

  // Registries may arrive after the dialog opened: the first one is the default.
  useEffect(() => {
    if (!state.registry && registries[0]) dispatch({ type: 'field', field: 'registry', value: registries[0].name });
  }, [registries, state.registry]);

  useEffect(() => {
    if (state.step === 'pushing' && record && record.outcome !== 'running') dispatch({ type: 'finished' });
  }, [state.step, record]);

  const running = state.step === 'pushing';
  const requestClose = () => (running ? setConfirmingClose(true) : onClose());

  const checkGate = async () => {
    dispatch({ type: 'requestStarted' });
    try {
      const input = promoteInput(target, { ...state, gate: null });
      const [gate, { rules }] = await Promise.all([api.checkGate(input), api.getGate({ registry: input.registry, model: input.remoteName })]);
      dispatch({ type: 'gateChecked', gate, rules });
    } catch (error) {
      dispatch({ type: 'requestFailed', error: errorMessage(error) });
    }
  };

  const saveRules = async () => {
    dispatch({ type: 'requestStarted' });
    try {
      const input = promoteInput(target, { ...state, gate: null });
      const { rules } = await api.setGate({ registry: input.registry, model: input.remoteName, rules: textToRules(state.rulesDraft) });
      const gate = await api.checkGate(input);
      dispatch({ type: 'gateChecked', gate, rules });
    } catch (error) {
      dispatch({ type: 'requestFailed', error: errorMessage(error) });
    }
  };

  const promote = async () => {
    dispatch({ type: 'requestStarted' });
    try {
      const { record: accepted } = await api.promoteModel(promoteInput(target, state));
      usePromotionsStore.getState().recordUpdated(accepted);
      dispatch({ type: 'promoted', record: accepted });
    } catch (error) {
      dispatch({ type: 'requestFailed', error: errorMessage(error) });
    }
  };

  const cancelPush = async () => {
    if (!state.promotionId) return;
    try {
      await api.cancelPromotion({ id: state.promotionId });
    } catch (error) {
      dispatch({ type: 'requestFailed', error: errorMessage(error) });
    }
  };

  const problem = chooseProblem(state);
  const registry = registries.find((r) => r.name === state.registry);

  return (
    <ModalDialog
      name="promote"
      title="Promote model"
      subtitle={
        <>
          <span className="promote-dialog__model" title={target.modelName}>
            {target.modelName}
          </span>{' '}
          from run <span className="mono">{target.runId.slice(0, 8)}</span>
        </>
      }
      step={state.step}
      width={600}
      onDismiss={() => {
        if (confirmingClose) setConfirmingClose(false);
        else requestClose();
      }}
      // Chromium closes a dialog on a second Esc without a click in between, cancel or not: the
      // app's state follows, and the promotion, if any, goes on in the core.
      onClose={onClose}
    >

      {confirmingClose && (
        <div className="promote-dialog__confirm" role="alertdialog" aria-label="Close while promoting" data-testid="promote-confirm-close">
          <p>The promotion keeps running in Runlens after this closes; its outcome will be on the Models page.</p>
          <div className="promote-dialog__buttons">
            <button type="button" onClick={() => setConfirmingClose(false)} autoFocus>
              Keep open
            </button>
            <button type="button" className="primary" onClick={onClose} data-testid="promote-confirm-close-yes">
              Close, keep running
            </button>
          </div>
        </div>
      )}

      {state.step === 'choose' && registriesError && <ErrorBanner message={`Registries could not be read: ${registriesError}`} onRetry={() => void useRegistriesStore.getState().load()} />}
      {state.error && <ErrorBanner message={state.error} />}

      {state.step === 'choose' &&
        (registriesStatus === 'ready' && registries.length === 0 ? (
          <div className="promote-dialog__empty" data-testid="promote-no-registries">
            <p>No registry is set up yet. Add your MLflow server or OCI registry once, then promote to it from here.</p>
            <div className="promote-dialog__buttons">
              <a className="button-link button-link--primary" href={routeHref({ page: 'registries' })} onClick={onClose} data-testid="promote-add-registry">
                Add a registry
              </a>
            </div>
          </div>
        ) : (
          <form
            className="promote-dialog__form"
            onSubmit={(event) => {
              event.preventDefault();
              if (!problem && !state.busy) void checkGate();
            }}
          >
            <div className="promote-field">
              <label htmlFor="promote-registry">Registry</label>
              <span className="promote-field__row">
                <select id="promote-registry" value={state.registry} onChange={(e) => dispatch({ type: 'field', field: 'registry', value: e.target.value })} data-testid="promote-registry">
                  {registries.map((r) => (
                    <option key={r.name} value={r.name}>
                      {r.name} ({r.kind === 'mlflow' ? 'MLflow' : 'OCI'})
                    </option>
                  ))}
                </select>
                <a href={routeHref({ page: 'registries' })} onClick={onClose} className="promote-field__aside">
                  Manage registries
                </a>
              </span>
              {registry && <span className="muted mono promote-field__hint">{registry.url}</span>}
            </div>
            <label className="promote-field">
              <span>{registry?.kind === 'oci' ? 'Repository' : 'Registered model name'}</span>
              <input type="text" value={state.remoteName} onChange={(e) => dispatch({ type: 'field', field: 'remoteName', value: e.target.value })} data-testid="promote-remote-name" autoFocus />
            </label>
            <label className="promote-field">
              <span>{registry?.kind === 'oci' ? 'Tag' : 'Alias'}</span>
              <input type="text" value={state.alias} onChange={(e) => dispatch({ type: 'field', field: 'alias', value: e.target.value })} data-testid="promote-alias" />
              <span className="muted promote-field__hint">Rules comparing with <code>baseline.</code> are judged against the run that holds it now.</span>
            </label>
            <div className="promote-dialog__buttons">
              {problem && registries.length > 0 && <span className="muted promote-dialog__problem">{problem}</span>}
              <button type="button" onClick={requestClose}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={!!problem || state.busy} data-testid="promote-check">
                {state.busy ? 'Checking…' : 'Check the gate'}
              </button>
            </div>
          </form>
        ))}

      {state.step === 'gate' && state.gate && (
        <form
          className="promote-dialog__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (state.editingRules) void saveRules();
            else if (canPromote(state)) void promote();
          }}
        >
          <p className="promote-dialog__where">
            To <strong>{state.registry}</strong> as <span className="mono">{state.remoteName}</span>
            {state.alias && (
              <>
                {' '}
                <span className="muted">@</span>
                <span className="mono">{state.alias}</span>
              </>
            )}
          </p>
          <GateRules gate={state.gate} alias={state.alias} registry={state.registry} />
          {state.editingRules ? (
            <div className="promote-rules-editor">
              <label className="promote-field">
                <span>Rules for {state.remoteName}, one a line</span>
                <textarea
                  rows={Math.max(3, state.rulesDraft.split('\n').length + 1)}
                  value={state.rulesDraft}
                  onChange={(e) => dispatch({ type: 'field', field: 'rulesDraft', value: e.target.value })}
                  onKeyDown={(e) => {
                    // Enter is a new line here; Ctrl/⌘+Enter saves.
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                      e.preventDefault();
                      e.currentTarget.form?.requestSubmit();
                    }
                  }}
                  spellCheck={false}
                  placeholder={'metrics.val_accuracy >= 0.9\nmetrics.val_loss < baseline.metrics.val_loss\ninputs.have_digest'}
                  data-testid="promote-rules-editor"
                  autoFocus
                />
                <span className="muted promote-field__hint">
                  The runs table’s filter syntax; <code>baseline.</code> reads the alias holder, <code>inputs.have_digest</code> asks for dataset digests. Text after <code>#</code> is a description. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves.
                </span>
              </label>
              <div className="promote-dialog__buttons">
                <button type="button" onClick={() => dispatch({ type: 'cancelEditRules' })}>
                  Cancel
                </button>
                <button type="submit" className="primary" disabled={state.busy} data-testid="promote-rules-save">
                  Save rules and check again
                </button>
              </div>
            </div>
          ) : (
            <>
              {!state.gate.passed && (
                <label className="promote-field promote-override">
                  <span>Override reason</span>
                  <input
                    type="text"
                    value={state.overrideReason}
                    onChange={(e) => dispatch({ type: 'field', field: 'overrideReason', value: e.target.value })}
                    placeholder="Why promote despite the failed gate? Recorded with the promotion."
                    data-testid="promote-override-reason"
                    autoFocus
                  />
                  <span className="muted promote-field__hint">
                    {hasOverride(state) ? 'Promote is enabled; the reason goes into the audit record.' : `The gate failed: type a reason (at least ${MIN_OVERRIDE_REASON} characters) to promote anyway.`}
                  </span>
                </label>
              )}
              <div className="promote-dialog__buttons">
                <button type="button" className="quiet promote-dialog__left" onClick={() => dispatch({ type: 'editRules' })} data-testid="promote-edit-rules">
                  Edit rules
                </button>
                <button type="button" onClick={() => dispatch({ type: 'back' })} data-testid="promote-back">
                  Back
                </button>
                <button type="submit" className="primary" disabled={!canPromote(state)} data-testid="promote-submit">
                  {state.busy ? 'Starting…' : state.gate.passed ? 'Promote' : 'Promote anyway'}
                </button>
              </div>
            </>
          )}
        </form>
      )}

      {state.step === 'pushing' && state.promotionId && (
        <div className="promote-dialog__form">
          <PushProgress promotionId={state.promotionId} />
          <div className="promote-dialog__buttons">
            <span className="muted promote-dialog__problem">Closing this does not stop the promotion.</span>
            <button type="button" onClick={() => void cancelPush()} data-testid="promote-cancel">
              Cancel promotion
            </button>
          </div>
        </div>
      )}

      {state.step === 'done' && record && (
        <div className="promote-dialog__form">
          <OutcomeSummary record={record} />
          <div className="promote-dialog__buttons">
            <a className="button-link" href={routeHref({ page: 'models', outcome: null })} onClick={onClose} data-testid="promote-open-models">
              Models page
            </a>
            <button type="button" className="primary" onClick={onClose} autoFocus data-testid="promote-done">
              Close
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
