// MLflow's file store (`mlruns/`), read as mlflow/store/tracking/file_store.py writes it
// (FORMATS.md "MLflow file store"). Bytes and text in, records out: no file access here.
import type { NewPoint } from '../../store/metric-point';
import type { DatasetRecord } from '../../store/dataset-repo';
import { intField, readMetaYaml, stringMapField, textField } from './meta-yaml';
import { lifecycleStage, runStatus } from './mlflow-values';

export const META_FILE = 'meta.yaml';
export const TRASH_DIR = '.trash';
/** The model registry's folder at the store root: not an experiment. */
export const REGISTRY_DIR = 'models';
/** Experiment subfolders that are not runs (FileStore.RESERVED_EXPERIMENT_FOLDERS). */
export const RESERVED_EXPERIMENT_DIRS = new Set(['tags', 'datasets', 'traces', 'models']);
/** Run subfolders Runlens reads; `artifacts/` and `outputs/` are not. */
export const RUN_DATA_DIRS = new Set(['params', 'tags', 'metrics', 'inputs']);

export interface ExperimentMeta {
  experimentId: string;
  name: string;
  artifactLocation: string | null;
  lifecycleStage: 'active' | 'deleted';
  creationTime: number | null;
}

export function parseExperimentMeta(text: string): ExperimentMeta {
  const m = readMetaYaml(text);
  const experimentId = textField(m, 'experiment_id');
  const name = textField(m, 'name');
  if (experimentId === null) throw new Error("meta.yaml has no 'experiment_id'");
  if (name === null || name.trim() === '') throw new Error("meta.yaml has no 'name'");
  return {
    experimentId,
    name,
    artifactLocation: textField(m, 'artifact_location'),
    lifecycleStage: lifecycleStage(textField(m, 'lifecycle_stage')),
    creationTime: intField(m, 'creation_time'),
  };
}

export interface RunMeta {
  runId: string;
  experimentId: string;
  /** Null for runs whose name lives only in the `mlflow.runName` tag (MLflow < 1.29). */
  name: string | null;
  userId: string;
  status: ReturnType<typeof runStatus>;
  startTime: number | null;
  endTime: number | null;
  artifactUri: string | null;
  lifecycleStage: 'active' | 'deleted';
  deletedTime: number | null;
}

export function parseRunMeta(text: string): RunMeta {
  const m = readMetaYaml(text);
  // `run_uuid` is the pre-1.0 name of `run_id`; both are written today.
  const runId = textField(m, 'run_id') ?? textField(m, 'run_uuid');
  const experimentId = textField(m, 'experiment_id');
  if (runId === null) throw new Error("meta.yaml has no 'run_id'");
  if (experimentId === null) throw new Error("meta.yaml has no 'experiment_id'");
  return {
    runId,
    experimentId,
    name: textField(m, 'run_name') ?? textField(m, 'name'),
    userId: textField(m, 'user_id') ?? '',
    status: runStatus(intField(m, 'status')),
    startTime: intField(m, 'start_time'),
    endTime: intField(m, 'end_time'),
    artifactUri: textField(m, 'artifact_uri'),
    lifecycleStage: lifecycleStage(textField(m, 'lifecycle_stage')),
    deletedTime: intField(m, 'deleted_time'),
  };
}

/** `<experiment>/datasets/<id>/meta.yaml`: a dataset version, as `dict(Dataset)`. */
export function parseDatasetMeta(text: string): DatasetRecord {
  const m = readMetaYaml(text);
  const name = textField(m, 'name');
  const digest = textField(m, 'digest');
  if (name === null || digest === null) throw new Error("dataset meta.yaml needs 'name' and 'digest'");
  return {
    name,
    digest,
    sourceType: textField(m, 'source_type') ?? '',
    source: textField(m, 'source') ?? '',
    schema: textField(m, 'schema'),
    profile: textField(m, 'profile'),
  };
}

export interface InputMeta {
  /** DATASET or MODEL. */
  sourceType: string;
  /** The dataset's folder name under `<experiment>/datasets/`. */
  sourceId: string;
  tags: Record<string, string>;
}

/**
 * `<run>/inputs/<input_id>/meta.yaml`. Its `destination_id` is not read: writers put the
 * dataset id there (FileStore._FileStoreInput.write_yaml), so the run is the enclosing folder.
 */
export function parseInputMeta(text: string): InputMeta {
  const m = readMetaYaml(text);
  const sourceType = textField(m, 'source_type');
  const sourceId = textField(m, 'source_id');
  if (sourceType === null || sourceId === null) throw new Error("input meta.yaml needs 'source_type' and 'source_id'");
  return { sourceType, sourceId, tags: stringMapField(m, 'tags') };
}

const FLOAT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Python's float() spellings that str(float) produces or accepts: nan, inf, infinity. */
function parsePythonFloat(s: string): number {
  const lower = s.toLowerCase();
  if (lower === 'nan' || lower === '+nan' || lower === '-nan') return NaN;
  if (lower === 'inf' || lower === '+inf' || lower === 'infinity' || lower === '+infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  if (!FLOAT.test(s)) throw new Error(`value '${s}' is not a number`);
  return Number(s);
}

function parseInteger(s: string, what: string): number {
  const n = /^[-+]?\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`${what} '${s}' is not an integer`);
  return n;
}

/**
 * One line of `metrics/<key>`: `<timestamp_ms> <value> <step>`; lines from before steps have 2
 * fields (step 0), lines logged with a dataset have 5 (`… <dataset_name> <dataset_digest>`).
 * The key is the file's path under `metrics/`. Throws with a reason for junk.
 */
export function parseMetricFileLine(line: string, key: string): NewPoint {
  const parts = line.trim().split(' ');
  if (parts.length !== 2 && parts.length !== 3 && parts.length !== 5) {
    throw new Error(`expected 2, 3 or 5 space-separated fields, found ${parts.length}`);
  }
  return {
    key,
    timestamp: parseInteger(parts[0]!, 'timestamp'),
    value: parsePythonFloat(parts[1]!),
    step: parts.length === 2 ? 0 : parseInteger(parts[2]!, 'step'),
  };
}

