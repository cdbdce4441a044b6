// What a remote MLflow tracking server answers about experiments, runs and metric histories,
// checked with zod at the boundary. Lenient where MLflow versions differ: int64 fields come as
// numbers or (older servers) strings, and empty lists are left out of the JSON altogether.
import { z } from 'zod';
import { fromWire } from '../../../src-shared/wire-number';
import type { RunStatus } from '../../../src-shared/domain';
import { RUN_STATUSES } from '../../../src-shared/domain';
import { MLFLOW_ARTIFACTS_SCHEME } from '../artifacts/artifact-store';

const int64 = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]);
/** MLflow's JSON spells NaN and ±Infinity as strings (proto3 JSON). */
const wireValue = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);
const keyValues = z.array(z.object({ key: z.string(), value: z.string().default('') })).default([]);

export const RemoteMetricSchema = z.object({ key: z.string(), value: wireValue, timestamp: int64.default(0), step: int64.default(0) });
export type RemoteMetric = z.infer<typeof RemoteMetricSchema>;

const ExperimentSchema = z.object({
  experiment_id: z.string(),
  name: z.string(),
  lifecycle_stage: z.string().default('active'),
  last_update_time: int64.optional(),
  creation_time: int64.optional(),
});
export type RemoteExperimentRecord = z.infer<typeof ExperimentSchema>;

const DatasetInputSchema = z.object({
  tags: keyValues,
  dataset: z.object({
    name: z.string(),
    digest: z.string(),
    source_type: z.string().default(''),
    source: z.string().default(''),
    schema: z.string().optional(),
    profile: z.string().optional(),
  }),
});

export const RunSchema = z.object({
  info: z.object({
    run_id: z.string(),
    experiment_id: z.string(),
    run_name: z.string().default(''),
    user_id: z.string().default(''),
    status: z.string().default('RUNNING'),
    start_time: int64.optional(),
    end_time: int64.optional(),
    artifact_uri: z.string().default(''),
    lifecycle_stage: z.string().default('active'),
  }),
  data: z.object({ metrics: z.array(RemoteMetricSchema).default([]), params: keyValues, tags: keyValues }).default({ metrics: [], params: [], tags: [] }),
  inputs: z.object({ dataset_inputs: z.array(DatasetInputSchema).default([]) }).default({ dataset_inputs: [] }),
});
export type RemoteRunRecord = z.infer<typeof RunSchema>;

export const ExperimentsPage = z.object({ experiments: z.array(ExperimentSchema).default([]), next_page_token: z.string().optional() });
export const ExperimentAnswer = z.object({ experiment: ExperimentSchema });
export const RunsPage = z.object({ runs: z.array(RunSchema).default([]), next_page_token: z.string().optional() });
export const RunAnswer = z.object({ run: RunSchema });
export const HistoryPage = z.object({ metrics: z.array(RemoteMetricSchema).default([]), next_page_token: z.string().optional() });

export const toNumber = (v: RemoteMetric['value']): number => fromWire(v);

export function runStatus(s: string): RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(s) ? (s as RunStatus) : 'RUNNING';
}

/** Tags and params as records (MLflow sends them as key/value lists). */
export function toRecord(list: { key: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(list.map((kv) => [kv.key, kv.value]));
}

/**
 * The proxy path of an `mlflow-artifacts:` URI (`mlflow-artifacts:/1/abc/artifacts`, or with a
 * host: `mlflow-artifacts://host/1/abc/artifacts`); null for a store the proxy does not serve.
 */
export function proxyPath(artifactUri: string): string | null {
  if (!artifactUri.startsWith(MLFLOW_ARTIFACTS_SCHEME)) return null;
  const rest = artifactUri.slice(MLFLOW_ARTIFACTS_SCHEME.length);
  const path = rest.startsWith('//') ? rest.slice(2).replace(/^[^/]*/, '') : rest;
  return path.replace(/^\/+|\/+$/g, '');
}
