// Domain types shared by the core, both API transports and the renderer.
// Pure TypeScript: no node:, no electron, no DOM.
import type { RunSync } from './sync';

export const RUN_STATUSES = ['RUNNING', 'FINISHED', 'FAILED', 'KILLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * Where a run came from: the native API, a native run folder, MLflow's REST API, an MLflow
 * store on disk (an `mlruns/` folder or an `mlflow.db` file), or another logger's files.
 */
export type SourceKind =
  | 'api'
  | 'runlens-folder'
  | 'mlflow'
  | 'mlflow-file-store'
  | 'mlflow-db'
  | 'tensorboard'
  | 'wandb'
  | 'dvclive'
  | 'lightning-csv'
  | 'keras-csv'
  | 'hf-trainer'
  /** A stage of a DVC pipeline (`dvc.yaml` + `dvc.lock`), run or not by any tracker. */
  | 'dvc'
  /** A read-only copy of a run on a team's MLflow tracking server (sourcePath: the run's page there). */
  | 'mlflow-remote';

export type LifecycleStage = 'active' | 'deleted';

/**
 * JSON cannot carry NaN or ±Infinity, yet training losses diverge to exactly those.
 * On the wire a metric value is a finite number or one of these three strings.
 */
export type WireNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export interface MetricSummary {
  key: string;
  count: number;
  /** Value at the highest step (ties: latest timestamp). */
  last: WireNumber;
  lastStep: number;
  lastTimestamp: number;
  /** Smallest/largest finite value; null when the series holds no finite value. */
  min: number | null;
  max: number | null;
  /** Step where `min` / `max` was first reached (the "step of best"); null with them. */
  minStep: number | null;
  maxStep: number | null;
}

export interface RunSummary {
  id: string;
  experimentId: string;
  experiment: string;
  name: string;
  status: RunStatus;
  /** Epoch milliseconds. */
  startTime: number;
  endTime: number | null;
  lastHeartbeat: number;
  sourceKind: SourceKind;
  sourcePath: string | null;
  userId: string;
  /** Where the run's artifacts live (`mlflow-artifacts:/…` for runs logged through MLflow). */
  artifactUri: string | null;
  lifecycleStage: LifecycleStage;
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: MetricSummary[];
  /**
   * Some dataset upstream of the run (an input, or what an input was derived from) has a newer
   * version than the one the run used.
   */
  newerDataAvailable: boolean;
  /** Where the run stands with a team remote (pushed, behind, a pulled copy); null: local only. */
  sync: RunSync | null;
}

/**
 * A metric series as a chart needs it: columns, one entry per point. When downsampled, the
 * points are each bucket's first, lowest, highest and last (M4, so a spike stays on the line
 * where it was) and `min`/`max` are the extremes of the point's bucket, drawn as the envelope.
 */
export interface MetricSeries {
  runId: string;
  key: string;
  /** Points stored for the key (before downsampling). */
  total: number;
  downsampled: boolean;
  step: number[];
  timestamp: number[];
  value: WireNumber[];
  min: WireNumber[];
  max: WireNumber[];
}

/**
 * What a comparison plots along x: the step, wall-clock time (epoch ms), time since the run
 * started (ms), or the value another metric of the same run had at the same step.
 */
export type SeriesXAxis = 'step' | 'time' | 'relative' | `metric:${string}`;

/**
 * One run's metric over the queried x-range, reduced for a chart. Every series of one query
 * shares the bucket grid (`SeriesQueryResult.grid`), so series can be averaged bucket by bucket.
 */
export interface ReducedSeries {
  runId: string;
  key: string;
  /** Points of the series inside the range (before reduction). */
  total: number;
  /** x extent of the whole series, ignoring the range; null when it has no point. */
  extent: [number, number] | null;
  /** True when `x`/`y` hold every point in the range, unreduced. */
  exact: boolean;
  /**
   * The line, in x order. Exact: every point. Reduced: per bucket its first, lowest, highest
   * and last point (M4), so a line through them puts every spike where it was.
   */
  x: number[];
  y: WireNumber[];
  step: number[];
  /** Per non-empty bucket (finite values only): its grid index, mean, min and max. */
  bucket: number[];
  bucketMean: number[];
  bucketMin: number[];
  bucketMax: number[];
}

export interface SeriesQueryResult {
  /** Bucket i covers x in [lo + i·width, lo + (i+1)·width); null when no series has a point. */
  grid: { lo: number; width: number; count: number } | null;
  series: ReducedSeries[];
}

/** A named runs-table view: its query, sort and chosen columns. */
export interface SavedView {
  name: string;
  filter: string;
  /** A runs-table column id (`name`, `param:lr`, `metric:loss`, …) and direction. */
  sort: { column: string; descending: boolean } | null;
  /** Column ids shown, in order; empty means the default columns. */
  columns: string[];
  updatedAt: number;
}

/** A file under a watched folder that could not be read fully (junk lines, bad records, …). */
export interface SourceProblem {
  file: string;
  message: string;
  at: number;
}

export interface WatchRoot {
  path: string;
  addedAt: number;
  /**
   * The data folder's `spool/`, where the Python client writes runs while no server answers:
   * always watched, on every start, and never removed.
   */
  spool: boolean;
  /** Last problem seen under this root, if any (unreadable file, junk line, …). */
  lastError: string | null;
  /** The files under this root that currently have a problem, newest first, one each. */
  problems: SourceProblem[];
}

export interface IngestReport {
  runs: number;
  points: number;
  problems: string[];
}

/** A file or folder in a run's (or model's) artifacts. */
export interface ArtifactEntry {
  /** Path relative to the artifact root, `/`-separated. */
  path: string;
  isDir: boolean;
  size?: number;
}

/** The start of a text artifact, or an image as base64, for a preview. */
export interface ArtifactPreview {
  path: string;
  size: number;
  encoding: 'utf8' | 'base64';
  mediaType: string;
  content: string;
  /** True when only the first `PREVIEW_BYTES` are included. */
  truncated: boolean;
}

/** A dataset version a run used or produced, with its role (training, validation, …). */
export interface RunDatasetInput {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  context: string | null;
  /** JSON text as MLflow records it (e.g. `{"mlflow_colspec": [...]}`), when known. */
  schema: string | null;
  profile: string | null;
  /** A later version of the same dataset name exists. */
  newerVersion: boolean;
}

export interface DatasetColumn {
  name: string;
  /** As the schema reader names it: `int64`, `double`, `string`, `bool`, `timestamp`, … */
  type: string;
}

/**
 * One version of a dataset: the same name with another content digest is another version.
 * Files are digested as `sha256:<hex>` of their bytes, folders over their sorted relative paths
 * and file digests; versions from other tools keep their digest (`md5:` from DVC, MLflow's own).
 */
export interface DatasetVersion {
  id: number;
  name: string;
  digest: string;
  /** A dataset, or a run output that is a plain artifact (a report, a plot, a checkpoint). */
  kind: 'dataset' | 'artifact';
  sourceType: string;
  source: string;
  /** Local path or URI it was read from, when known. */
  uri: string | null;
  /** `csv`, `jsonl`, `parquet`, `folder`, … ; null when unknown. */
  format: string | null;
  rows: number | null;
  sizeBytes: number | null;
  columns: DatasetColumn[] | null;
  /** Epoch ms the version was first seen: versions of a name are ordered by it. */
  createdAt: number;
}

export interface DatasetSummary {
  name: string;
  versions: number;
  latest: DatasetVersion;
}

export type LineageNodeKind = 'dataset' | 'artifact' | 'run' | 'model';

/** Node ids: `dataset:<version id>`, `run:<run id>`, `model:<model id>`. */
export interface LineageNode {
  id: string;
  kind: LineageNodeKind;
  /** Dataset name, run name, model name. */
  label: string;
  /** Short secondary line: a digest, an experiment, a status. */
  detail: string;
  runId?: string;
  modelId?: string;
  datasetName?: string;
  /** Datasets: 1 for a name's oldest version. */
  version?: number;
  /** Datasets: a later version of the same name exists. */
  newerVersion: boolean;
  /** Runs, models, derived datasets: something upstream has a newer version. */
  newerDataAvailable: boolean;
}

export interface LineageEdge {
  from: string;
  to: string;
  /** input: dataset → run; output: run → dataset/model; derived: dataset → dataset via `viaRunId`. */
  kind: 'input' | 'output' | 'derived';
  context: string | null;
  viaRunId?: string;
}

export interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
}

/** A model a run produced (MLflow 3 logged models). */
export interface RunModelOutput {
  id: string;
  name: string;
  status: string;
  step: number;
  artifactUri: string;
}
