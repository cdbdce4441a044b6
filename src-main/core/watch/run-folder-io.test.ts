import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestRunFolder } from './run-folder-ingester';
import { RunFolderSource } from './run-folder-source';
import { ArtifactStore } from '../artifacts/artifact-store';
import { useTempDirs } from '../test-support/temp-dir';
import { storeHarness } from '../test-support/source-harness';
import { writeRunFolder } from '../test-support/run-folder';

const tempDir = useTempDirs();
const RUN_ID = 'aaaabbbbccccddddeeeeffff00001111';

function setup() {
  const { store, hub } = storeHarness(tempDir());
  const dir = writeRunFolder(tempDir(), 'run', { id: RUN_ID, experiment: 'x' });
  return { store, hub, dir };
}

const json = (dir: string, file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value));

describe('run folder inputs.json and outputs.json', () => {
  it('records inputs, dataset and artifact outputs, and a model output the run page lists', async () => {
    const { store, hub, dir } = setup();
    const data = tempDir();
    writeFileSync(join(data, 'raw.csv'), 'a,b\n1,2\n');
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'clean.jsonl'), '{"a": 1}\n');
    writeFileSync(join(dir, 'plot.png'), 'png');
    mkdirSync(join(dir, 'model'));
    writeFileSync(join(dir, 'model', 'weights.bin'), 'w');
    json(dir, 'inputs.json', [{ path: join(data, 'raw.csv'), name: 'raw', context: 'training' }, { digest: 'md5:1', name: 'remote' }]);
    json(dir, 'outputs.json', [
      { path: 'out/clean.jsonl', name: 'clean' },
      { path: 'plot.png', kind: 'artifact' },
      { path: 'model', kind: 'model', name: 'classifier' },
    ]);
    expect((await ingestRunFolder(store, hub, dir)).problems).toEqual([]);
    const io = store.datasets.runDatasets(RUN_ID);
    expect(io.inputs.map((i) => [i.name, i.context, i.sourceType])).toEqual([['raw', 'training', 'local'], ['remote', null, 'external']]);
    expect(io.outputs.map((o) => [o.name, o.source])).toEqual([['clean', join(dir, 'out', 'clean.jsonl')], ['plot.png', join(dir, 'plot.png')]]);
    expect(store.datasets.versionsOf('clean')[0]).toMatchObject({ format: 'jsonl', rows: 1, columns: [{ name: 'a', type: 'int64' }] });
    expect(store.datasets.versionsOf('plot.png')[0]!.kind).toBe('artifact');
    const models = store.models.search([]);
    expect(models).toEqual([expect.objectContaining({ name: 'classifier', sourceRunId: RUN_ID, artifactUri: join(dir, 'model'), status: 'LOGGED_MODEL_READY' })]);
    expect(store.models.outputsOf(RUN_ID)).toEqual([{ modelId: models[0]!.id, step: 0 }]);

    // Read again after the raw data changed: the run keeps the version it used, and nothing doubles.
    writeFileSync(join(data, 'raw.csv'), 'a,b\n1,2\n3,4\n');
    expect((await ingestRunFolder(store, hub, dir)).problems).toEqual([]);
    expect(store.datasets.runDatasets(RUN_ID).inputs.map((i) => i.name)).toEqual(['raw', 'remote']);
    expect(store.datasets.versionsOf('raw')).toHaveLength(1);
    expect(store.models.search([])).toHaveLength(1);
  });

  it('adds what a changed outputs.json newly names', async () => {
    const { store, hub, dir } = setup();
    writeFileSync(join(dir, 'a.csv'), 'x\n1\n');
    writeFileSync(join(dir, 'b.csv'), 'x\n2\n');
    json(dir, 'outputs.json', [{ path: 'a.csv' }]);
    await ingestRunFolder(store, hub, dir);
    json(dir, 'outputs.json', [{ path: 'a.csv' }, { path: 'b.csv' }]);
    await ingestRunFolder(store, hub, dir);
    expect(store.datasets.runDatasets(RUN_ID).outputs.map((o) => o.name)).toEqual(['a.csv', 'b.csv']);
  });

  it('reports malformed JSON, a path leaving the folder, a missing file and an unreadable schema, and records the rest', async () => {
    const { store, hub, dir } = setup();
    writeFileSync(join(dir, 'ok.csv'), 'x\n1\n');
    writeFileSync(join(dir, 'cut.jsonl'), '{"x": 1}\n{"x"');
    writeFileSync(join(dir, 'inputs.json'), '[{"path": "ok.csv"');
    json(dir, 'outputs.json', [{ path: '../escape.csv' }, { path: 'missing.csv' }, { path: 'ok.csv' }, { path: 'cut.jsonl' }, { kind: 'model', digest: 'd', name: 'm' }]);
    const r = await ingestRunFolder(store, hub, dir);
    expect(r.runId).toBe(RUN_ID);
    expect(r.problems).toEqual([
      `${join(dir, 'inputs.json')}: not valid JSON`,
      `${join(dir, 'outputs.json')}: Invalid value for '4': a model needs a path`,
    ]);
    json(dir, 'outputs.json', [{ path: '../escape.csv' }, { path: 'missing.csv' }, { path: 'ok.csv' }, { path: 'cut.jsonl' }]);
    expect((await ingestRunFolder(store, hub, dir)).problems).toEqual([
      `${join(dir, 'inputs.json')}: not valid JSON`,
      `${join(dir, 'outputs.json')}: [0] path '../escape.csv' leaves the run folder; give data outside it by absolute path`,
      `${join(dir, 'outputs.json')}: [1] no such file or folder: ${join(dir, 'missing.csv')}`,
      expect.stringMatching(/\/cut\.jsonl: line 2 is not JSON: /),
    ]);
    expect(store.datasets.runDatasets(RUN_ID).outputs.map((o) => o.name)).toEqual(['cut.jsonl', 'ok.csv']);
    expect(store.datasets.versionsOf('cut.jsonl')[0]).toMatchObject({ format: 'jsonl', columns: null, digest: expect.stringMatching(/^sha256:/) });
  });

  it('is re-read when inputs.json or outputs.json changes', () => {
    const { store, hub } = setup();
    const source = new RunFolderSource(store, hub, new ArtifactStore(tempDir()));
    expect(source.unitFor('/runs/r/inputs.json')).toBe('/runs/r');
    expect(source.unitFor('/runs/r/outputs.json')).toBe('/runs/r');
  });
});
