// Pull against a second in-process core speaking MLflow's REST API (the "remote"): imports,
// re-pulls, follows, read-only copies, and a hostile remote's artifact paths.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { send } from '../test-support/http-client';
import type { Core } from '../core';
import { ArtifactStore } from '../artifacts/artifact-store';
import { createSync } from './create-sync';
import { SOURCE_RUN_TAG } from './push-remote';
import type { SyncDone } from '../../../src-shared/sync';

const tempDir = useTempDirs();
const API = '/api/2.0/mlflow';

async function call(core: Core, path: string, body: unknown): Promise<Record<string, unknown>> {
  const r = await send(core, 'POST', `${API}/${path}`, { body: JSON.stringify(body) });
  expect(r.status, r.body).toBe(200);
  return r.json();
}

/** A run on the remote with two series (one holding NaN and ±Inf), params, tags, an input and two artifacts. */
async function remoteRun(remote: Core, experimentId: string, name: string): Promise<string> {
  const created = await call(remote, 'runs/create', { experiment_id: experimentId, start_time: 1000, run_name: name, tags: [{ key: 'team', value: 'vision' }] });
  const runId = (created.run as { info: { run_id: string } }).info.run_id;
  await call(remote, 'runs/log-batch', {
    run_id: runId,
    metrics: [
      { key: 'loss', value: 0.5, timestamp: 1001, step: 0 },
      { key: 'loss', value: 'NaN', timestamp: 1002, step: 1 },
      { key: 'loss', value: 0.25, timestamp: 1003, step: 2 },
      { key: 'acc', value: 'Infinity', timestamp: 1004, step: 5 },
      { key: 'acc', value: '-Infinity', timestamp: 1004, step: 3 },
    ],
    params: [{ key: 'lr', value: '0.01' }],
    tags: [{ key: 'note', value: 'first' }],
  });
  await call(remote, 'runs/log-inputs', {
    run_id: runId,
    datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset: { name: 'mnist', digest: 'abc123', source_type: 'local', source: '/data/mnist', schema: '{"x":1}', profile: '{"num_rows": 10}' } }],
  });
  for (const [path, body] of [['model/weights.bin', Buffer.from([0, 1, 2, 255])], ['notes.txt', Buffer.from('hello')]] as const) {
    const r = await send(remote, 'PUT', `/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${runId}/artifacts/${path}`, { body, json: false });
    expect(r.status).toBe(200);
  }
  return runId;
}

async function setUp() {
  const remote = await startTestCore(tempDir(), { port: 0 });
  const localDir = tempDir();
  const local = await startTestCore(localDir, { port: 0 });
  await local.handlers.saveRemote({ name: 'team', url: remote.server!.url, username: '', secret: remote.token! });
  const exp = await call(remote, 'experiments/create', { name: 'shared' });
  return { remote, local, localDir, experimentId: exp.experiment_id as string };
}

async function finished(core: Core, jobId: string): Promise<SyncDone> {
  for (let i = 0; i < 500; i++) {
    const { done } = await core.handlers.getSyncJob({ id: jobId });
    if (done) return done;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${jobId} did not end`);
}

async function pull(core: Core, input: { runIds?: string[]; experimentId?: string; follow?: boolean }): Promise<SyncDone> {
  const { jobId } = await core.handlers.pullRuns({ remote: 'team', follow: false, ...input });
  return finished(core, jobId);
}

function series(core: Core, runId: string, key: string) {
  const c = core.store.metrics.read(runId, key)!;
  return { step: Array.from(c.step), timestamp: Array.from(c.timestamp), value: Array.from(c.value) };
}

/** The copy holds what the remote run holds: series, params, tags, inputs, status and artifacts. */
function expectSameRun(remote: Core, remoteId: string, local: Core, localId: string, localDir: string) {
  const r = remote.store.runs.summary(remoteId)!;
  const l = local.store.runs.summary(localId)!;
  expect(l).toMatchObject({ name: r.name, status: r.status, startTime: r.startTime, endTime: r.endTime, params: r.params, tags: r.tags, sourceKind: 'mlflow-remote', experiment: 'shared' });
  expect(l.sourcePath).toBe(`${remote.server!.url.replace(/\/$/, '')}/#/experiments/${r.experimentId}/runs/${remoteId}`);
  for (const m of r.metrics) expect(series(local, localId, m.key)).toEqual(series(remote, remoteId, m.key));
  expect(l.metrics.map((m) => m.key).sort()).toEqual(r.metrics.map((m) => m.key).sort());
  expect(local.store.datasets.inputsOf(localId)).toEqual(remote.store.datasets.inputsOf(remoteId));
  const artifacts = new ArtifactStore(join(localDir, 'artifacts'));
  const dir = artifacts.localDir(l.artifactUri)!;
  expect(readFileSync(join(dir, 'model/weights.bin'))).toEqual(Buffer.from([0, 1, 2, 255]));
  expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('hello');
}

/** A fake remote answering runs/get and experiments/get with `run`, and the rest with `other`. */
async function fakeRemote(run: object, other: (path: string, res: ServerResponse) => void): Promise<{ url: string; close(): void }> {
  const fake: Server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const answer = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path.endsWith('/runs/get')) answer({ run });
    else if (path.endsWith('/experiments/get')) answer({ experiment: { experiment_id: '1', name: 'fake' } });
    else other(path, res);
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(fake.address() as { port: number }).port}`,
    close: () => {
      fake.closeAllConnections();
      fake.close();
    },
  };
}

const totalChanges = (core: Core) => (core.store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('pull from a remote MLflow server', () => {
  it('browses experiments and runs, pulls a whole experiment exactly, and marks the copies', async () => {
    const { remote, local, localDir, experimentId } = await setUp();
    const a = await remoteRun(remote, experimentId, 'alpha');
    const b = await remoteRun(remote, experimentId, 'beta');

    const { experiments } = await local.handlers.listRemoteExperiments({ name: 'team' });
    expect(experiments.find((e) => e.id === experimentId)).toMatchObject({ name: 'shared', followed: false });
    const listed = await local.handlers.listRemoteRuns({ name: 'team', experimentId });
    expect(listed.runs.map((r) => r.id).sort()).toEqual([a, b].sort());
    expect(listed.runs.every((r) => r.localRunId === null)).toBe(true);

    const done = await pull(local, { experimentId });
    expect(done).toMatchObject({ outcome: 'done', error: null, points: 10, bytes: 18 });
    expect(done.runs.map((r) => r.remoteId).sort()).toEqual([a, b].sort());
    expectSameRun(remote, a, local, a, localDir);
    expectSameRun(remote, b, local, b, localDir);
    expect(local.store.runs.summary(a)!.sync).toMatchObject({ state: 'remote', remote: 'team', remoteRunId: a, remoteExperimentId: experimentId });
    expect((await local.handlers.listRemoteRuns({ name: 'team', experimentId })).runs.map((r) => r.localRunId).sort()).toEqual([a, b].sort());

    // Nothing changed remotely: a second pull writes nothing.
    const before = totalChanges(local);
    expect(await pull(local, { experimentId })).toMatchObject({ outcome: 'done', points: 0, bytes: 0 });
    expect(totalChanges(local)).toBe(before);
    await local.close();
    await remote.close();
  });

  it('re-pulls a changed run: new points, status, tags and artifacts, nothing duplicated', async () => {
    const { remote, local, localDir, experimentId } = await setUp();
    const a = await remoteRun(remote, experimentId, 'alpha');
    await pull(local, { runIds: [a] });
    await call(remote, 'runs/log-batch', { run_id: a, metrics: [{ key: 'loss', value: 0.125, timestamp: 1010, step: 3 }], tags: [{ key: 'note', value: 'second' }] });
    await call(remote, 'runs/delete-tag', { run_id: a, key: 'team' });
    await send(remote, 'PUT', `/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${a}/artifacts/late.txt`, { body: 'late', json: false });
    await call(remote, 'runs/update', { run_id: a, status: 'FINISHED', end_time: 2000 });

    const done = await pull(local, { runIds: [a] });
    // Only the changed key's series came again (4 points), and only the new file.
    expect(done).toMatchObject({ outcome: 'done', points: 4, bytes: 4 });
    expectSameRun(remote, a, local, a, localDir);
    expect(local.store.runs.summary(a)).toMatchObject({ status: 'FINISHED', endTime: 2000 });
    expect(local.store.runs.summary(a)!.tags.team).toBeUndefined();
    await local.close();
    await remote.close();
  });

  it('follows an experiment: a poll brings new runs and new points', async () => {
    const { remote, local, localDir, experimentId } = await setUp();
    const a = await remoteRun(remote, experimentId, 'alpha');
    await pull(local, { experimentId, follow: true });
    expect((await local.handlers.listFollows({})).follows).toEqual([{ remote: 'team', experimentId, experimentName: 'shared', polledAt: null, error: null }]);
    expect((await local.handlers.listRemoteExperiments({ name: 'team' })).experiments.find((e) => e.id === experimentId)?.followed).toBe(true);

    const b = await remoteRun(remote, experimentId, 'beta');
    await call(remote, 'runs/log-metric', { run_id: a, key: 'loss', value: 0.1, timestamp: 1020, step: 9 });
    // A second set of services over the same store polls as the core's would.
    const sync = createSync({ store: local.store, hub: local.hub, artifacts: new ArtifactStore(join(localDir, 'artifacts')), dataDir: localDir, log: () => {} });
    await sync.pull.pollOnce();
    expectSameRun(remote, a, local, a, localDir);
    expectSameRun(remote, b, local, b, localDir);
    expect(series(local, a, 'loss').step).toEqual([0, 1, 2, 9]);
    const [follow] = sync.pull.follows();
    expect(follow!.polledAt).not.toBeNull();
    expect(follow!.error).toBeNull();

    expect(sync.pull.unfollow('team', experimentId)).toBe(true);
    expect(sync.pull.follows()).toEqual([]);
    await sync.close();
    await local.close();
    await remote.close();
  });

  it('keeps pulled copies read-only through the native and the MLflow API, and lets them be deleted', async () => {
    const { remote, local, experimentId } = await setUp();
    const a = await remoteRun(remote, experimentId, 'alpha');
    await pull(local, { runIds: [a] });
    const before = local.store.runs.summary(a)!;
    const message = `Run ${a} is a read-only copy of run ${a} on remote 'team'`;

    await expect(Promise.resolve().then(() => local.handlers.logRun({ id: a, metrics: [{ key: 'loss', value: 1, step: 7 }] } as never))).rejects.toMatchObject({ code: 'PERMISSION_DENIED', message });
    await expect(Promise.resolve().then(() => local.handlers.finishRun({ id: a, status: 'FAILED' }))).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(local.handlers.addRunInputs({ id: a, inputs: [{ kind: 'dataset', uri: '/nope' }] } as never)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    const writes: [string, unknown][] = [
      ['runs/log-metric', { run_id: a, key: 'loss', value: 1, timestamp: 1, step: 7 }],
      ['runs/log-batch', { run_id: a, params: [{ key: 'new', value: '1' }] }],
      ['runs/log-parameter', { run_id: a, key: 'new', value: '1' }],
      ['runs/set-tag', { run_id: a, key: 'note', value: 'mine' }],
      ['runs/delete-tag', { run_id: a, key: 'note' }],
      ['runs/update', { run_id: a, status: 'KILLED' }],
      ['runs/log-inputs', { run_id: a, datasets: [] }],
    ];
    for (const [path, body] of writes) {
      const r = await send(local, 'POST', `${API}/${path}`, { body: JSON.stringify(body) });
      expect([path, r.status, r.json().error_code]).toEqual([path, 403, 'PERMISSION_DENIED']);
    }
    const dir = before.artifactUri!.replace('mlflow-artifacts:/', '');
    const uploads = [
      await send(local, 'PUT', `/api/2.0/mlflow-artifacts/artifacts/${dir}/x.txt`, { body: 'x', json: false }),
      await send(local, 'PUT', `/api/v1/runs/${a}/artifacts/x.txt`, { body: 'x', json: false }),
    ];
    expect(uploads.map((u) => u.status)).toEqual([403, 403]);
    const after = local.store.runs.summary(a)!;
    expect(after).toEqual(before);

    const deleted = await send(local, 'POST', `${API}/runs/delete`, { body: JSON.stringify({ run_id: a }) });
    expect(deleted.status).toBe(200);
    expect(local.store.runs.summary(a)!.lifecycleStage).toBe('deleted');
    await local.close();
    await remote.close();
  });

  it('does not import again a run pushed from this store, and names a copy apart from a local run of the same id', async () => {
    const { remote, local, experimentId } = await setUp();
    const a = await remoteRun(remote, experimentId, 'alpha');
    const b = await remoteRun(remote, experimentId, 'beta');
    // `a` is the remote copy of a local run pushed from here; a local run already has b's id.
    local.store.tx(() => {
      local.store.runs.insert({ id: a, experiment: 'mine', name: 'original', status: 'FINISHED', startTime: 1, endTime: 2, sourceKind: 'api', sourcePath: null });
      local.store.sync.insert({ runId: a, remote: 'team', direction: 'push', remoteRunId: a, remoteExperimentId: experimentId });
      local.store.runs.insert({ id: b, experiment: 'mine', name: 'unrelated', status: 'FINISHED', startTime: 1, endTime: 2, sourceKind: 'api', sourcePath: null });
    });
    // A push that died before storing its link leaves a remote run tagged with its source alone.
    local.store.tx(() => local.store.runs.insert({ id: 'orig', experiment: 'mine', name: 'half-pushed', status: 'FINISHED', startTime: 1, endTime: 2, sourceKind: 'api', sourcePath: null }));
    const created = await call(remote, 'runs/create', { experiment_id: experimentId, start_time: 5, run_name: 'half', tags: [{ key: SOURCE_RUN_TAG, value: 'orig' }] });
    const c = (created.run as { info: { run_id: string } }).info.run_id;
    const listed = (await local.handlers.listRemoteRuns({ name: 'team', experimentId })).runs;
    expect(Object.fromEntries(listed.map((r) => [r.id, r.localRunId]))).toEqual({ [a]: a, [b]: null, [c]: 'orig' });

    const done = await pull(local, { experimentId });
    expect(done.outcome).toBe('done');
    expect(local.store.sync.byRemoteId('team', c)).toBeNull();
    expect(local.store.runs.list().filter((r) => r.name === 'half')).toEqual([]);
    expect(local.store.runs.summary(a)).toMatchObject({ name: 'original', sourceKind: 'api', metrics: [] });
    expect(local.store.runs.summary(b)).toMatchObject({ name: 'unrelated', sourceKind: 'api' });
    const copy = local.store.sync.byRemoteId('team', b)!;
    expect(copy).toMatchObject({ runId: `team-${b}`, direction: 'pull' });
    expect(local.store.runs.summary(copy.runId)).toMatchObject({ name: 'beta', sourceKind: 'mlflow-remote' });
    expect(done.runs).toEqual(expect.arrayContaining([{ localId: a, remoteId: a }, { localId: `team-${b}`, remoteId: b }, { localId: 'orig', remoteId: c }]));
    await local.close();
    await remote.close();
  });

  it('refuses an unknown remote at once and fails the job for an unknown experiment', async () => {
    const { remote, local } = await setUp();
    await expect(Promise.resolve().then(() => local.handlers.pullRuns({ remote: 'nobody', experimentId: '1', follow: false }))).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    await expect(local.handlers.listRemoteExperiments({ name: 'nobody' })).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    const done = await pull(local, { experimentId: '424242' });
    expect(done.outcome).toBe('failed');
    expect(done.error).toContain("Remote 'team'");
    await local.close();
    await remote.close();
  });

  it("refuses a hostile remote's artifact path that would leave the run's folder", async () => {
    const localDir = tempDir();
    const local = await startTestCore(localDir, { port: 0 });
    const run = { info: { run_id: 'evil1', experiment_id: '1', run_name: 'evil', status: 'FINISHED', start_time: 1, artifact_uri: 'mlflow-artifacts:/1/evil1/artifacts' }, data: {} };
    const fake = await fakeRemote(run, (path, res) => {
      if (path.endsWith('/mlflow-artifacts/artifacts')) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ files: [{ path: '../../../escaped.txt', is_dir: false, file_size: 1 }] }));
      else res.writeHead(200).end('x');
    });
    await local.handlers.saveRemote({ name: 'team', url: fake.url, username: '' });
    const done = await pull(local, { runIds: ['evil1'] });
    expect(done.outcome).toBe('failed');
    expect(done.error).toContain('Invalid artifact path');
    expect(local.store.sync.byRemoteId('team', 'evil1')).toBeNull();
    expect(local.store.runs.exists('evil1')).toBe(false);
    expect(existsSync(join(localDir, 'escaped.txt'))).toBe(false);
    expect(existsSync(join(localDir, 'artifacts', 'escaped.txt'))).toBe(false);
    fake.close();
    await local.close();
  });

  it('cancels a pull waiting on the remote; nothing of the run is stored', async () => {
    const local = await startTestCore(tempDir(), { port: 0 });
    const run = { info: { run_id: 'slow1', experiment_id: '1', run_name: 'slow', status: 'RUNNING', start_time: 1, artifact_uri: '' }, data: { metrics: [{ key: 'loss', value: 1, timestamp: 1, step: 0 }] } };
    let historyAsked = false;
    // get-history is never answered.
    const fake = await fakeRemote(run, () => (historyAsked = true));
    await local.handlers.saveRemote({ name: 'team', url: fake.url, username: '' });
    const { jobId } = await local.handlers.pullRuns({ remote: 'team', runIds: ['slow1'], follow: false });
    for (let i = 0; i < 500 && !historyAsked; i++) await new Promise((r) => setTimeout(r, 10));
    expect(historyAsked).toBe(true);
    expect(await local.handlers.cancelSync({ id: jobId })).toEqual({ cancelled: true });
    expect(await finished(local, jobId)).toMatchObject({ outcome: 'cancelled', runs: [] });
    expect(local.store.runs.exists('slow1')).toBe(false);
    fake.close();
    await local.close();
  });
});
