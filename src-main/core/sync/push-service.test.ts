// Push against Runlens' own MLflow REST routes as the remote: a second core with an HTTP server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src-shared/domain';
import type { SyncDone } from '../../../src-shared/sync';
import { ArtifactStore } from '../artifacts/artifact-store';
import type { Core } from '../core';
import { send } from '../test-support/http-client';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { SOURCE_RUN_TAG } from './push-remote';

const tempDir = useTempDirs();
const API = '/api/2.0/mlflow';
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function setup(): Promise<{ local: Core; remote: Core; localDir: string }> {
  const localDir = tempDir();
  const remote = await startTestCore(tempDir(), { port: 0 });
  const local = await startTestCore(localDir, { port: 0 });
  cores.push(local, remote);
  await local.dispatch('saveRemote', { name: 'team', url: remote.server!.url, secret: remote.token! });
  return { local, remote, localDir };
}

/** Polls until the job ends (bounded). */
async function finished(core: Core, jobId: string): Promise<SyncDone> {
  for (let i = 0; i < 600; i++) {
    const { done } = (await core.dispatch('getSyncJob', { id: jobId })) as { done: SyncDone | null };
    if (done) return done;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} did not end`);
}

async function push(core: Core, input: Record<string, unknown>): Promise<SyncDone> {
  const { jobId } = (await core.dispatch('pushRuns', { remote: 'team', ...input })) as { jobId: string };
  return finished(core, jobId);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const got = await probe();
    if (got) return got;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function remoteGet(remote: Core, path: string): Promise<Record<string, unknown>> {
  const r = await send(remote, 'GET', `${API}/${path}`);
  expect(r.status).toBe(200);
  return r.json();
}

async function remoteHistory(remote: Core, runId: string, key: string) {
  return (await remoteGet(remote, `metrics/get-history?run_id=${runId}&metric_key=${encodeURIComponent(key)}`)).metrics as { value: unknown; step: number; timestamp: number }[];
}

async function remoteRunsOf(remote: Core, localRunId: string): Promise<string[]> {
  const r = await send(remote, 'POST', `${API}/runs/search`, {
    body: JSON.stringify({ experiment_ids: ['0', '1', '2', '3'], filter: `tags.\`${SOURCE_RUN_TAG}\` = '${localRunId}'` }),
  });
  return ((r.json().runs ?? []) as { info: { run_id: string } }[]).map((x) => x.info.run_id);
}

async function syncOf(core: Core, runId: string): Promise<RunSummary['sync']> {
  return ((await core.dispatch('getRun', { id: runId })) as { run: RunSummary }).run.sync;
}

function points(key: string, n: number, from = 0) {
  return Array.from({ length: n }, (_, i) => ({
    key,
    value: i % 500 === 7 ? 'NaN' : i % 500 === 8 ? 'Infinity' : i % 500 === 9 ? '-Infinity' : (from + i) / 3,
    step: from + i,
    timestamp: 1_700_000_000_000 + from + i,
  }));
}

async function newRun(core: Core, experiment: string): Promise<RunSummary> {
  const { run } = (await core.dispatch('createRun', { experiment, name: 'r1', params: { lr: '0.1' }, tags: { team: 'vision' } })) as { run: RunSummary };
  await core.dispatch('logRun', { id: run.id, metrics: [...points('loss', 2500), ...points('acc', 40)] });
  return run;
}

describe('push to an MLflow REST remote (Runlens as the remote)', () => {
  it('pushes a run whole, then only what is new; the sync state follows', async () => {
    const { local, remote, localDir } = await setup();
    // Through the local MLflow routes: a run with an artifact folder and a dataset input.
    const created = await send(local, 'POST', `${API}/experiments/create`, { body: JSON.stringify({ name: 'exp-a' }) });
    const made = await send(local, 'POST', `${API}/runs/create`, {
      body: JSON.stringify({ experiment_id: created.json().experiment_id, run_name: 'r1', start_time: 1000, tags: [{ key: 'team', value: 'vision' }] }),
    });
    const runId = (made.json().run as { info: { run_id: string } }).info.run_id;
    await local.dispatch('logRun', { id: runId, params: { lr: '0.1' }, metrics: [...points('loss', 2500), ...points('acc', 40)] });
    const dataset = { name: 'train', digest: 'd1', source_type: 'local', source: '{"uri": "/data/train.csv"}', schema: '{"mlflow_colspec": []}', profile: '{"num_rows": 3}' };
    const logged = await send(local, 'POST', `${API}/runs/log-inputs`, {
      body: JSON.stringify({ run_id: runId, datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset }] }),
    });
    expect(logged.status).toBe(200);
    const run = ((await local.dispatch('getRun', { id: runId })) as { run: RunSummary }).run;
    const artifactDir = new ArtifactStore(join(localDir, 'artifacts')).localDir(run.artifactUri)!;
    const file = join(artifactDir, 'plots', 'curve.txt');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'curve-bytes');
    await local.dispatch('finishRun', { id: run.id, status: 'FINISHED' });
    expect(await syncOf(local, run.id)).toBeNull();

    const first = await push(local, { runIds: [run.id] });
    expect(first).toMatchObject({ outcome: 'done', points: 2540, bytes: 'curve-bytes'.length, error: null });
    const [remoteId] = first.runs.map((r) => r.remoteId);
    expect(await remoteRunsOf(remote, run.id)).toEqual([remoteId]);

    const loss = await remoteHistory(remote, remoteId!, 'loss');
    const want = points('loss', 2500).map((p) => ({ key: 'loss', value: p.value, step: p.step, timestamp: p.timestamp }));
    expect(loss).toEqual(want);
    expect(await remoteHistory(remote, remoteId!, 'acc')).toHaveLength(40);
    const got = (await remoteGet(remote, `runs/get?run_id=${remoteId}`)).run as {
      info: Record<string, unknown>;
      data: { params: unknown[]; tags: unknown[] };
      inputs: { dataset_inputs: unknown[] };
    };
    expect(got.info).toMatchObject({ status: 'FINISHED', run_name: 'r1', start_time: 1000 });
    expect(got.inputs.dataset_inputs).toEqual([{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset }]);
    expect(got.data.params).toEqual([{ key: 'lr', value: '0.1' }]);
    expect(got.data.tags).toEqual(expect.arrayContaining([{ key: 'team', value: 'vision' }, { key: SOURCE_RUN_TAG, value: run.id }]));
    const experiment = (await remoteGet(remote, 'experiments/get-by-name?experiment_name=exp-a')).experiment as { experiment_id: string };
    const art = await send(remote, 'GET', `/api/2.0/mlflow-artifacts/artifacts/${experiment.experiment_id}/${remoteId}/artifacts/plots/curve.txt`);
    expect(art.body).toBe('curve-bytes');
    expect(await syncOf(local, run.id)).toMatchObject({ state: 'pushed', remote: 'team', remoteRunId: remoteId, remoteExperimentId: experiment.experiment_id, live: false, error: null });

    // Nothing new: nothing sent, nothing doubled.
    expect(await push(local, { runIds: [run.id] })).toMatchObject({ outcome: 'done', points: 0, bytes: 0 });
    expect(await remoteHistory(remote, remoteId!, 'loss')).toHaveLength(2500);

    await local.dispatch('logRun', { id: run.id, metrics: points('loss', 5, 2500) });
    expect(await syncOf(local, run.id)).toMatchObject({ state: 'behind' });
    expect(await push(local, { runIds: [run.id] })).toMatchObject({ points: 5, bytes: 0 });
    expect(await remoteHistory(remote, remoteId!, 'loss')).toHaveLength(2505);
    expect(await syncOf(local, run.id)).toMatchObject({ state: 'pushed' });

    await local.dispatch('logRun', { id: run.id, tags: { note: 'later' } });
    expect(await syncOf(local, run.id)).toMatchObject({ state: 'behind' });
    expect(await push(local, { experiment: 'exp-a' })).toMatchObject({ outcome: 'done', points: 0 });
    const tags = ((await remoteGet(remote, `runs/get?run_id=${remoteId}`)).run as { data: { tags: unknown[] } }).data.tags;
    expect(tags).toContainEqual({ key: 'note', value: 'later' });
    expect(await syncOf(local, run.id)).toMatchObject({ state: 'pushed' });
    expect((await local.dispatch('listRuns', {}) as { runs: RunSummary[] }).runs[0]!.sync).toMatchObject({ state: 'pushed' });
  });

  it('resumes exactly once when a batch outcome was unknown or the link was lost', async () => {
    const { local, remote } = await setup();
    const run = await newRun(local, 'exp-b');
    const { runs } = await push(local, { filter: "params.lr = '0.1'" });
    const remoteId = runs[0]!.remoteId;

    // As if the app died after the remote committed loss's last batches but before the marks rose.
    local.store.sync.setMark(run.id, 'team', 'loss', 1000);
    local.store.sync.markInFlight(run.id, 'team', 'loss');
    await local.dispatch('logRun', { id: run.id, metrics: points('loss', 10, 2500) });
    expect(await push(local, { runIds: [run.id] })).toMatchObject({ outcome: 'done', points: 10 });
    expect((await remoteHistory(remote, remoteId, 'loss')).map((p) => p.step)).toEqual(points('loss', 2510).map((p) => p.step));

    // As if the app died between creating the remote run and storing the link.
    local.store.db.prepare('DELETE FROM remote_runs WHERE run_id = ?').run(run.id);
    expect(await push(local, { runIds: [run.id] })).toMatchObject({ outcome: 'done', points: 0, runs: [{ localId: run.id, remoteId }] });
    expect(await remoteRunsOf(remote, run.id)).toEqual([remoteId]);
    expect(await remoteHistory(remote, remoteId, 'loss')).toHaveLength(2510);
    expect(await remoteHistory(remote, remoteId, 'acc')).toHaveLength(40);
  });

  it('live-pushes a RUNNING run until it ends', async () => {
    const { local, remote } = await setup();
    const run = await newRun(local, 'exp-c');
    const done = await push(local, { runIds: [run.id] });
    const remoteId = done.runs[0]!.remoteId;
    expect(await syncOf(local, run.id)).toMatchObject({ state: 'pushed', live: true });

    await local.dispatch('logRun', { id: run.id, metrics: points('loss', 3, 2500) });
    await until('live points', async () => (await remoteHistory(remote, remoteId, 'loss')).length === 2503);
    await local.dispatch('finishRun', { id: run.id, status: 'KILLED' });
    await until('the status', async () => ((await remoteGet(remote, `runs/get?run_id=${remoteId}`)).run as { info: { status: string } }).info.status === 'KILLED');
    await until('live off', async () => (await syncOf(local, run.id))?.live === false);
    expect(await syncOf(local, run.id)).toMatchObject({ state: 'pushed', live: false });
    expect(await remoteHistory(remote, remoteId, 'loss')).toHaveLength(2503);
  });

  it('stops a live push on request, and refuses bad input before a job starts', async () => {
    const { local } = await setup();
    const run = await newRun(local, 'exp-d');
    await push(local, { runIds: [run.id] });
    expect(await local.dispatch('stopLivePush', { id: run.id })).toEqual({ stopped: true });
    expect(await syncOf(local, run.id)).toMatchObject({ live: false });
    expect(await local.dispatch('stopLivePush', { id: run.id })).toEqual({ stopped: false });

    await expect(local.dispatch('pushRuns', { remote: 'team', runIds: ['0123456789abcdef0123456789abcdef'] })).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    await expect(local.dispatch('pushRuns', { remote: 'team', experiment: 'nope' })).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    await expect(local.dispatch('pushRuns', { remote: 'other', runIds: [run.id] })).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    const copy = await newRun(local, 'exp-d');
    local.store.sync.insert({ runId: copy.id, remote: 'team', direction: 'pull', remoteRunId: 'abc', remoteExperimentId: '1' });
    await expect(local.dispatch('pushRuns', { remote: 'team', runIds: [copy.id] })).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
    expect(await syncOf(local, copy.id)).toMatchObject({ state: 'remote' });
    // Among an experiment's runs, the pulled copy is left out.
    expect((await push(local, { experiment: 'exp-d', live: false })).runs.map((r) => r.localId)).toEqual([run.id]);
  });

  it('ends a live push whose remote was deleted', async () => {
    const { local } = await setup();
    const run = await newRun(local, 'exp-e');
    await push(local, { runIds: [run.id] });
    expect(await syncOf(local, run.id)).toMatchObject({ live: true });
    await local.dispatch('deleteRemote', { name: 'team' });
    await local.dispatch('logRun', { id: run.id, metrics: points('loss', 1, 2500) });
    await until('live off', async () => (await syncOf(local, run.id))?.live === false);
  });

  it('tests a remote: reachable, refused credentials, unreachable', async () => {
    const { local, remote } = await setup();
    expect(await local.dispatch('testRemote', { name: 'team' })).toMatchObject({ ok: true, experiments: 1 });
    await local.dispatch('saveRemote', { name: 'bad', url: remote.server!.url, secret: 'wrong' });
    expect(await local.dispatch('testRemote', { name: 'bad' })).toMatchObject({ ok: false, experiments: null, message: expect.stringContaining('refused the credentials') });
    await local.dispatch('saveRemote', { name: 'gone', url: 'http://127.0.0.1:9' });
    expect(await local.dispatch('testRemote', { name: 'gone' })).toMatchObject({ ok: false, message: expect.stringContaining('Cannot reach') });
  });
});
