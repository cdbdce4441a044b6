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

export interface KeyValueRow {
  owner: string | number;
  key: string;
  value: string | null;
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

export const SQL = {
  experiments: 'SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time FROM experiments',
  experimentTags: 'SELECT experiment_id AS owner, key, value FROM experiment_tags',
  runs: (hasDeletedTime: boolean) =>
    `SELECT run_uuid, name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri, experiment_id,
       ${hasDeletedTime ? 'deleted_time' : 'NULL AS deleted_time'} FROM runs`,
  params: 'SELECT run_uuid AS owner, key, value FROM params',
  tags: 'SELECT run_uuid AS owner, key, value FROM tags',
  datasetInputs: `SELECT i.destination_id AS run_uuid, i.input_uuid, d.name, d.digest, d.dataset_source_type AS source_type,
       d.dataset_source AS source, d.dataset_schema AS schema, d.dataset_profile AS profile
     FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id
     WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN'`,
  inputTags: 'SELECT input_uuid, name, value FROM input_tags',
  maxMetricRowid: 'SELECT coalesce(max(rowid), 0) FROM metrics',
  metricsAfter: `SELECT rowid, run_uuid, key, value, timestamp, step, is_nan FROM metrics
     WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?`,
} as const;
