import type { RunSummary } from '../../../../src-shared/domain';
import type { RunIo } from '../../stores/run-io-store';
import { ArtifactsPanel } from './artifacts/artifacts-panel';
import { InputsPanel } from './inputs/inputs-panel';
import { ModelsPanel } from './models/models-panel';

/**
 * Below the charts: the run's artifacts, and beside them the datasets it read and the models it
 * produced. Inputs and models appear only when there are some; most runs have neither.
 */
export function RunFiles({ run, io }: { run: RunSummary; io: RunIo | undefined }) {
  const inputs = io?.inputs ?? [];
  const models = io?.models ?? [];
  const side = inputs.length > 0 || models.length > 0;
  return (
    <div className={`run-page__files${side ? ' run-page__files--with-side' : ''}`}>
      <ArtifactsPanel run={run} />
      {side && (
        <div className="run-page__side">
          {inputs.length > 0 && <InputsPanel inputs={inputs} />}
          {models.length > 0 && <ModelsPanel runId={run.id} models={models} />}
        </div>
      )}
      {io?.status === 'error' && <p className="run-page__io-error">Inputs and models could not be loaded: {io.error}</p>}
    </div>
  );
}
