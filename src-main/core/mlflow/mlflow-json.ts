// Runlens records in the JSON shapes of MLflow's protos (service.proto), as its REST API
// answers them: snake_case fields, int64 as numbers, enums by name, NaN/Infinity as strings.
import type { RunSummary } from '../../../src-shared/domain';
import type { Experiment } from '../store/experiment-repo';
import type { RunInput } from '../store/dataset-repo';
import type { LoggedModel } from '../store/logged-model-repo';
import type { ArtifactFile } from '../artifacts/artifact-store';

export function keyValues(record: Record<string, string>): { key: string; value: string }[] {
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}

export function experimentJson(e: Experiment) {
  return {
    experiment_id: e.id,
    name: e.name,
    artifact_location: e.artifactLocation ?? '',
    lifecycle_stage: e.lifecycleStage,
    last_update_time: e.lastUpdateTime,
    creation_time: e.creationTime,
    tags: keyValues(e.tags),
  };
}

export function runInfoJson(r: RunSummary) {
  return {
    run_id: r.id,
    run_uuid: r.id,
    run_name: r.name,
    experiment_id: r.experimentId,
    user_id: r.userId,
    status: r.status,
    start_time: r.startTime,
    ...(r.endTime === null ? {} : { end_time: r.endTime }),
    artifact_uri: r.artifactUri ?? '',
    lifecycle_stage: r.lifecycleStage,
  };
}

export function runJson(r: RunSummary, inputs: RunInput[], outputs: { modelId: string; step: number }[]) {
  return {
    info: runInfoJson(r),
    data: {
      metrics: r.metrics.map((m) => ({ key: m.key, value: m.last, timestamp: m.lastTimestamp, step: m.lastStep })),
      params: keyValues(r.params),
      tags: keyValues(r.tags),
    },
    inputs: {
      dataset_inputs: inputs.map((i) => ({
        tags: keyValues(i.tags),
        dataset: {
          name: i.dataset.name,
          digest: i.dataset.digest,
          source_type: i.dataset.sourceType,
          source: i.dataset.source,
          ...(i.dataset.schema === null ? {} : { schema: i.dataset.schema }),
          ...(i.dataset.profile === null ? {} : { profile: i.dataset.profile }),
        },
      })),
    },
    outputs: { model_outputs: outputs.map((o) => ({ model_id: o.modelId, step: o.step })) },
  };
}

export function loggedModelJson(m: LoggedModel) {
  return {
    info: {
      model_id: m.id,
      experiment_id: m.experimentId,
      name: m.name,
      creation_timestamp_ms: m.creationTime,
      last_updated_timestamp_ms: m.lastUpdatedTime,
      artifact_uri: m.artifactUri,
      status: m.status,
      model_type: m.modelType,
      ...(m.sourceRunId === null ? {} : { source_run_id: m.sourceRunId }),
      tags: keyValues(m.tags),
    },
    data: { params: keyValues(m.params), metrics: [] },
  };
}

export function fileInfoJson(f: ArtifactFile) {
  return { path: f.path, is_dir: f.isDir, ...(f.size === undefined ? {} : { file_size: f.size }) };
}
