// A dataset the core cannot read itself (a DataFrame in a notebook) is named by its digest, with
// the columns and row count the client read: stored with the version, shown like a read schema.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { send } from '../test-support/http-client';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';

const tempDir = useTempDirs();

const FRAME = {
  digest: 'sha256:' + 'ab'.repeat(32),
  name: 'iris-frame',
  context: 'train',
  schema: [
    { name: 'sepal length', type: 'double' },
    { name: 'species', type: 'string' },
  ],
  rows: 150,
};

async function coreWithRun(): Promise<{ core: Core; id: string }> {
  const core = await startTestCore(tempDir(), { port: 0 });
  const id = ((await send(core, 'POST', '/api/v1/runs', { body: '{}' })).json().run as { id: string }).id;
  return { core, id };
}

describe('digest refs with schema and rows', () => {
  it('stores them with the version over HTTP, as the dataset page reads it', async () => {
    const { core, id } = await coreWithRun();
    const r = await send(core, 'POST', `/api/v1/runs/${id}/inputs`, { body: JSON.stringify({ inputs: [FRAME] }) });
    expect(r.status).toBe(200);
    expect(r.json().inputs).toEqual([expect.objectContaining({ name: 'iris-frame', digest: FRAME.digest, columns: FRAME.schema, rows: 150, format: null })]);
    const dataset = (await send(core, 'GET', '/api/v1/datasets/iris-frame')).json();
    expect(dataset.versions).toEqual([expect.objectContaining({ columns: FRAME.schema, rows: 150 })]);
    const io = (await send(core, 'GET', `/api/v1/runs/${id}/io`)).json();
    expect(io.inputs).toEqual([expect.objectContaining({ name: 'iris-frame', context: 'train' })]);
    await core.close();
  });

  it('stores them from a run folder inputs.json', async () => {
    const core = await startTestCore(tempDir());
    const folder = join(tempDir(), 'r');
    mkdirSync(folder);
    writeFileSync(join(folder, 'run.json'), JSON.stringify({ id: 'spooled' }));
    writeFileSync(join(folder, 'inputs.json'), JSON.stringify([FRAME]));
    const report = await core.watch.ingestOnce(folder);
    expect(report.problems).toEqual([]);
    expect(core.store.datasets.versionsOf('iris-frame')).toEqual([expect.objectContaining({ digest: FRAME.digest, columns: FRAME.schema, rows: 150 })]);
    await core.close();
  });

  it('refuses them on a path ref, and a column without a type', async () => {
    const { core, id } = await coreWithRun();
    const csv = join(tempDir(), 'd.csv');
    writeFileSync(csv, 'a\n1\n');
    for (const ref of [
      { path: csv, schema: FRAME.schema },
      { path: csv, rows: 3 },
      { ...FRAME, schema: [{ name: 'x', type: '' }] },
      { ...FRAME, rows: -1 },
    ]) {
      const r = await send(core, 'POST', `/api/v1/runs/${id}/inputs`, { body: JSON.stringify({ inputs: [ref] }) });
      expect([r.status, r.json().error_code], JSON.stringify(ref)).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    }
    expect(core.store.datasets.summaries()).toEqual([]);
    await core.close();
  });
});
