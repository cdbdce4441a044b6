// "Promote model…" wherever a run is shown: one model opens the dialog at once; several (or not
// yet known, as on the compare page) open a small list to choose from, fetched when opened.
import { useEffect, useState } from 'react';
import type { RunModelOutput } from '../../../../src-shared/domain';
import { api } from '../../api/client';
import { errorMessage } from '../../api/api-errors';
import { Popover } from '../../components/popover';
import { usePromoteDialogStore } from '../../stores/promote-dialog-store';
import './promotion.css';

export function promoteModel(runId: string, model: Pick<RunModelOutput, 'id' | 'name'>): void {
  usePromoteDialogStore.getState().open({ runId, model: model.id, modelName: model.name || model.id });
}

function ModelChoices({ runId, models, close }: { runId: string; models: RunModelOutput[] | undefined; close: () => void }) {
  const [fetched, setFetched] = useState<RunModelOutput[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (models) return;
    let current = true;
    api.getRunIO({ id: runId }).then(
      (io) => current && setFetched(io.models),
      (e) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [runId, models]);

  const list = models ?? fetched;
  if (error) return <p className="muted promote-choices__note">{error}</p>;
  if (!list) return <p className="muted promote-choices__note">Looking for models…</p>;
  if (list.length === 0) return <p className="muted promote-choices__note" data-testid="promote-no-model">This run logged no model to promote.</p>;
  return (
    <ul className="promote-choices">
      {list.map((m) => (
        <li key={m.id}>
          <button
            type="button"
            className="quiet"
            onClick={() => {
              close();
              promoteModel(runId, m);
            }}
            data-testid="promote-choice"
          >
            {m.name || m.id}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function PromoteModelButton({ runId, models, compact }: { runId: string; models?: RunModelOutput[]; compact?: boolean }) {
  const label = compact ? 'Promote…' : 'Promote model…';
  const only = models?.length === 1 ? models[0] : undefined;
  if (only) {
    return (
      <button type="button" onClick={() => promoteModel(runId, only)} data-testid="promote-model-button" title={`Check the gate and push ${only.name} to a registry`}>
        {label}
      </button>
    );
  }
  const menu = (
    <Popover trigger={label} triggerTitle="Choose one of the run's models to push to a registry" label="Models to promote" testId="promote-model-menu" align="end">
      {(close) => (
        <>
          <span className="section-title">Promote which model?</span>
          <ModelChoices runId={runId} models={models} close={close} />
        </>
      )}
    </Popover>
  );
  // Beside each run of a comparison: quiet and small, so the run names stay what catches the eye.
  return compact ? <span className="promote-compact">{menu}</span> : menu;
}
