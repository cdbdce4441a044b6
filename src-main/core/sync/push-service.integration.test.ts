// Push against a real `mlflow server` (SQLite backend, proxied artifacts) started here on
// 127.0.0.1: everything read back through its REST API, re-push, a kill and a cancel in the
// middle of a push, and live push across an outage.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src-shared/domain';
import type { SyncDone, SyncProgress } from '../../../src-shared/sync';
import { ArtifactStore } from '../artifacts/artifact-store';
import type { Core } from '../core';
import { send } from '../test-support/http-client';
import { freePort, requireBinaries, startMlflowServer, type ServerProcess } from '../test-support/server-process';
import { startTestCore } from '../test-support/test-core';
import { SOURCE_RUN_TAG } from './push-remote';

const MLFLOW = resolve('.venv/bin/mlflow');
const skip = requireBinaries([MLFLOW]);
const API = '/api/2.0/mlflow';
/** MLflow's SQL stores keep ±Infinity as ±(largest double); NaN comes back as "NaN". */
const MAX_DOUBLE = 1.7976931348623157e308;

type Point = { key: string; value: number | 'NaN' | 'Infinity' | '-Infinity'; step: number; timestamp: number };

function series(key: string, n: number, from = 0, seed = 1): Point[] {
  return Array.from({ length: n }, (_, j) => {
    const i = from + j;
    const value = i % 997 === 3 ? 'NaN' : i % 997 === 5 ? 'Infinity' : i % 997 === 6 ? '-Infinity' : Math.sin(i * seed) * 1e3 + i / 7;
    return { key, value, step: i, timestamp: 1_700_000_000_000 + i * 10 + seed };
  });
}

/** A point as MLflow's SQL store answers it. */
const asStored = (p: Point) => ({
  key: p.key,
  value: p.value === 'Infinity' ? MAX_DOUBLE : p.value === '-Infinity' ? -MAX_DOUBLE : p.value,
  step: p.step,
  timestamp: p.timestamp,
});

describe.skipIf(skip !== null)('push to a real mlflow server', () => {
  let work: string;
  let port: number;
  let mlflow: ServerProcess;
  let local: Core;
  let url: string;

  const startMlflow = () => startMlflowServer({ work, port, artifacts: 'mlartifacts' });

  async function mlGet(path: string): Promise<Record<string, unknown>> {
    const res = await fetch(`${url}${API}/${path}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }

  async function mlPost(path: string, body: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${url}${API}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }

  async function history(remoteRunId: string, key: string): Promise<ReturnType<typeof asStored>[]> {
    const got = (await mlGet(`metrics/get-history?run_id=${remoteRunId}&metric_key=${encodeURIComponent(key)}`)).metrics as ReturnType<typeof asStored>[] | undefined;
    return (got ?? []).sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
  }

  async function remoteRunsOf(localRunId: string): Promise<string[]> {
    const experiments = ((await mlPost('experiments/search', { max_results: 100 })).experiments as { experiment_id: string }[]).map((e) => e.experiment_id);
    const page = await mlPost('runs/search', { experiment_ids: experiments, filter: `tags.\`${SOURCE_RUN_TAG}\` = '${localRunId}'` });
    return ((page.runs ?? []) as { info: { run_id: string } }[]).map((r) => r.info.run_id);
  }

  async function remoteRun(remoteRunId: string) {
    return (await mlGet(`runs/get?run_id=${remoteRunId}`)).run as {
      info: { status: string; run_name: string; start_time: number; end_time?: number; artifact_uri: string };
      data: { params?: { key: string; value: string }[]; tags?: { key: string; value: string }[] };
      inputs?: { dataset_inputs?: unknown[] };
    };
  }

  async function job(jobId: string): Promise<{ progress: SyncProgress; done: SyncDone | null }> {
    return (await local.dispatch('getSyncJob', { id: jobId })) as { progress: SyncProgress; done: SyncDone | null };
  }

  async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, intervalMs = 100, tries = 600): Promise<T> {
    for (let i = 0; i < tries; i++) {
      const got = await probe();
      if (got) return got;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  const startPush = async (input: Record<string, unknown>) => ((await local.dispatch('pushRuns', { remote: 'team', ...input })) as { jobId: string }).jobId;
  const ended = (jobId: string) => until(`job ${jobId}`, async () => (await job(jobId)).done, 50);
  const push = async (input: Record<string, unknown>) => ended(await startPush(input));
  const syncOf = async (id: string) => ((await local.dispatch('getRun', { id })) as { run: RunSummary }).run.sync;

  /** A local run made through the local MLflow routes (so it has an artifact folder), with points. */
  async function localRun(experiment: string, name: string, points: Point[]): Promise<RunSummary> {
    const exp = await send(local, 'GET', `${API}/experiments/get-by-name?experiment_name=${experiment}`).then(async (r) =>
      r.status === 200 ? (r.json().experiment as { experiment_id: string }).experiment_id : null,
    );
    const experimentId = exp ?? ((await send(local, 'POST', `${API}/experiments/create`, { body: JSON.stringify({ name: experiment }) })).json().experiment_id as string);
    const made = await send(local, 'POST', `${API}/runs/create`, { body: JSON.stringify({ experiment_id: experimentId, run_name: name, start_time: 1_700_000_000_000 }) });
    const id = (made.json().run as { info: { run_id: string } }).info.run_id;
    for (let i = 0; i < points.length; i += 10_000) await local.dispatch('logRun', { id, metrics: points.slice(i, i + 10_000) });
    return ((await local.dispatch('getRun', { id })) as { run: RunSummary }).run;
  }

  function writeArtifact(run: RunSummary, rel: string, body: string): void {
    const file = join(new ArtifactStore(join(work, 'local', 'artifacts')).localDir(run.artifactUri)!, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }

  async function expectSameHistory(remoteRunId: string, points: Point[]): Promise<void> {
    for (const key of new Set(points.map((p) => p.key))) {
      expect(await history(remoteRunId, key), key).toEqual(points.filter((p) => p.key === key).map(asStored));
    }
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'runlens-push-'));
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    mlflow = await startMlflow();
    local = await startTestCore(join(work, 'local'), { port: 0 });
    await local.dispatch('saveRemote', { name: 'team', url });
  }, 180_000);

  afterAll(async () => {
    await local?.close();
    await mlflow?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('pushes runs whole and reads back equal; a re-push sends only what is new', async () => {
    const pointsA = [...series('loss', 1500, 0, 1), ...series('val/acc', 600, 0, 2), ...series('lr', 40, 0, 3)];
    const pointsB = [...series('loss', 1200, 0, 4), ...series('grad_norm', 300, 0, 5)];
    const a = await localRun('team-exp', 'alpha', pointsA);
    const b = await localRun('team-exp', 'beta', pointsB);
    await local.dispatch('logRun', { id: a.id, params: { lr: '0.001', layers: '12' }, tags: { owner: 'ana' } });
    const dataset = { name: 'train', digest: 'abc123', source_type: 'local', source: '{"uri": "/data/train.csv"}', schema: '{"mlflow_colspec": [{"type": "double", "name": "x"}]}', profile: '{"num_rows": 150}' };
    const logged = await send(local, 'POST', `${API}/runs/log-inputs`, { body: JSON.stringify({ run_id: a.id, datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset }] }) });
    expect(logged.status).toBe(200);
    writeArtifact(a, 'model/weights.bin', 'w'.repeat(5000));
    writeArtifact(a, 'notes.txt', 'first notes');
    await local.dispatch('finishRun', { id: b.id, status: 'FAILED' });

    const first = await push({ runIds: [a.id, b.id], live: false });
    expect(first).toMatchObject({ outcome: 'done', error: null, points: pointsA.length + pointsB.length, bytes: 5000 + 'first notes'.length });
    const idA = first.runs.find((r) => r.localId === a.id)!.remoteId;
    const idB = first.runs.find((r) => r.localId === b.id)!.remoteId;
    expect(await remoteRunsOf(a.id)).toEqual([idA]);
    expect(await remoteRunsOf(b.id)).toEqual([idB]);
    await expectSameHistory(idA, pointsA);
    await expectSameHistory(idB, pointsB);

    const ra = await remoteRun(idA);
    expect(ra.info).toMatchObject({ status: 'RUNNING', run_name: 'alpha', start_time: 1_700_000_000_000 });
    expect(ra.data.params).toEqual(expect.arrayContaining([{ key: 'lr', value: '0.001' }, { key: 'layers', value: '12' }]));
    expect(ra.data.tags).toEqual(expect.arrayContaining([{ key: 'owner', value: 'ana' }, { key: SOURCE_RUN_TAG, value: a.id }]));
    expect(ra.inputs?.dataset_inputs).toEqual([{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset }]);
    const root = ra.info.artifact_uri.replace(/^mlflow-artifacts:\/*/, '');
    const weights = await fetch(`${url}/api/2.0/mlflow-artifacts/artifacts/${root}/model/weights.bin`);
    expect(await weights.text()).toBe('w'.repeat(5000));
    expect((await remoteRun(idB)).info.status).toBe('FAILED');
    expect(await syncOf(b.id)).toMatchObject({ state: 'pushed', remoteRunId: idB, live: false });

    // Nothing new: nothing sent, nothing doubled.
    expect(await push({ runIds: [a.id, b.id], live: false })).toMatchObject({ outcome: 'done', points: 0, bytes: 0 });
    await expectSameHistory(idA, pointsA);

    // New points, a changed file, then the end: only those go.
    const more = series('loss', 30, 1500, 1);
    await local.dispatch('logRun', { id: a.id, metrics: more });
    writeArtifact(a, 'notes.txt', 'second notes, longer');
    await local.dispatch('finishRun', { id: a.id, status: 'FINISHED' });
    expect(await syncOf(a.id)).toMatchObject({ state: 'behind' });
    expect(await push({ runIds: [a.id], live: false })).toMatchObject({ outcome: 'done', points: 30, bytes: 'second notes, longer'.length });
    await expectSameHistory(idA, [...pointsA, ...more]);
    expect((await remoteRun(idA)).info.status).toBe('FINISHED');
    expect(await syncOf(a.id)).toMatchObject({ state: 'pushed' });
    expect(await remoteRunsOf(a.id)).toEqual([idA]);
  }, 120_000);

  /** A push stopped once some but not all points went out; then pushed again to the end. */
  const KEYS = 12;
  async function interruptedPush(name: string, interrupt: (jobId: string) => Promise<void>): Promise<void> {
    const points = Array.from({ length: KEYS }, (_, k) => series(`m${k}`, 1000, 0, k + 1)).flat();
    const run = await localRun('team-exp', name, points);
    const jobId = await startPush({ runIds: [run.id], live: false });
    const mid = await until('some points out', async () => {
      const { progress, done } = await job(jobId);
      if (done) throw new Error(`the push ended before it could be interrupted: ${JSON.stringify(done)}`);
      return progress.points > 0 ? progress : null;
    }, 5, 20_000);
    expect(mid.points).toBeLessThan(points.length);
    await interrupt(jobId);
    expect((await ended(jobId)).outcome).not.toBe('done');

    const remoteId = (await remoteRunsOf(run.id))[0]!;
    const count = async () => {
      let n = 0;
      for (let k = 0; k < KEYS; k++) n += (await history(remoteId, `m${k}`)).length;
      return n;
    };
    // A cancelled request the server had whole may still commit after the job ended: count
    // once the remote's total stops moving.
    let held = await count();
    await until('the remote to settle', async () => {
      await new Promise((r) => setTimeout(r, 500));
      const now = await count();
      if (now === held) return true;
      held = now;
      return false;
    }, 0, 60);
    const again = await push({ runIds: [run.id], live: false });
    // What the remote lacked, no more: a batch whose answer was lost is counted, not resent.
    expect(again).toMatchObject({ outcome: 'done', points: points.length - held });
    expect(await remoteRunsOf(run.id)).toEqual([remoteId]);
    await expectSameHistory(remoteId, points);
  }

  it('resumes exactly once after the server is killed mid-push', async () => {
    await interruptedPush('killed', async () => {
      await mlflow.kill();
      mlflow = await startMlflow();
    });
  }, 180_000);

  it('resumes exactly once after a cancel mid-push', async () => {
    await interruptedPush('cancelled', async (jobId) => {
      expect(await local.dispatch('cancelSync', { id: jobId })).toEqual({ cancelled: true });
    });
  }, 120_000);

  it('live-pushes a running run, catches up after an outage, and ends with its status', async () => {
    const base = series('loss', 200, 0, 9);
    const run = await localRun('live-exp', 'live', base);
    const done = await push({ runIds: [run.id] });
    const remoteId = done.runs[0]!.remoteId;
    expect(await syncOf(run.id)).toMatchObject({ state: 'pushed', live: true });

    const during = series('loss', 50, 200, 9);
    await local.dispatch('logRun', { id: run.id, metrics: during });
    await until('live points', async () => (await history(remoteId, 'loss')).length === 250);

    await mlflow.kill();
    const outage = series('loss', 50, 250, 9);
    await local.dispatch('logRun', { id: run.id, metrics: outage });
    await until('the failure recorded', async () => (await syncOf(run.id))?.error);
    mlflow = await startMlflow();
    await until('caught up', async () => (await history(remoteId, 'loss')).length === 300, 200, 300);
    await until('error cleared', async () => (await syncOf(run.id))?.error === null);

    await local.dispatch('finishRun', { id: run.id, status: 'FINISHED' });
    await until('status pushed', async () => (await remoteRun(remoteId)).info.status === 'FINISHED');
    await until('live off', async () => (await syncOf(run.id))?.live === false);
    expect(await syncOf(run.id)).toMatchObject({ state: 'pushed', live: false, error: null });
    await expectSameHistory(remoteId, [...base, ...during, ...outage]);
  }, 180_000);
});
