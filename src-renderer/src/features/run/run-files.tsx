import type { RunSummary } from '../../../../src-shared/domain';
import type { RunIo } from '../../stores/run-io-store';
import { ArtifactsPanel } from './artifacts/artifacts-panel';
import { DatasetsPanel } from './inputs/datasets-panel';
import { ModelsPanel } from './models/models-panel';
import { outdatedInputs } from './newer-data';

/**
 * Below the charts: the run's artifacts and the models it produced (both file browsers, so they
 * get the wide column), and beside them the datasets it read and wrote. Inputs, outputs and
 * models appear only when there are some; most runs have none.
 */
export function RunFiles({ run, io }: { run: RunSummary; io: RunIo | undefined }) {
  const inputs = io?.inputs ?? [];
  const outputs = io?.outputs ?? [];
  const models = io?.models ?? [];
  const versions = io?.versions ?? {};
  const side = inputs.length > 0 || outputs.length > 0;
  return (
    <div className={`run-page__files${side ? ' run-page__files--with-side' : ''}`}>
      <div className="run-page__column">
        <ArtifactsPanel run={run} />
        {models.length > 0 && <ModelsPanel runId={run.id} models={models} newerData={run.newerDataAvailable} newerDetail={outdatedInputs(inputs)} />}
      </div>
      {side && (
        <div className="run-page__column">
          {inputs.length > 0 && <DatasetsPanel title="Inputs" items={inputs} versions={versions} testId="inputs-panel" itemTestId="dataset-input" />}
          {outputs.length > 0 && <DatasetsPanel title="Outputs" items={outputs} versions={versions} testId="outputs-panel" itemTestId="dataset-output" />}
        </div>
      )}
      {io?.status === 'error' && <p className="run-page__io-error">Inputs, outputs and models could not be loaded: {io.error}</p>}
    </div>
  );
}
