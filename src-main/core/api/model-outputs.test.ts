// A model a run produced, declared over the native API by its files under the run's artifacts:
// the same logged model a run folder's outputs.json {"kind": "model"} entry records.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { send } from '../test-support/http-client';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { runModelId } from '../lineage/run-models';

const tempDir = useTempDirs();

async function runWithModelFiles(): Promise<{ core: Core; id: string; root: string }> {
  const core = await startTestCore(tempDir(), { port: 0 });
  const created = await send(core, 'POST', '/api/v1/runs', { body: JSON.stringify({ experiment: 'models' }) });
  const id = (created.json().run as { id: string }).id;
  const put = await send(core, 'PUT', `/api/v1/runs/${id}/artifacts/model/model.pkl`, { body: 'pickle', json: false });
  expect(put.status).toBe(201);
  const root = (await send(core, 'GET', `/api/v1/runs/${id}/artifacts`)).json().root as string;
  return { core, id, root };
}

const outputs = (core: Core, id: string, body: unknown) => send(core, 'POST', `/api/v1/runs/${id}/outputs`, { body: JSON.stringify(body) });

describe('addRunOutputs with kind "model"', () => {
  it('records a logged model of the run over its uploaded files, once however often it is declared', async () => {
    const { core, id, root } = await runWithModelFiles();
    const r = await outputs(core, id, { outputs: [{ kind: 'model', artifactPath: 'model', name: 'classifier' }] });
    expect(r.status).toBe(200);
    const modelId = runModelId(id, join(root, 'model'));
    const model = { id: modelId, name: 'classifier', status: 'LOGGED_MODEL_READY', step: 0, artifactUri: join(root, 'model') };
    expect(r.json()).toEqual({ outputs: [], models: [model] });
    expect((await outputs(core, id, { outputs: [{ kind: 'model', artifactPath: 'model/', name: 'classifier' }] })).json().models).toEqual([model]);
    expect((await send(core, 'GET', `/api/v1/runs/${id}/io`)).json().models).toEqual([model]);
    expect(core.store.models.get(modelId)).toMatchObject({ sourceRunId: id, experimentId: core.store.runs.summary(id)!.experimentId });
    // The model's own files list like any model the run produced.
    const files = await send(core, 'GET', `/api/v1/runs/${id}/artifacts?modelId=${modelId}`);
    expect(files.json().entries).toEqual([{ path: 'model.pkl', isDir: false, size: 6 }]);
    await core.close();
  });

  it('records a model and datasets of one request together, and nothing when one of them is bad', async () => {
    const { core, id } = await runWithModelFiles();
    const csv = join(tempDir(), 'preds.csv');
    writeFileSync(csv, 'y\n1\n');
    const bad = await outputs(core, id, { outputs: [{ path: csv }, { kind: 'model', artifactPath: 'missing' }] });
    expect([bad.status, bad.json().error_code]).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    expect(bad.json().message).toContain('outputs.1.artifactPath');
    const io = (await send(core, 'GET', `/api/v1/runs/${id}/io`)).json();
    expect([io.outputs, io.models]).toEqual([[], []]);
    const ok = await outputs(core, id, { outputs: [{ path: csv }, { kind: 'model', artifactPath: 'model/model.pkl' }] });
    expect(ok.json()).toMatchObject({ outputs: [{ name: 'preds.csv' }], models: [{ name: 'model.pkl' }] });
    await core.close();
  });

  it('refuses a model without artifactPath, an artifactPath on a dataset, and a path leaving the artifacts', async () => {
    const { core, id } = await runWithModelFiles();
    const fail = async (body: unknown, text: string) => {
      const r = await outputs(core, id, body);
      expect([r.status, r.json().error_code]).toEqual([400, 'INVALID_PARAMETER_VALUE']);
      expect(r.json().message).toContain(text);
    };
    await fail({ outputs: [{ kind: 'model', name: 'm' }] }, 'outputs.0.artifactPath');
    await fail({ outputs: [{ artifactPath: 'model', path: '/x' }] }, 'is only for kind "model"');
    await fail({ outputs: [{ kind: 'model', artifactPath: '../../../../etc' }] }, 'Invalid artifact path');
    await fail({ outputs: [{ kind: 'artifact' }] }, 'needs a path, or a digest and a name');
    await core.close();
  });

  it('refuses a model that a symlink in the run’s artifacts leads outside them', async () => {
    const { core, id, root } = await runWithModelFiles();
    const outside = tempDir();
    writeFileSync(join(outside, 'weights.bin'), 'not the run’s');
    symlinkSync(outside, join(root, 'linked'));
    const r = await outputs(core, id, { outputs: [{ kind: 'model', artifactPath: 'linked', name: 'stolen' }] });
    expect([r.status, r.json().error_code]).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    expect(r.json().message).toContain('Invalid artifact path');
    expect((await send(core, 'GET', `/api/v1/runs/${id}/io`)).json().models).toEqual([]);
    await core.close();
  });

  it('asks for the files first on a run that has no artifacts yet', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    const id = ((await send(core, 'POST', '/api/v1/runs', { body: '{}' })).json().run as { id: string }).id;
    const r = await outputs(core, id, { outputs: [{ kind: 'model', artifactPath: 'model' }] });
    expect(r.json().message).toContain('upload the model');
    await core.close();
  });
});

describe('the run-folder outputs.json model entry', () => {
  it('records the same kind of logged model, under the same id rule', async () => {
    const core = await startTestCore(tempDir());
    const folder = join(tempDir(), 'r');
    mkdirSync(join(folder, 'artifacts', 'model'), { recursive: true });
    writeFileSync(join(folder, 'artifacts', 'model', 'model.pkl'), 'pickle');
    writeFileSync(join(folder, 'run.json'), JSON.stringify({ id: 'folderrun' }));
    writeFileSync(join(folder, 'outputs.json'), JSON.stringify([{ path: 'artifacts/model', kind: 'model', name: 'classifier' }]));
    await core.watch.ingestOnce(folder);
    const io = (await core.dispatch('getRunIO', { id: 'folderrun' })) as { models: unknown[] };
    expect(io.models).toEqual([{ id: runModelId('folderrun', join(folder, 'artifacts', 'model')), name: 'classifier', status: 'LOGGED_MODEL_READY', step: 0, artifactUri: join(folder, 'artifacts', 'model') }]);
    await core.close();
  });
});
