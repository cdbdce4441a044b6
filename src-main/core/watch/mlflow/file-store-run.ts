import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import type { RunInput } from '../../store/dataset-repo';
import type { MlflowRun } from '../../ingest/mlflow/records';
import { RUN_NAME_TAG } from '../../ingest/mlflow/records';
import { META_FILE, parseDatasetMeta, parseExperimentMeta, parseInputMeta, parseRunMeta, type ExperimentMeta } from '../../ingest/mlflow/file-store-format';
import { isLocalPath, localArtifactPath } from '../../ingest/mlflow/mlflow-values';
import { errorText } from '../source';
import { listKeys, readIfExists, readKeyValues } from './read-tree';

export interface FileStoreRun {
  run: MlflowRun;
  experiment: ExperimentMeta;
  metricFiles: { key: string; file: string }[];
}

/** Reads and parses a yaml file; null when absent, a reported problem when malformed. */
async function readMeta<T>(file: string, parse: (text: string) => T, problems: string[]): Promise<T | null> {
  let text;
  try {
    text = await readIfExists(file);
  } catch (e) {
    problems.push(`${file}: ${errorText(e)}`);
    return null;
  }
  if (text === null) return null;
  try {
    return parse(text);
  } catch (e) {
    problems.push(`${file}: ${errorText(e)}`);
    return null;
  }
}

export function readExperimentMeta(expDir: string, problems: string[]): Promise<ExperimentMeta | null> {
  return readMeta(join(expDir, META_FILE), parseExperimentMeta, problems);
}

/**
 * Reads one run folder of a file store. Null when it is not (yet) a run: no meta.yaml (MLflow
 * writes it right after creating the folder; SQLite-backed projects also keep artifact-only
 * run folders under `mlruns/`), or a meta.yaml that fails to parse (reported).
 */
export async function readFileStoreRun(expDir: string, runDir: string, problems: string[]): Promise<FileStoreRun | null> {
  const experiment = await readExperimentMeta(expDir, problems);
  if (!experiment) return null;
  const metaFile = join(runDir, META_FILE);
  const meta = await readMeta(metaFile, parseRunMeta, problems);
  if (!meta) return null;
  // As MLflow does (FileStore._get_run_info): a meta.yaml naming another run or experiment is
  // not trusted, so a copied or tampered folder cannot overwrite a different run.
  if (meta.runId !== basename(runDir) || meta.experimentId !== experiment.experimentId) {
    problems.push(`${metaFile}: run_id/experiment_id do not match the folder; run skipped`);
    return null;
  }
  const [params, tags, inputs, metricFiles, startTime] = await Promise.all([
    readKeyValues(join(runDir, 'params'), problems),
    readKeyValues(join(runDir, 'tags'), problems),
    readInputs(expDir, runDir, problems),
    listKeys(join(runDir, 'metrics'), problems),
    meta.startTime ?? stat(metaFile).then((s) => Math.round(s.mtimeMs)),
  ]);
  return {
    experiment,
    metricFiles,
    run: {
      id: meta.runId,
      experiment: experiment.name,
      name: meta.name || tags[RUN_NAME_TAG] || meta.runId,
      userId: meta.userId,
      status: meta.status,
      startTime,
      endTime: meta.endTime,
      lifecycleStage: meta.lifecycleStage,
      deletedTime: meta.deletedTime,
      artifactUri: artifactFolder(meta.artifactUri, runDir),
      params,
      tags,
      inputs,
    },
  };
}

/**
 * The run's artifact folder as a local path. MLflow records an absolute `file:` URI when the run
 * is created; when that is the store's default layout (`…/<run>/artifacts`), the folder beside
 * meta.yaml is the real one — the recorded path goes stale, or points at the original, when
 * the store is copied elsewhere or the experiment is moved to `.trash`. A custom artifact
 * location (or a remote URI) is kept as recorded.
 */
function artifactFolder(uri: string | null, runDir: string): string | null {
  const path = localArtifactPath(uri);
  const beside = join(runDir, 'artifacts');
  const defaultLayout = path === null || (isLocalPath(path) && path.endsWith(sep + join(basename(runDir), 'artifacts')));
  return defaultLayout && existsSync(beside) ? beside : path;
}

/** Dataset inputs: `<run>/inputs/<id>/meta.yaml` pointing at `<experiment>/datasets/<id>/`. */
async function readInputs(expDir: string, runDir: string, problems: string[]): Promise<RunInput[]> {
  const files = (await listKeys(join(runDir, 'inputs'), problems)).filter((f) => f.key.endsWith(`/${META_FILE}`));
  const inputs: RunInput[] = [];
  for (const { file } of files) {
    const input = await readMeta(file, parseInputMeta, problems);
    // MODEL inputs (MLflow 3 logged models) are the registry work's, not a dataset.
    if (!input || input.sourceType !== 'DATASET') continue;
    const datasetFile = join(expDir, 'datasets', input.sourceId, META_FILE);
    const dataset = await readMeta(datasetFile, parseDatasetMeta, problems);
    if (!dataset) {
      problems.push(`${file}: dataset ${input.sourceId} not found in the experiment; input skipped`);
      continue;
    }
    inputs.push({ dataset, tags: input.tags });
  }
  return inputs;
}
