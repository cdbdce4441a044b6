// The MLflow REST layer at the HTTP level: error codes and statuses MLflow's client relies on,
// artifact path safety, search paging. The real `mlflow` client is exercised by e2e/mlflow.
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { nextEvent } from '../test-support/next-event';
import { send } from '../test-support/http-client';
import type { Core } from '../core';

const tempDir = useTempDirs();
const API = '/api/2.0/mlflow';

async function post(core: Core, path: string, body: unknown) {
  return send(core, 'POST', `${API}/${path}`, { body: JSON.stringify(body) });
}

async function newRun(core: Core, body: object = {}): Promise<{ runId: string; artifactUri: string }> {
  const r = await post(core, 'runs/create', { experiment_id: '0', start_time: 1000, ...body });
  expect(r.status).toBe(200);
  const info = (r.json().run as { info: { run_id: string; artifact_uri: string } }).info;
  return { runId: info.run_id, artifactUri: info.artifact_uri };
}

describe('MLflow REST routes', () => {
  it('creates and reads runs in MLflow JSON, with metrics, params, tags and NaN', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    const { runId, artifactUri } = await newRun(core, { run_name: 'first', tags: [{ key: 'team', value: 'x' }] });
    expect(artifactUri).toBe(`mlflow-artifacts:/0/${runId}/artifacts`);
    expect((await post(core, 'runs/log-batch', {
      run_id: runId,
      metrics: [
        { key: 'loss', value: 0.5, timestamp: 10, step: 1 },
        { key: 'loss', value: 'NaN', timestamp: 11, step: 2 },
      ],
      params: [{ key: 'lr', value: '0.1' }],
    })).status).toBe(200);
    const got = await send(core, 'GET', `${API}/runs/get?run_id=${runId}`);
    const run = got.json().run as { info: Record<string, unknown>; data: Record<string, unknown[]> };
    expect(run.info).toMatchObject({ run_id: runId, run_uuid: runId, run_name: 'first', experiment_id: '0', status: 'RUNNING', lifecycle_stage: 'active' });
    expect(run.data.metrics).toEqual([{ key: 'loss', value: 'NaN', timestamp: 11, step: 2 }]);
    expect(run.data.params).toEqual([{ key: 'lr', value: '0.1' }]);
    expect(run.data.tags).toEqual(expect.arrayContaining([{ key: 'team', value: 'x' }, { key: 'mlflow.runName', value: 'first' }]));
    const history = await send(core, 'GET', `${API}/metrics/get-history?run_id=${runId}&metric_key=loss`);
    expect(history.json().metrics).toEqual([
      { key: 'loss', value: 0.5, timestamp: 10, step: 1 },
      { key: 'loss', value: 'NaN', timestamp: 11, step: 2 },
    ]);
    // The same run through the native API: one store behind both.
    expect((await core.dispatch('getRun', { id: runId }) as { run: { sourceKind: string } }).run.sourceKind).toBe('mlflow');
    await core.close();
  });

  it('answers with MLflow error codes and statuses', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    const { runId } = await newRun(core);
    await post(core, 'runs/log-parameter', { run_id: runId, key: 'lr', value: '0.1' });
    const cases: [Promise<{ status: number; json: () => Record<string, unknown> }>, number, string][] = [
      [send(core, 'GET', `${API}/runs/get?run_id=0123456789abcdef0123456789abcdef`), 404, 'RESOURCE_DOES_NOT_EXIST'],
      [post(core, 'runs/log-parameter', { run_id: runId, key: 'lr', value: '0.2' }), 400, 'INVALID_PARAMETER_VALUE'],
      [post(core, 'experiments/create', { name: 'Default' }), 400, 'RESOURCE_ALREADY_EXISTS'],
      [post(core, 'runs/log-metric', { run_id: runId, key: 'k', value: 1 }), 400, 'INVALID_PARAMETER_VALUE'],
      [post(core, 'runs/log-batch', { run_id: runId, metrics: Array.from({ length: 1001 }, (_, i) => ({ key: 'k', value: 1, timestamp: 1, step: i })) }), 400, 'INVALID_PARAMETER_VALUE'],
      [post(core, 'runs/search', { experiment_ids: ['0'], filter: 'metrics.acc > high' }), 400, 'INVALID_PARAMETER_VALUE'],
      [send(core, 'GET', `${API}/experiments/get-by-name?experiment_name=nope`), 404, 'RESOURCE_DOES_NOT_EXIST'],
      [send(core, 'GET', `${API}/no/such/route`), 404, 'ENDPOINT_NOT_FOUND'],
      [send(core, 'GET', '/api/3.0/mlflow/server-info'), 404, 'ENDPOINT_NOT_FOUND'],
    ];
    for (const [reply, status, code] of cases) {
      const r = await reply;
      expect([r.status, r.json().error_code]).toEqual([status, code]);
    }
    await core.close();
  });

  it('refuses writes to a deleted run and restores it', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    const { runId } = await newRun(core);
    await post(core, 'runs/delete', { run_id: runId });
    const refused = await post(core, 'runs/set-tag', { run_id: runId, key: 'a', value: 'b' });
    expect([refused.status, refused.json().error_code]).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    expect((await core.dispatch('listRuns', {}) as { runs: unknown[] }).runs).toEqual([]);
    await post(core, 'runs/restore', { run_id: runId });
    expect((await post(core, 'runs/set-tag', { run_id: runId, key: 'a', value: 'b' })).status).toBe(200);
    await core.close();
  });

  it('searches with filters, order and page tokens', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    for (let i = 0; i < 5; i++) {
      const { runId } = await newRun(core, { run_name: `run-${i}`, start_time: 1000 + i });
      await post(core, 'runs/log-metric', { run_id: runId, key: 'acc', value: i / 10, timestamp: 1, step: 0 });
    }
    const names = async (body: object) => {
      const r = (await post(core, 'runs/search', { experiment_ids: ['0'], ...body })).json();
      return { names: (r.runs as { info: { run_name: string } }[] | undefined ?? []).map((x) => x.info.run_name), next: r.next_page_token as string | undefined };
    };
    expect((await names({})).names).toEqual(['run-4', 'run-3', 'run-2', 'run-1', 'run-0']);
    expect((await names({ filter: 'metrics.acc >= 0.2', order_by: ['metrics.acc ASC'] })).names).toEqual(['run-2', 'run-3', 'run-4']);
    const first = await names({ max_results: 2, order_by: ['attributes.run_name'] });
    expect(first.names).toEqual(['run-0', 'run-1']);
    const second = await names({ max_results: 2, order_by: ['attributes.run_name'], page_token: first.next });
    expect(second.names).toEqual(['run-2', 'run-3']);
    await core.close();
  });

  it('stores artifacts through the proxy and never outside its folder', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    const { runId } = await newRun(core);
    const base = `/api/2.0/mlflow-artifacts/artifacts/0/${runId}/artifacts`;
    // An open run page learns of a new file from its run's event (earlier events delivered first).
    core.hub.flush();
    const announced = nextEvent(core, (e) => e.type === 'run.updated' && e.data.run.id === runId);
    expect((await send(core, 'PUT', `${base}/plots/loss.txt`, { body: 'hello', json: false })).status).toBe(200);
    await announced;
    expect((await send(core, 'GET', `${base}/plots/loss.txt`)).body).toBe('hello');
    const listed = await send(core, 'GET', `/api/2.0/mlflow-artifacts/artifacts?path=0/${runId}/artifacts/plots`);
    expect(listed.json()).toEqual({ files: [{ path: 'loss.txt', is_dir: false, file_size: 5 }] });
    for (const evil of ['../../../../etc/passwd', '..%2f..%2f..%2fetc%2fpasswd', '%2e%2e/%2e%2e/x', 'a/../../b']) {
      const put = await send(core, 'PUT', `/api/2.0/mlflow-artifacts/artifacts/${evil}`, { body: 'x', json: false });
      const get = await send(core, 'GET', `/api/2.0/mlflow-artifacts/artifacts/${evil}`);
      expect(put.status, evil).not.toBe(200);
      // URL normalisation may turn a dot-segment path into a UI route: the app page, no file.
      expect(get.status === 200 ? get.body.includes('runlens-token') : get.json().error_code, evil).toBeTruthy();
      expect(get.body).not.toContain('root:');
    }
    const entries = await core.dispatch('listArtifacts', { id: runId, path: 'plots' });
    expect(entries).toMatchObject({ entries: [{ path: 'plots/loss.txt', isDir: false, size: 5 }] });
    expect(await core.dispatch('previewArtifact', { id: runId, path: 'plots/loss.txt' })).toMatchObject({ encoding: 'utf8', content: 'hello', truncated: false });
    await expect(core.dispatch('previewArtifact', { id: runId, path: '../../x' })).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
    await core.close();
  });
});
