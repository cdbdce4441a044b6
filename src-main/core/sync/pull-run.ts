// Imports one remote run as a local read-only copy, or brings a copy up to date. What goes
// into SQLite is written in one transaction, the link and its sync time with it, after the
// artifacts are in place: a crash never leaves half a run claiming to be synced.
import type { RunSummary } from '../../../src-shared/domain';
import type { MlflowRest } from '../registry/mlflow/mlflow-rest';
import type { MetricPoint } from '../store/metric-point';
import { ensureExperiment } from '../watch/mlflow/apply-mlflow';
import { fetchHistory } from './pull-metrics';
import { downloadFile, listRemoteFiles, missingFiles } from './pull-artifacts';
import { proxyPath, runStatus, toRecord, type RemoteRunRecord } from './remote-records';
import { pushedFrom } from './remote-browse';
import type { SyncDeps } from './sync-deps';
import type { SyncJobContext } from './sync-jobs';
import { fromMlflowDigest } from './mlflow-digest';

/** Local run ids are at most this long and of these characters (runIdSchema). */
const RUN_ID_MAX = 64;

export interface PullTarget {
  remote: string;
  url: string;
  client: MlflowRest;
}

export type PullOutcome = 'pushed-here' | 'unchanged' | 'imported' | 'updated';

/** The local id of a newly pulled run: the remote id, unless a local run already has it. */
export function localIdFor(store: SyncDeps['store'], remote: string, remoteRunId: string): string {
  if (/^[\w-]{1,64}$/.test(remoteRunId) && !store.runs.exists(remoteRunId)) return remoteRunId;
  return `${remote}-${remoteRunId}`.replace(/[^\w-]/g, '-').slice(0, RUN_ID_MAX);
}

/** Keys whose latest point (step, timestamp, value) on the remote differs from the local copy's. */
function changedKeys(r: RemoteRunRecord, local: RunSummary | null): string[] {
  const mine = new Map(local?.metrics.map((m) => [m.key, m]) ?? []);
  return r.data.metrics
    .filter((m) => {
      const l = mine.get(m.key);
      return !l || l.lastStep !== m.step || l.lastTimestamp !== m.timestamp || l.last !== m.value;
    })
    .map((m) => m.key);
}

const sameRecord = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** Whether the copy differs from the remote run in what runs/get shows: status, end, tags, params, latest metrics. */
function runChanged(r: RemoteRunRecord, local: RunSummary): boolean {
  return (
    local.status !== runStatus(r.info.status) ||
    local.endTime !== (r.info.end_time ?? null) ||
    !sameRecord(local.tags, toRecord(r.data.tags)) ||
    !sameRecord(local.params, toRecord(r.data.params)) ||
    changedKeys(r, local).length > 0
  );
}

/**
 * Pulls `r` (as runs/get or runs/search answered it) into the store. A run pushed from here is
 * left alone; an unchanged copy costs nothing more.
 */
export async function pullRun(deps: SyncDeps, target: PullTarget, r: RemoteRunRecord, experimentName: string, ctx: SyncJobContext): Promise<PullOutcome> {
  const { store, artifacts } = deps;
  const remoteId = r.info.run_id;
  const original = pushedFrom(store, target.remote, r);
  if (original !== null) {
    ctx.finishedRun(original, remoteId);
    return 'pushed-here';
  }
  const link = store.sync.byRemoteId(target.remote, remoteId);
  const local = link ? store.runs.summary(link.runId) : null;
  if (local && !runChanged(r, local)) {
    ctx.finishedRun(local.id, remoteId);
    return 'unchanged';
  }
  const runId = local?.id ?? localIdFor(store, target.remote, remoteId);
  ctx.working(runId);

  const keys = changedKeys(r, local);
  const series = new Map<string, MetricPoint[]>();
  for (const key of keys) {
    ctx.signal.throwIfAborted();
    series.set(key, await fetchHistory(target.client, remoteId, key, ctx.signal, (n) => ctx.add({ points: n, pointsTotal: n })));
  }

  // The experiment first (alone: an empty one left by a crash is harmless), for the artifact folder.
  const startTime = r.info.start_time ?? 0;
  const experimentId = local?.experimentId ?? store.tx(() => ensureExperiment(store, { name: experimentName, artifactLocation: null, creationTime: null }, deps.now()));
  const artifactUri = local?.artifactUri ?? artifacts.runArtifactUri(experimentId, runId);
  await pullArtifacts(deps, target, r, artifacts.localDir(artifactUri)!, ctx);

  const tags = toRecord(r.data.tags);
  const params = toRecord(r.data.params);
  const written = store.tx(() => {
    // Another pull (a follow's poll) may have imported the run meanwhile: that copy stands.
    if (!link && store.sync.byRemoteId(target.remote, remoteId)) return false;
    const name = r.info.run_name || tags['mlflow.runName'] || remoteId;
    const status = runStatus(r.info.status);
    const endTime = r.info.end_time ?? null;
    // An update leaves the copy's place alone (its experiment, a local delete).
    if (local) store.runs.update(runId, { status, endTime, name });
    else {
      store.runs.insert({
        id: runId,
        experiment: experimentName,
        name,
        status,
        startTime,
        endTime,
        sourceKind: 'mlflow-remote',
        sourcePath: `${target.url}/#/experiments/${r.info.experiment_id}/runs/${remoteId}`,
        userId: r.info.user_id,
        artifactUri,
      });
    }
    // MLflow params never change; one that did (a remote store edited by hand) keeps the first value.
    const conflicts = new Set(store.runs.paramConflicts(runId, params));
    store.runs.setParams(runId, Object.fromEntries(Object.entries(params).filter(([k]) => !conflicts.has(k))));
    for (const key of Object.keys(store.runs.tags(runId))) if (!(key in tags)) store.runs.deleteTag(runId, key);
    store.runs.setTags(runId, tags);
    const now = deps.now();
    for (const input of r.inputs.dataset_inputs) {
      const d = input.dataset;
      const { digest, tags: inputTags } = fromMlflowDigest(d.digest, toRecord(input.tags));
      store.datasets.addRunInput(runId, { name: d.name, digest, sourceType: d.source_type, source: d.source, schema: d.schema ?? null, profile: d.profile ?? null }, inputTags, now);
    }
    for (const [key, points] of series) {
      store.metrics.dropSeries(runId, key);
      store.metrics.append(runId, points);
    }
    if (!link) store.sync.insert({ runId, remote: target.remote, direction: 'pull', remoteRunId: remoteId, remoteExperimentId: r.info.experiment_id });
    store.sync.markSynced(runId, target.remote, now);
    return true;
  });
  if (!written) {
    ctx.finishedRun(store.sync.byRemoteId(target.remote, remoteId)!.runId, remoteId);
    return 'unchanged';
  }
  if (series.size > 0) deps.hub.pointsAppended(runId, series.keys());
  else deps.hub.runChanged(runId);
  ctx.finishedRun(runId, remoteId);
  return local ? 'updated' : 'imported';
}

/** Fetches the remote run's files the local folder does not hold whole yet. */
async function pullArtifacts(deps: SyncDeps, target: PullTarget, r: RemoteRunRecord, localRoot: string, ctx: SyncJobContext): Promise<void> {
  const root = proxyPath(r.info.artifact_uri);
  if (root === null) {
    if (r.info.artifact_uri) deps.log(`pull from '${target.remote}': run ${r.info.run_id} keeps its artifacts at ${r.info.artifact_uri}, which the remote's artifact proxy does not serve; not copied`);
    return;
  }
  const files = await missingFiles(await listRemoteFiles(target.client, root, deps.artifacts, localRoot, ctx.signal), deps.artifacts, localRoot);
  ctx.add({ bytesTotal: files.reduce((n, f) => n + (f.size ?? 0), 0) });
  for (const f of files) {
    ctx.signal.throwIfAborted();
    ctx.add({ bytes: await downloadFile(target.client, root, f, deps.artifacts, localRoot, ctx.signal) });
  }
}
