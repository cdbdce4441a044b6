// Rows of MLflow's SQL store → the records Runlens imports. Pure: the reader does the I/O.
import type { NewPoint } from '../../store/metric-point';
import type { RunInput } from '../../store/dataset-repo';
import type { DatasetInputRow, ExperimentRow, InputTagRow, KeyValueRow, MetricRow, RunRow } from './db-schema';
import type { MlflowExperiment, MlflowRun } from './records';
import { RUN_NAME_TAG } from './records';
import { lifecycleStage, localArtifactPath, runStatus, sqlMetricValue } from './mlflow-values';

export interface DbRows {
  experiments: ExperimentRow[];
  experimentTags: KeyValueRow[];
  runs: RunRow[];
  params: KeyValueRow[];
  tags: KeyValueRow[];
  datasetInputs: DatasetInputRow[];
  inputTags: InputTagRow[];
}

function grouped(rows: KeyValueRow[]): Map<string, Record<string, string>> {
  // MLflow allows an empty tag value and stores NULL for it in some versions: the query reads
  // that as ''.
  return new Map(rows.map((r) => [String(r.owner), JSON.parse(r.pairs) as Record<string, string>]));
}

export interface DbRecords {
  experiments: Map<string, MlflowExperiment>;
  runs: MlflowRun[];
  /** Rows that could not be read, with the reason. */
  problems: string[];
}

/** Every experiment and run of the database; `fallbackTime` stands in for a missing start time. */
export function toRecords(rows: DbRows, fallbackTime: number): DbRecords {
  const problems: string[] = [];
  const expTags = grouped(rows.experimentTags);
  const experiments = new Map<string, MlflowExperiment>();
  for (const e of rows.experiments) {
    try {
      experiments.set(String(e.experiment_id), {
        name: e.name,
        artifactLocation: e.artifact_location,
        lifecycleStage: lifecycleStage(e.lifecycle_stage),
        creationTime: e.creation_time,
        tags: expTags.get(String(e.experiment_id)) ?? {},
      });
    } catch (err) {
      problems.push(`experiment ${e.experiment_id}: ${(err as Error).message}`);
    }
  }
  const params = grouped(rows.params);
  const tags = grouped(rows.tags);
  const inputTags = new Map<string, Record<string, string>>();
  for (const t of rows.inputTags) {
    let m = inputTags.get(t.input_uuid);
    if (!m) inputTags.set(t.input_uuid, (m = {}));
    m[t.name] = t.value;
  }
  const inputs = new Map<string, RunInput[]>();
  for (const i of rows.datasetInputs) {
    let list = inputs.get(i.run_uuid);
    if (!list) inputs.set(i.run_uuid, (list = []));
    list.push({
      dataset: { name: i.name, digest: i.digest, sourceType: i.source_type ?? '', source: i.source ?? '', schema: i.schema, profile: i.profile },
      tags: inputTags.get(i.input_uuid) ?? {},
    });
  }
  const runs: MlflowRun[] = [];
  for (const r of rows.runs) {
    const exp = experiments.get(String(r.experiment_id));
    if (!exp) {
      problems.push(`run ${r.run_uuid}: experiment ${r.experiment_id} not found; run skipped`);
      continue;
    }
    try {
      const runTags = tags.get(r.run_uuid) ?? {};
      runs.push({
        id: r.run_uuid,
        experiment: exp.name,
        name: r.name || runTags[RUN_NAME_TAG] || r.run_uuid,
        userId: r.user_id ?? '',
        status: runStatus(r.status),
        startTime: r.start_time ?? fallbackTime,
        endTime: r.end_time,
        lifecycleStage: lifecycleStage(r.lifecycle_stage),
        deletedTime: r.deleted_time,
        artifactUri: localArtifactPath(r.artifact_uri),
        params: params.get(r.run_uuid) ?? {},
        tags: runTags,
        inputs: inputs.get(r.run_uuid) ?? [],
      });
    } catch (err) {
      problems.push(`run ${r.run_uuid}: ${(err as Error).message}`);
    }
  }
  return { experiments, runs, problems };
}

/** Metric rows → points grouped by run. A NULL step or timestamp reads as MLflow's default 0. */
export function toPoints(rows: MetricRow[]): Map<string, NewPoint[]> {
  const out = new Map<string, NewPoint[]>();
  for (const r of rows) {
    let list = out.get(r.run_uuid);
    if (!list) out.set(r.run_uuid, (list = []));
    list.push({ key: r.key, value: sqlMetricValue(r.value, r.is_nan), step: r.step ?? 0, timestamp: r.timestamp ?? 0 });
  }
  return out;
}
