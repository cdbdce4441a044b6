// One local run to a remote, whole the first time and only what the remote lacks after: its
// remote run (made once), params and tags, dataset inputs, the full metric history, artifacts,
// and the status last (a remote run shows FINISHED only once it holds everything).
import { z } from 'zod';
import { ApiError } from '../../../src-shared/errors';
import type { RunStatus, RunSummary } from '../../../src-shared/domain';
import type { ArtifactStore } from '../artifacts/artifact-store';
import type { MlflowRest } from '../registry/mlflow/mlflow-rest';
import type { RunInput } from '../store/dataset-repo';
import type { Store } from '../store/store';
import { metaDigest, type RemoteRunLink } from '../store/sync-repo';
import type { StoredSeries } from '../store/stored-series';
import { artifactsToPush, pushArtifacts } from './push-artifacts';
import { pointsToPush, pushMetrics, type PointsProgress, type PushTarget } from './push-metrics';
import { createRemoteRun, findPushedRun, remoteExperiment } from './push-remote';
import { toMlflowDigest } from './mlflow-digest';

/** MLflow's log-batch limits on params and tags per request. */
const PARAMS_PER_BATCH = 100;
const TAGS_PER_BATCH = 100;

export interface RunPushContext {
  store: Store;
  series: StoredSeries;
  artifacts: ArtifactStore;
  client: MlflowRest;
  remote: string;
  signal: AbortSignal;
  now: () => number;
}

export interface RunPushProgress extends PointsProgress {
  bytes(n: number): void;
}

/** Refuses unknown runs and copies pulled from a remote (they are the remote's to change). */
export function checkPushable(store: Store, runId: string): void {
  if (!store.runs.exists(runId)) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Run '${runId}' does not exist`);
  const pulled = store.sync.pulledFrom(runId);
  if (pulled) {
    throw new ApiError('INVALID_PARAMETER_VALUE', `Run '${runId}' is a copy pulled from remote '${pulled.remote}' (run ${pulled.remoteRunId}): it cannot be pushed`);
  }
}

/** What a push of the run would send: points and artifact bytes. */
export async function planRun(c: RunPushContext, run: RunSummary): Promise<{ points: number; bytes: number }> {
  let points = 0;
  for (const n of pointsToPush(c.store, c.series, run.id, c.remote).values()) points += n;
  const files = await artifactsToPush({ store: c.store, runId: run.id, remote: c.remote }, c.artifacts, run.artifactUri);
  return { points, bytes: files.reduce((sum, f) => sum + f.size, 0) };
}

/** The run's link after a push, and the status the push found (and sent, unless RUNNING). */
export interface PushedRun {
  link: RemoteRunLink;
  status: RunStatus;
}

export async function pushRun(c: RunPushContext, runId: string, progress: RunPushProgress): Promise<PushedRun> {
  checkPushable(c.store, runId);
  const run = c.store.runs.summary(runId)!;
  const link = await linkedRemoteRun(c, run);
  const t: PushTarget = { store: c.store, client: c.client, runId, remote: c.remote, remoteRunId: link.remoteRunId, signal: c.signal };
  const pushed = c.store.sync.pushedState(runId, c.remote);

  const meta = metaDigest(run.params, run.tags);
  if (pushed.meta !== meta) {
    await pushParamsAndTags(t, run);
    c.store.sync.setPushedState(runId, c.remote, { meta });
  }
  const inputs = c.store.datasets.inputsOf(runId);
  if (pushed.inputs !== inputs.length) {
    // MLflow keeps one input per (run, dataset): inputs sent before are not added twice.
    if (inputs.length > 0) await c.client.post('runs/log-inputs', { run_id: link.remoteRunId, datasets: inputs.map(inputJson) }, z.unknown(), c.signal);
    c.store.sync.setPushedState(runId, c.remote, { inputs: inputs.length });
  }
  await pushMetrics(t, c.series, progress);
  await pushArtifacts(t, await artifactsToPush(t, c.artifacts, run.artifactUri), (n) => progress.bytes(n));

  if (run.status !== 'RUNNING' && pushed.status !== run.status) {
    const update = { run_id: link.remoteRunId, status: run.status, ...(run.endTime === null ? {} : { end_time: run.endTime }) };
    await c.client.post('runs/update', update, z.unknown(), c.signal);
  }
  c.store.tx(() => {
    c.store.sync.setPushedState(runId, c.remote, { status: run.status, points: c.store.sync.markedPoints(runId, c.remote) });
    c.store.sync.markSynced(runId, c.remote, c.now());
  });
  return { link: c.store.sync.link(runId, c.remote)!, status: run.status };
}

/**
 * The run's remote run, created once. Without a stored link, a run tagged with this run's id
 * is looked for first and adopted: a push killed between creating the run and storing the link
 * then makes no second run. What the adopted run already holds is unknown, so every key is
 * marked in flight: its count is asked before sending.
 */
async function linkedRemoteRun(c: RunPushContext, run: RunSummary): Promise<RemoteRunLink> {
  const known = c.store.sync.link(run.id, c.remote);
  if (known) return known;
  const experimentId = await remoteExperiment(c.client, run.experiment, c.signal);
  const adopted = await findPushedRun(c.client, experimentId, run.id, c.signal);
  const remoteRunId = adopted ?? (await createRemoteRun(c.client, experimentId, run, c.signal));
  return c.store.tx(() => {
    const link = c.store.sync.insert({ runId: run.id, remote: c.remote, direction: 'push', remoteRunId, remoteExperimentId: experimentId });
    if (adopted) for (const key of c.series.counts(run.id).keys()) c.store.sync.markInFlight(run.id, c.remote, key);
    return link;
  });
}

/** Params and tags, as many log-batch requests as MLflow's limits need. Both are safe to resend: a param with the same value, a tag as an upsert. */
async function pushParamsAndTags(t: PushTarget, run: RunSummary): Promise<void> {
  const params = Object.entries(run.params).map(([key, value]) => ({ key, value }));
  const tags = Object.entries(run.tags).map(([key, value]) => ({ key, value }));
  for (let i = 0; i < Math.max(params.length / PARAMS_PER_BATCH, tags.length / TAGS_PER_BATCH); i++) {
    const body = {
      run_id: t.remoteRunId,
      params: params.slice(i * PARAMS_PER_BATCH, (i + 1) * PARAMS_PER_BATCH),
      tags: tags.slice(i * TAGS_PER_BATCH, (i + 1) * TAGS_PER_BATCH),
    };
    await t.client.post('runs/log-batch', body, z.unknown(), t.signal);
  }
}

/** A dataset input as runs/log-inputs takes it (the `mlflow.data.context` input tag among its tags). */
function inputJson(i: RunInput) {
  const d = i.dataset;
  const { digest, tags } = toMlflowDigest(d.digest, i.tags);
  return {
    tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    dataset: {
      name: d.name,
      digest,
      source_type: d.sourceType,
      source: d.source,
      ...(d.schema === null ? {} : { schema: d.schema }),
      ...(d.profile === null ? {} : { profile: d.profile }),
    },
  };
}
