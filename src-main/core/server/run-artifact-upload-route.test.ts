import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { send } from '../test-support/http-client';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { ArtifactStore } from '../artifacts/artifact-store';
import type { Core } from '../core';

const tempDir = useTempDirs();

async function coreWithRun(): Promise<{ core: Core; id: string }> {
  const core = await startTestCore(tempDir(), { port: 0 });
  const created = await send(core, 'POST', '/api/v1/runs', { body: JSON.stringify({ experiment: 'files' }) });
  return { core, id: (created.json().run as { id: string }).id };
}

describe('PUT /api/v1/runs/{id}/artifacts/{path}', () => {
  it('stores the raw body in the run artifact folder, where the run page lists it', async () => {
    const { core, id } = await coreWithRun();
    const r = await send(core, 'PUT', `/api/v1/runs/${id}/artifacts/runlens/./requirements.txt`, { body: 'numpy==2.0.0\n', json: false });
    expect(r.status).toBe(201);
    expect(r.json()).toEqual({ path: 'runlens/requirements.txt', bytes: 13 });
    const listed = await send(core, 'GET', `/api/v1/runs/${id}/artifacts?path=runlens`);
    expect(listed.json().entries).toEqual([{ path: 'runlens/requirements.txt', isDir: false, size: 13 }]);
    const root = listed.json().root as string;
    expect(readFileSync(join(root, 'runlens', 'requirements.txt'), 'utf8')).toBe('numpy==2.0.0\n');
    // A second upload to the same path replaces the file.
    expect((await send(core, 'PUT', `/api/v1/runs/${id}/artifacts/runlens/requirements.txt`, { body: 'x', json: false })).json()).toEqual({ path: 'runlens/requirements.txt', bytes: 1 });
    await core.close();
  });

  it('takes a body larger than the JSON limit', async () => {
    const { core, id } = await coreWithRun();
    const big = Buffer.alloc(33 * 1024 * 1024, 7);
    const r = await send(core, 'PUT', `/api/v1/runs/${id}/artifacts/model/weights.bin`, { body: big, json: false });
    expect(r.json()).toEqual({ path: 'model/weights.bin', bytes: big.length });
    await core.close();
  });

  it('answers MLflow-style errors: unknown run, traversal, no token', async () => {
    const { core, id } = await coreWithRun();
    const unknown = await send(core, 'PUT', '/api/v1/runs/nope/artifacts/a.txt', { body: 'x', json: false });
    expect([unknown.status, unknown.json().error_code]).toEqual([404, 'RESOURCE_DOES_NOT_EXIST']);
    for (const path of ['..%2F..%2Fescape.txt', 'a/..%2F..%2F..%2Fescape.txt', '..%5Cescape.txt', '%2Fetc%2Fpasswd', 'a%00b']) {
      const r = await send(core, 'PUT', `/api/v1/runs/${id}/artifacts/${path}`, { body: 'x', json: false });
      expect([r.status, r.json().error_code], path).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    }
    const anonymous = await send(core, 'PUT', `/api/v1/runs/${id}/artifacts/a.txt`, { body: 'x', json: false, auth: false });
    expect(anonymous.status).toBe(401);
    const listed = await send(core, 'GET', `/api/v1/runs/${id}/artifacts`);
    expect(listed.json().entries).toEqual([]);
    await core.close();
  });
});

describe('ArtifactStore.putUnder', () => {
  it('leaves nothing behind when the upload is cut off', async () => {
    const base = tempDir();
    const store = new ArtifactStore(tempDir());
    const cut = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.putUnder(base, 'model/weights.bin', cut)).rejects.toThrow('connection reset');
    expect(readdirSync(join(base, 'model'))).toEqual([]);
  });
});

describe('ArtifactStore.putUnder after a killed upload', () => {
  it('removes the temporary file an earlier process left for that path, not one being written now', async () => {
    const base = tempDir();
    mkdirSync(join(base, 'model'));
    const dead = join(base, 'model', 'big.bin.0f0e0d0c-0b0a-4909-8807-060504030201.part');
    writeFileSync(dead, 'cut');
    utimesSync(dead, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const other = join(base, 'model', 'other.bin.0f0e0d0c-0b0a-4909-8807-060504030202.part');
    writeFileSync(other, 'cut');
    utimesSync(other, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const store = new ArtifactStore(tempDir());
    const live = join(base, 'model', 'big.bin.0f0e0d0c-0b0a-4909-8807-060504030203.part');
    writeFileSync(live, 'in flight');
    utimesSync(live, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    await store.putUnder(base, 'model/big.bin', Readable.from([Buffer.from('whole')]));
    expect(readdirSync(join(base, 'model')).sort()).toEqual(['big.bin', 'big.bin.0f0e0d0c-0b0a-4909-8807-060504030203.part', 'other.bin.0f0e0d0c-0b0a-4909-8807-060504030202.part']);
  });
});
