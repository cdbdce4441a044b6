import type { RunSummary } from '../../../../src-shared/domain';

const KIND_LABELS: Record<RunSummary['sourceKind'], string> = {
  api: 'API',
  mlflow: 'MLflow API',
  'mlflow-file-store': 'MLflow file store',
  'mlflow-db': 'MLflow database',
  tensorboard: 'TensorBoard',
  wandb: 'W&B offline run',
  dvclive: 'DVCLive',
  'lightning-csv': 'Lightning CSV log',
  'keras-csv': 'Keras CSV log',
  'hf-trainer': 'Hugging Face Trainer state',
  'runlens-folder': 'Run folder',
  dvc: 'DVC pipeline stage',
  'mlflow-remote': 'Team remote (MLflow)',
};

/** Where a run came from, for the header: the kind, and the file or folder when there is one. */
export function sourceLabel(run: Pick<RunSummary, 'sourceKind' | 'sourcePath'>): { kind: string; path: string | null } {
  const path = run.sourceKind === 'api' || run.sourceKind === 'mlflow' ? null : run.sourcePath;
  return { kind: KIND_LABELS[run.sourceKind] ?? run.sourceKind, path: path || null };
}
