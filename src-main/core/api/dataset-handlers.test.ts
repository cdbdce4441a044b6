import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreEvent } from '../../../src-shared/events';
import type { Core } from '../core';
import { send } from '../test-support/http-client';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';

const tempDir = useTempDirs();

async function coreWithRuns(...ids: string[]): Promise<Core> {
  const core = await startTestCore(tempDir(), { port: 0 });
  for (const id of ids) {
    core.store.runs.insert({ id, experiment: 'e', name: id, status: 'FINISHED', startTime: 1, endTime: null, sourceKind: 'api', sourcePath: null });
  }
  return core;
}

const post = (core: Core, path: string, body: unknown) => send(core, 'POST', path, { body: JSON.stringify(body) });

describe('addRunInputs / addRunOutputs over HTTP', () => {
  it('digests a local file, reads its schema, and records it as an input with its context', async () => {
    const core = await coreWithRuns('a');
    const csv = join(tempDir(), 'raw.csv');
    writeFileSync(csv, 'x,y\n1,a\n2,b\n');
    const events: CoreEvent[] = [];
    core.hub.subscribe((e) => events.push(e));
    const r = await post(core, '/api/v1/runs/a/inputs', { inputs: [{ path: csv, context: 'training' }] });
    expect(r.status).toBe(200);
    const [v] = r.json().inputs as Record<string, unknown>[];
    expect(v).toMatchObject({
      name: 'raw.csv',
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      kind: 'dataset',
      sourceType: 'local',
      source: csv,
      uri: csv,
      format: 'csv',
      rows: 2,
      sizeBytes: 12,
      columns: [{ name: 'x', type: 'int64' }, { name: 'y', type: 'string' }],
    });
    core.hub.flush();
    expect(events.map((e) => e.type).sort()).toEqual(['datasets.changed', 'run.updated']);
    const io = (await send(core, 'GET', '/api/v1/runs/a/io')).json();
    expect(io.inputs).toEqual([expect.objectContaining({ name: 'raw.csv', context: 'training', newerVersion: false })]);
    await core.close();
  });

  it('records outputs (a folder, an artifact, a digest-only ref) and flags versions a later one supersedes', async () => {
    const core = await coreWithRuns('a', 'b');
    const dir = tempDir();
    mkdirSync(join(dir, 'clean'));
    writeFileSync(join(dir, 'clean', 'part-0.jsonl'), '{"x": 1}\n');
    writeFileSync(join(dir, 'report.html'), '<p>ok</p>');
    const r = await post(core, '/api/v1/runs/a/outputs', {
      outputs: [
        { path: join(dir, 'clean'), name: 'clean' },
        { path: join(dir, 'report.html'), kind: 'artifact' },
        { digest: 'md5:abc', name: 'remote', source: 's3://bucket/remote' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.json().outputs).toEqual([
      expect.objectContaining({ name: 'clean', kind: 'dataset', format: 'folder', rows: null, sizeBytes: 9 }),
      expect.objectContaining({ name: 'report.html', kind: 'artifact', format: null }),
      expect.objectContaining({ name: 'remote', digest: 'md5:abc', sourceType: 's3', uri: 's3://bucket/remote', columns: null }),
    ]);
    // Run b reads a changed copy of clean: a new version, so a's output is no longer the latest.
    writeFileSync(join(dir, 'clean', 'part-0.jsonl'), '{"x": 2}\n');
    expect((await post(core, '/api/v1/runs/b/inputs', { inputs: [{ path: join(dir, 'clean'), name: 'clean' }] })).status).toBe(200);
    const io = (await send(core, 'GET', '/api/v1/runs/a/io')).json();
    expect((io.outputs as { name: string; newerVersion: boolean }[]).map((o) => [o.name, o.newerVersion])).toEqual([
      ['clean', true],
      ['remote', false],
      ['report.html', false],
    ]);
    await core.close();
  });

  it('refuses a ref with neither path nor digest, an unknown run, a relative or missing path', async () => {
    const core = await coreWithRuns('a');
    const noRef = await post(core, '/api/v1/runs/a/inputs', { inputs: [{ name: 'x' }] });
    expect([noRef.status, noRef.json().message]).toEqual([400, "Invalid value for 'inputs.0': needs a path, or a digest and a name"]);
    const file = join(tempDir(), 'd.csv');
    writeFileSync(file, 'x\n1\n');
    const unknown = await post(core, '/api/v1/runs/nope/inputs', { inputs: [{ path: file }] });
    expect([unknown.status, unknown.json().error_code]).toEqual([404, 'RESOURCE_DOES_NOT_EXIST']);
    const relative = await post(core, '/api/v1/runs/a/outputs', { outputs: [{ path: 'data/d.csv' }] });
    expect([relative.status, relative.json().message]).toEqual([400, "Invalid value for 'outputs.0.path': must be an absolute path"]);
    const missing = join(tempDir(), 'gone.csv');
    const gone = await post(core, '/api/v1/runs/a/inputs', { inputs: [{ path: file }, { path: missing }] });
    expect([gone.status, gone.json().error_code, gone.json().message]).toEqual([400, 'INVALID_PARAMETER_VALUE', `Invalid value for 'inputs.1.path': no such file or folder: ${missing}`]);
    // One bad ref records none of the request.
    expect((await send(core, 'GET', '/api/v1/datasets')).json().datasets).toEqual([]);
    await core.close();
  });

  it('records a malformed file with its digest and no columns', async () => {
    const core = await coreWithRuns('a');
    const bad = join(tempDir(), 'bad.jsonl');
    writeFileSync(bad, '{"x": 1}\n{"x": ');
    const r = await post(core, '/api/v1/runs/a/inputs', { inputs: [{ path: bad }] });
    expect(r.status).toBe(200);
    expect(r.json().inputs).toEqual([expect.objectContaining({ name: 'bad.jsonl', format: 'jsonl', digest: expect.stringMatching(/^sha256:/), columns: null, rows: null })]);
    await core.close();
  });
});

describe('listDatasets / getDataset', () => {
  it('lists each name with its version count and latest version, and a name with its versions oldest first', async () => {
    const core = await coreWithRuns('a', 'b');
    const file = join(tempDir(), 'train.csv');
    writeFileSync(file, 'x\n1\n');
    await post(core, '/api/v1/runs/a/inputs', { inputs: [{ path: file, name: 'data/train' }] });
    writeFileSync(file, 'x\n1\n2\n');
    await post(core, '/api/v1/runs/b/inputs', { inputs: [{ path: file, name: 'data/train' }, { digest: 'd1', name: 'other' }] });
    const list = (await send(core, 'GET', '/api/v1/datasets')).json().datasets as { name: string; versions: number; latest: { rows: number | null } }[];
    expect(list.map((d) => [d.name, d.versions, d.latest.rows])).toEqual([
      ['data/train', 2, 2],
      ['other', 1, null],
    ]);
    const one = (await send(core, 'GET', '/api/v1/datasets/data/train')).json();
    expect(one.name).toBe('data/train');
    expect((one.versions as { rows: number }[]).map((v) => v.rows)).toEqual([1, 2]);
    const missing = await send(core, 'GET', '/api/v1/datasets/nothing');
    expect([missing.status, missing.json().error_code]).toEqual([404, 'RESOURCE_DOES_NOT_EXIST']);
    await core.close();
  });
});

describe('data changing on disk', () => {
  it('becomes a newer version that the run’s inputs, the datasets list and the run show', async () => {
    const core = await coreWithRuns('b');
    const file = join(tempDir(), 'raw.csv');
    writeFileSync(file, 'x\n1\n');
    await post(core, '/api/v1/runs/b/inputs', { inputs: [{ path: file, name: 'raw' }] });
    writeFileSync(file, 'x\n1\n2\n');
    expect(await core.datasets.refreshNow()).toEqual(['raw']);
    const io = (await send(core, 'GET', '/api/v1/runs/b/io')).json();
    expect(io.inputs).toEqual([expect.objectContaining({ name: 'raw', newerVersion: true })]);
    const list = (await send(core, 'GET', '/api/v1/datasets')).json().datasets;
    expect(list).toEqual([expect.objectContaining({ name: 'raw', versions: 2, latest: expect.objectContaining({ rows: 2, uri: file }) })]);
    expect((await send(core, 'GET', '/api/v1/runs/b')).json().run).toMatchObject({ newerDataAvailable: true });
    await core.close();
  });
});
