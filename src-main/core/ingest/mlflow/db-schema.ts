// MLflow's SQL tracking store as SQLite holds it (mlflow/store/tracking/dbmodels/models.py):
// the queries Runlens reads it with, and the row shapes they return. Read-only, and only
// columns present since MLflow 1.x, except those checked for first (`deleted_time`).

export const REQUIRED_TABLES = ['experiments', 'runs', 'metrics', 'params', 'tags'] as const;

export interface ExperimentRow {
  experiment_id: number;
  name: string;
  artifact_location: string | null;
  lifecycle_stage: string | null;
  creation_time: number | null;
}

export interface RunRow {
  run_uuid: string;
  name: string | null;
  user_id: string | null;
  status: string | null;
  start_time: number | null;
  end_time: number | null;
  lifecycle_stage: string | null;
  artifact_uri: string | null;
  experiment_id: number;
  deleted_time: number | null;
}

/**
 * An owner's key/value pairs (a run's params or tags, an experiment's tags) as one JSON object,
 * built by SQLite: one row per owner instead of one per pair keeps re-reading a large store on
 * every commit cheap.
 */
export interface KeyValueRow {
  owner: string | number;
  pairs: string;
}

export interface DatasetInputRow {
  run_uuid: string;
  input_uuid: string;
  name: string;
  digest: string;
  source_type: string | null;
  source: string | null;
  schema: string | null;
  profile: string | null;
}

export interface InputTagRow {
  input_uuid: string;
  name: string;
  value: string;
}

/**
 * A metric row. The table has no id column but an implicit rowid, which grows with every insert
 * (MLflow only ever inserts metrics): rows after a committed rowid are the new points.
 */
export interface MetricRow {
  rowid: number;
  run_uuid: string;
  key: string;
  value: number;
  timestamp: number | null;
  step: number | null;
  is_nan: number;
}

/** Sorted by key first, so an owner's JSON text changes only when its pairs do. */
function pairsBy(owner: string, table: string): string {
  return `SELECT ${owner} AS owner, json_group_object(key, coalesce(value, '')) AS pairs
    FROM (SELECT ${owner}, key, value FROM ${table} ORDER BY ${owner}, key) GROUP BY ${owner}`;
}

export const SQL = {
  experiments: 'SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time FROM experiments',
  experimentTags: pairsBy('experiment_id', 'experiment_tags'),
  runs: (hasDeletedTime: boolean) =>
    `SELECT run_uuid, name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri, experiment_id,
       ${hasDeletedTime ? 'deleted_time' : 'NULL AS deleted_time'} FROM runs`,
  params: pairsBy('run_uuid', 'params'),
  tags: pairsBy('run_uuid', 'tags'),
  datasetInputs: `SELECT i.destination_id AS run_uuid, i.input_uuid, d.name, d.digest, d.dataset_source_type AS source_type,
       d.dataset_source AS source, d.dataset_schema AS schema, d.dataset_profile AS profile
     FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id
     WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN'`,
  inputTags: 'SELECT input_uuid, name, value FROM input_tags',
  maxMetricRowid: 'SELECT coalesce(max(rowid), 0) FROM metrics',
  metricsAfter: `SELECT rowid, run_uuid, key, value, timestamp, step, is_nan FROM metrics
     WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?`,
} as const;
