import { useState } from 'react';
import type { RunModelOutput } from '../../../../../src-shared/domain';
import { CopyButton } from '../../../components/copy-button';
import { NewerDataBadge } from '../../../components/newer-data-badge';
import { formatCount } from '../../../../../src-shared/format';
import { ArtifactBrowser } from '../artifacts/artifact-browser';
import { ModelPromotions } from '../../promotion/model-promotions';
import { promoteModel } from '../../promotion/promote-model-button';
import '../artifacts/artifacts.css';
import '../../../components/status-badge.css';
import '../io-cards.css';
import './models-panel.css';

/** MLflow's LoggedModelStatus names, shortened, with the run-status colour that reads the same. */
function modelStatus(status: string): { label: string; tone: 'finished' | 'running' | 'failed' | 'killed' } {
  const label = status.replace(/^LOGGED_MODEL_/, '');
  if (label === 'READY') return { label, tone: 'finished' };
  if (label === 'PENDING') return { label, tone: 'running' };
  if (label.includes('FAILED')) return { label: 'FAILED', tone: 'failed' };
  return { label: label || 'UNKNOWN', tone: 'killed' };
}

interface Staleness {
  /** The run that made the model read data that has a newer version since. */
  newerData: boolean;
  newerDetail: string | undefined;
}

function ModelCard({ runId, model, initiallyOpen, newerData, newerDetail }: { runId: string; model: RunModelOutput; initiallyOpen: boolean } & Staleness) {
  const [open, setOpen] = useState(initiallyOpen);
  const status = modelStatus(model.status);
  return (
    <li className="model-card" data-testid="model-output" data-model-id={model.id}>
      <div className="model-card__head">
        <span className="model-card__name" title={model.name}>
          {model.name}
        </span>
        <span className={`status-badge status-badge--${status.tone}`} data-testid="model-status">
          {status.label}
        </span>
        {model.step > 0 && <span className="tag-badge num">step {formatCount(model.step)}</span>}
        {newerData && <NewerDataBadge detail={newerDetail} testId="model-newer-data" />}
        <button type="button" className="model-card__promote" onClick={() => promoteModel(runId, model)} data-testid="model-promote" title={`Check the gate and push ${model.name} to a registry`}>
          Promote…
        </button>
        <button type="button" className="quiet model-card__toggle" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="model-files-toggle">
          {open ? 'Hide files' : 'Files'}
        </button>
      </div>
      <dl className="model-card__fields">
        <dt>Model id</dt>
        <dd>
          <span className="mono model-card__id" title={model.id}>
            {model.id}
          </span>
          <CopyButton text={model.id} />
        </dd>
      </dl>
      <ModelPromotions runId={runId} modelId={model.id} />
      {open && (
        <div className="model-card__files">
          <ArtifactBrowser
            runId={runId}
            modelId={model.id}
            label={`Files of model ${model.name}`}
            empty="No files logged for this model yet."
            noRoot="This model's files are stored outside Runlens; they cannot be listed here."
          />
        </div>
      )}
    </li>
  );
}

export function ModelsPanel({ runId, models, newerData, newerDetail }: { runId: string; models: RunModelOutput[] } & Staleness) {
  return (
    <section className="run-section panel" data-testid="models-panel">
      <header className="run-section__head">
        <h2 className="section-title">
          Models <span className="run-section__count">{models.length}</span>
        </h2>
      </header>
      <ul className="model-list">
        {models.map((model) => (
          <ModelCard key={model.id} runId={runId} model={model} initiallyOpen={models.length === 1} newerData={newerData} newerDetail={newerDetail} />
        ))}
      </ul>
    </section>
  );
}
