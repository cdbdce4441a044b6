import type { RunSummary } from '../../../../src-shared/domain';
import type { RunIo } from '../../stores/run-io-store';
import { ArtifactsPanel } from './artifacts/artifacts-panel';
import { InputsPanel } from './inputs/inputs-panel';
import { ModelsPanel } from './models/models-panel';

/**
 * Below the charts: the run's artifacts and the models it produced (both file browsers, so they
 * get the wide column), and beside them the datasets it read. Inputs and models appear only when
 * there are some; most runs have neither.
 */
export function RunFiles({ run, io }: { run: RunSummary; io: RunIo | undefined }) {
  const inputs = io?.inputs ?? [];
  const models = io?.models ?? [];
  return (
    <div className={`run-page__files${inputs.length > 0 ? ' run-page__files--with-side' : ''}`}>
      <div className="run-page__column">
        <ArtifactsPanel run={run} />
        {models.length > 0 && <ModelsPanel runId={run.id} models={models} />}
      </div>
      {inputs.length > 0 && (
        <div className="run-page__column">
          <InputsPanel inputs={inputs} />
        </div>
      )}
      {io?.status === 'error' && <p className="run-page__io-error">Inputs and models could not be loaded: {io.error}</p>}
    </div>
  );
}
