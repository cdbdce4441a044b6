// Reading a remote: its experiments, one experiment's runs (a page, or all of them), one run,
// and which local run holds a remote run. Errors the remote answers with an MLflow code keep it,
// so an unknown experiment is RESOURCE_DOES_NOT_EXIST here as it is there.
import { ApiError, ERROR_STATUS, type ErrorCode } from '../../../src-shared/errors';
import type { RemoteExperiment, RemoteRun } from '../../../src-shared/sync';
import { MlflowApiError, type MlflowRest } from '../registry/mlflow/mlflow-rest';
import { RegistryError } from '../registry/registry-adapter';
import type { Store } from '../store/store';
import type { FollowRepo } from '../store/follow-repo';
import { SOURCE_RUN_TAG } from './push-remote';
import { ExperimentAnswer, ExperimentsPage, RunAnswer, RunsPage, toRecord, type RemoteExperimentRecord, type RemoteRunRecord } from './remote-records';

/** A browse page: enough for a screen, one request. */
export const BROWSE_PAGE = 100;
/** A page when every run is wanted. */
const SEARCH_PAGE = 1000;

/** Runs `call` against a remote, turning its failures into ApiErrors that name the remote. */
export async function onRemote<T>(remote: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof MlflowApiError && e.errorCode && e.errorCode in ERROR_STATUS) throw new ApiError(e.errorCode as ErrorCode, `Remote '${remote}': ${e.message}`);
    if (e instanceof RegistryError) throw new ApiError('INTERNAL_ERROR', `Remote '${remote}': ${e.message}`);
    throw e;
  }
}

export async function listExperiments(client: MlflowRest, signal: AbortSignal): Promise<RemoteExperimentRecord[]> {
  const all: RemoteExperimentRecord[] = [];
  let token: string | undefined;
  do {
    const page = await client.post('experiments/search', { max_results: SEARCH_PAGE, view_type: 'ACTIVE_ONLY', ...(token ? { page_token: token } : {}) }, ExperimentsPage, signal);
    all.push(...page.experiments);
    token = page.next_page_token || undefined;
  } while (token);
  return all;
}

export async function getExperiment(client: MlflowRest, id: string, signal: AbortSignal): Promise<RemoteExperimentRecord> {
  return (await client.get('experiments/get', { experiment_id: id }, ExperimentAnswer, signal)).experiment;
}

export async function getRun(client: MlflowRest, id: string, signal: AbortSignal): Promise<RemoteRunRecord> {
  return (await client.get('runs/get', { run_id: id }, RunAnswer, signal)).run;
}

/** One page of an experiment's active runs, newest first. */
export async function searchRuns(client: MlflowRest, experimentId: string, maxResults: number, pageToken: string | undefined, signal: AbortSignal) {
  const body = { experiment_ids: [experimentId], max_results: maxResults, run_view_type: 'ACTIVE_ONLY', order_by: ['attributes.start_time DESC'], ...(pageToken ? { page_token: pageToken } : {}) };
  const page = await client.post('runs/search', body, RunsPage, signal);
  return { runs: page.runs, nextPageToken: page.next_page_token || null };
}

/** Every active run of an experiment, page by page as they come. */
export async function* allRuns(client: MlflowRest, experimentId: string, signal: AbortSignal): AsyncGenerator<RemoteRunRecord[]> {
  let token: string | undefined;
  do {
    const page = await searchRuns(client, experimentId, SEARCH_PAGE, token, signal);
    yield page.runs;
    token = page.nextPageToken ?? undefined;
  } while (token);
}

export function toRemoteExperiment(e: RemoteExperimentRecord, remote: string, follows: FollowRepo): RemoteExperiment {
  return {
    id: e.experiment_id,
    name: e.name,
    lifecycleStage: e.lifecycle_stage,
    lastUpdateTime: e.last_update_time ?? null,
    followed: follows.get(remote, e.experiment_id) !== null,
  };
}

/**
 * The local run a remote run was pushed from: its push link, or — when no link names it — the
 * run its source tag names, unless that run is linked to another run there. A push that died
 * between creating the remote run and storing its link leaves just the tag; the next push
 * adopts that run, so a pull must not copy it back beside its original.
 */
export function pushedFrom(store: Store, remote: string, r: RemoteRunRecord): string | null {
  const link = store.sync.byRemoteId(remote, r.info.run_id);
  if (link) return link.direction === 'push' ? link.runId : null;
  const source = r.data.tags.find((t) => t.key === SOURCE_RUN_TAG)?.value;
  if (!source || !store.runs.exists(source)) return null;
  const own = store.sync.link(source, remote);
  return own === null || own.remoteRunId === r.info.run_id ? source : null;
}

/** The local run holding a remote run: a copy pulled before, or the run it was pushed from. */
export function localRunOf(store: Store, remote: string, r: RemoteRunRecord): string | null {
  return store.sync.byRemoteId(remote, r.info.run_id)?.runId ?? pushedFrom(store, remote, r);
}

export function toRemoteRun(store: Store, remote: string, r: RemoteRunRecord): RemoteRun {
  const tags = toRecord(r.data.tags);
  return {
    id: r.info.run_id,
    experimentId: r.info.experiment_id,
    name: r.info.run_name || tags['mlflow.runName'] || r.info.run_id,
    status: r.info.status,
    startTime: r.info.start_time ?? null,
    endTime: r.info.end_time ?? null,
    userId: r.info.user_id,
    metrics: r.data.metrics.map((m) => ({ key: m.key, value: m.value, step: m.step })),
    params: toRecord(r.data.params),
    localRunId: localRunOf(store, remote, r),
  };
}
