import type { LifecycleStage, RunStatus } from '../../../../src-shared/domain';
import type { RunInput } from '../../store/dataset-repo';

/** An MLflow experiment as both local stores describe it. */
export interface MlflowExperiment {
  name: string;
  artifactLocation: string | null;
  lifecycleStage: LifecycleStage;
  creationTime: number | null;
  tags: Record<string, string>;
}

/** An MLflow run as both local stores describe it, metrics aside (those are tailed). */
export interface MlflowRun {
  id: string;
  experiment: string;
  name: string;
  userId: string;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  lifecycleStage: LifecycleStage;
  deletedTime: number | null;
  /** A local path when the artifacts are on this machine, else the URI as MLflow wrote it. */
  artifactUri: string | null;
  params: Record<string, string>;
  tags: Record<string, string>;
  inputs: RunInput[];
}

export const RUN_NAME_TAG = 'mlflow.runName';
