// The remote side of a push: its experiment (found or made), its run (made once, or adopted
// by the source tag), how many points of a key it holds, and where its artifacts go.
import { z } from 'zod';
import { ApiError } from '../../../src-shared/errors';
import type { RunSummary } from '../../../src-shared/domain';
import { MlflowApiError, type MlflowRest } from '../registry/mlflow/mlflow-rest';
import { ExperimentAnswer, HistoryPage, proxyPath, RunAnswer, RunsPage } from './remote-records';

/** The tag every pushed run carries on the remote: the local run it came from. */
export const SOURCE_RUN_TAG = 'runlens.source_run_id';

/** MLflow's cap on `max_results` of metrics/get-history pages that Runlens' own server accepts too. */
const HISTORY_PAGE = 25_000;

const CreatedExperiment = z.object({ experiment_id: z.string() });

const isCode = (e: unknown, code: string) => e instanceof MlflowApiError && e.errorCode === code;

/** The remote experiment named as the local one, created when missing (another client may create it meanwhile). */
export async function remoteExperiment(client: MlflowRest, name: string, signal: AbortSignal): Promise<string> {
  const byName = async () => (await client.get('experiments/get-by-name', { experiment_name: name }, ExperimentAnswer, signal)).experiment.experiment_id;
  try {
    return await byName();
  } catch (e) {
    if (!isCode(e, 'RESOURCE_DOES_NOT_EXIST')) throw e;
  }
  try {
    return (await client.post('experiments/create', { name }, CreatedExperiment, signal)).experiment_id;
  } catch (e) {
    if (!isCode(e, 'RESOURCE_ALREADY_EXISTS')) throw e;
    return await byName();
  }
}

/** The remote run earlier pushed from this local run, found by its source tag (a push that died before storing its link). */
export async function findPushedRun(client: MlflowRest, experimentId: string, localRunId: string, signal: AbortSignal): Promise<string | null> {
  const filter = `tags.\`${SOURCE_RUN_TAG}\` = '${localRunId}'`;
  const page = await client.post('runs/search', { experiment_ids: [experimentId], filter, max_results: 1 }, RunsPage, signal);
  return page.runs[0]?.info.run_id ?? null;
}

export async function createRemoteRun(client: MlflowRest, experimentId: string, run: RunSummary, signal: AbortSignal): Promise<string> {
  const body = {
    experiment_id: experimentId,
    run_name: run.name,
    user_id: run.userId,
    start_time: run.startTime,
    tags: [{ key: SOURCE_RUN_TAG, value: run.id }],
  };
  return (await client.post('runs/create', body, RunAnswer, signal)).run.info.run_id;
}

/** How many points of `key` the remote run holds, counted page by page. */
export async function remotePointCount(client: MlflowRest, remoteRunId: string, key: string, signal: AbortSignal): Promise<number> {
  let count = 0;
  let pageToken: string | undefined;
  do {
    const query: Record<string, string> = { run_id: remoteRunId, metric_key: key, max_results: String(HISTORY_PAGE) };
    if (pageToken) query.page_token = pageToken;
    const page = await client.get('metrics/get-history', query, HistoryPage, signal);
    count += page.metrics.length;
    pageToken = page.next_page_token || undefined;
  } while (pageToken);
  return count;
}

/**
 * Where the remote run's artifacts go through the server's artifact proxy. Any scheme but
 * `mlflow-artifacts:` means the server hands clients a store to write to directly, which
 * Runlens does not do.
 */
export async function remoteArtifactRoot(client: MlflowRest, remoteRunId: string, signal: AbortSignal): Promise<string> {
  const uri = (await client.get('runs/get', { run_id: remoteRunId }, RunAnswer, signal)).run.info.artifact_uri;
  const path = proxyPath(uri);
  if (path === null) {
    throw new ApiError(
      'INVALID_PARAMETER_VALUE',
      `The remote run's artifacts go to '${uri}', which Runlens cannot upload to: it uploads through MLflow's artifact proxy only. ` +
        'Start the server with proxied artifacts: `mlflow server --artifacts-destination <folder or s3://bucket/path>` (and no --default-artifact-root, no --no-serve-artifacts).',
    );
  }
  return path;
}
