import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/store';
import { useTempDirs } from '../../test-support/temp-dir';
import { ingestAll, sourceHarness } from '../../test-support/source-harness';
import { appendMetric, writeExperiment, writeFile, writeRun } from '../../test-support/mlflow-stores';
import { MlflowFileStoreSource } from './file-store-source';

const tempDir = useTempDirs();
const RUN = '0123456789abcdef0123456789abcdef';

function setup() {
  const data = tempDir();
  const { store, hub, source } = sourceHarness(data, (s, h) => new MlflowFileStoreSource(s, h));
  const mlruns = join(tempDir(), 'mlruns');
  const expDir = writeExperiment(mlruns, '42', 'exp one');
  return { data, store, hub, source, mlruns, expDir };
}

describe('MlflowFileStoreSource', () => {
  it('imports a run with params, tags, nested metric keys, inputs and its experiment', async () => {
    const { store, source, mlruns, expDir } = setup();
    writeFile(join(expDir, 'tags', 'team'), 'vision');
    const runDir = writeRun(expDir, '42', RUN, { status: 3, end_time: 1700000000500, run_name: 'first' });
    writeFile(join(runDir, 'params', 'lr'), '0.01');
    writeFile(join(runDir, 'params', 'opt', 'name'), 'adam');
    writeFile(join(runDir, 'tags', 'mlflow.runName'), 'first');
    writeFile(join(runDir, 'tags', 'note'), 'two\nlines');
    appendMetric(runDir, 'train/loss', ['1700000000010 0.5 0', '1700000000011 nan 1', '1700000000012 inf 2', '1700000000013 -inf 3']);
    appendMetric(runDir, 'acc', ['1700000000010 0.9']);
    writeFile(join(expDir, 'datasets', 'd1', 'meta.yaml'), "digest: abc\nname: ds\nprofile: null\nschema: null\nsource: '{}'\nsource_type: local\n");
    writeFile(join(runDir, 'inputs', 'i1', 'meta.yaml'), 'destination_id: d1\ndestination_type: RUN\nsource_id: d1\nsource_type: DATASET\ntags:\n  mlflow.data.context: training\n');

    const r = await ingestAll(source, join(mlruns, '..'));
    expect(r).toEqual({ points: 5, problems: [], runIds: [RUN] });
    expect(store.runs.summary(RUN)).toMatchObject({
      name: 'first',
      experiment: 'exp one',
      status: 'FINISHED',
      startTime: 1700000000001,
      endTime: 1700000000500,
      userId: 'alice',
      sourceKind: 'mlflow-file-store',
      sourcePath: runDir,
      artifactUri: join(runDir, 'artifacts'),
      lifecycleStage: 'active',
      params: { lr: '0.01', 'opt/name': 'adam' },
      tags: { 'mlflow.runName': 'first', note: 'two\nlines' },
    });
    expect(Array.from(store.metrics.read(RUN, 'train/loss')!.value)).toEqual([0.5, NaN, Infinity, -Infinity]);
    expect(store.metrics.read(RUN, 'acc')!.step[0]).toBe(0);
    expect(store.experiments.byName('exp one')).toMatchObject({ tags: { team: 'vision' }, creationTime: 1700000000000 });
    expect(store.datasets.inputsOf(RUN)).toEqual([{ dataset: expect.objectContaining({ name: 'ds', digest: 'abc' }), tags: { 'mlflow.data.context': 'training' } }]);
  });

  it('adds only appended lines, waits for a half-written one, and never duplicates', async () => {
    const { store, source, mlruns, expDir } = setup();
    const runDir = writeRun(expDir, '42', RUN);
    appendMetric(runDir, 'loss', ['1 1.0 0', '2 2.0 1']);
    expect((await ingestAll(source, mlruns)).points).toBe(2);
    expect((await ingestAll(source, mlruns)).points).toBe(0);
    appendFileSync(join(runDir, 'metrics', 'loss'), '3 3.0 2\n4 4.');
    expect((await source.ingest(runDir)).points).toBe(1);
    appendFileSync(join(runDir, 'metrics', 'loss'), '0 3\n');
    expect(await source.ingest(runDir)).toMatchObject({ points: 1, problems: [] });
    expect(Array.from(store.metrics.read(RUN, 'loss')!.value)).toEqual([1, 2, 3, 4]);
  });

  it('is restart-safe: offsets commit with the points', async () => {
    const { data, hub, store, mlruns, expDir } = setup();
    const runDir = writeRun(expDir, '42', RUN);
    appendMetric(runDir, 'loss', ['1 1.0 0']);
    await ingestAll(new MlflowFileStoreSource(store, hub), mlruns);
    store.close();
    const reopened = openStore(join(data, 'db.sqlite'));
    appendMetric(runDir, 'loss', ['2 2.0 1']);
    expect((await ingestAll(new MlflowFileStoreSource(reopened, hub), mlruns)).points).toBe(1);
    expect(reopened.runs.summary(RUN)!.metrics[0]!.count).toBe(2);
    reopened.close();
  });

  it('follows an experiment into .trash without reading its metrics again', async () => {
    const { store, source, mlruns, expDir } = setup();
    const runDir = writeRun(expDir, '42', RUN);
    appendMetric(runDir, 'loss', ['1 1.0 0', '2 2.0 1']);
    await ingestAll(source, mlruns);
    // What MlflowClient.delete_experiment does: mark everything deleted, then move the folder.
    writeFile(join(expDir, 'meta.yaml'), "artifact_location: x\ncreation_time: 1\nexperiment_id: '42'\nlifecycle_stage: deleted\nname: exp one\n");
    writeRun(expDir, '42', RUN, { lifecycle_stage: 'deleted', deleted_time: 1700000000999 });
    renameSync(expDir, join(mlruns, '.trash', '42'));
    const r = await ingestAll(source, mlruns);
    expect(r.points).toBe(0);
    expect(store.runs.summary(RUN)).toMatchObject({ lifecycleStage: 'deleted', sourcePath: join(mlruns, '.trash', '42', RUN), artifactUri: join(mlruns, '.trash', '42', RUN, 'artifacts') });
    expect(store.runs.summary(RUN)!.metrics[0]!.count).toBe(2);
    expect(store.experiments.byName('exp one')!.lifecycleStage).toBe('deleted');
    expect(store.runs.list().map((x) => x.id)).toEqual([]);
  });

  it('reports bad files and keeps going', async () => {
    const { store, source, mlruns, expDir } = setup();
    const good = writeRun(expDir, '42', RUN);
    appendMetric(good, 'loss', ['1 1.0 0', 'garbage', '2 x 1', '3 3.0 2']);
    const broken = join(expDir, 'ffffffffffffffffffffffffffffffff');
    writeFile(join(broken, 'meta.yaml'), 'run_id: [oops\n');
    const liar = writeRun(expDir, '42', 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', { run_id: RUN });
    writeFile(join(mlruns, '7', 'meta.yaml'), ': : :\n');
    writeRun(join(mlruns, '7'), '7', 'dddddddddddddddddddddddddddddddd');
    // A folder where meta.yaml should be: refused as not a regular file, even as root.
    const unreadable = join(expDir, 'cccccccccccccccccccccccccccccccc');
    mkdirSync(join(unreadable, 'meta.yaml'), { recursive: true });
    const r = await ingestAll(source, mlruns);
    expect(r.points).toBe(2);
    expect(r.runIds).toEqual([RUN]);
    const text = r.problems.join('\n');
    expect(text).toContain(`${join(good, 'metrics', 'loss')}: byte 8: expected 2, 3 or 5`);
    expect(text).toContain("value 'x' is not a number");
    expect(text).toContain(`${join(broken, 'meta.yaml')}: not valid YAML`);
    expect(text).toContain(`${join(liar, 'meta.yaml')}: run_id/experiment_id do not match`);
    expect(text).toContain(join(mlruns, '7', 'meta.yaml'));
    expect(text).toContain(`${join(unreadable, 'meta.yaml')}: not a regular file (a folder)`);
    expect(store.runs.list().map((x) => x.id)).toEqual([RUN]);
  });

  it('reports a changed param and keeps the first value', async () => {
    const { store, source, mlruns, expDir } = setup();
    const runDir = writeRun(expDir, '42', RUN);
    writeFile(join(runDir, 'params', 'lr'), '0.1');
    await ingestAll(source, mlruns);
    writeFileSync(join(runDir, 'params', 'lr'), '0.2');
    writeFile(join(runDir, 'tags', 'added'), 'yes');
    const r = await source.ingest(runDir);
    expect(r.problems).toEqual([expect.stringContaining("param 'lr' changed value")]);
    expect(store.runs.summary(RUN)).toMatchObject({ params: { lr: '0.1' }, tags: { added: 'yes' } });
  });

  it('knows which unit a changed file belongs to, from the path alone', () => {
    const { source } = setup();
    const s = '/p/mlruns';
    expect(source.unitFor(`${s}/1/meta.yaml`)).toBe(`${s}/1`);
    expect(source.unitFor(`${s}/1/tags/team`)).toBe(`${s}/1`);
    expect(source.unitFor(`${s}/1/${RUN}/meta.yaml`)).toBe(`${s}/1/${RUN}`);
    expect(source.unitFor(`${s}/1/${RUN}/metrics/train/loss`)).toBe(`${s}/1/${RUN}`);
    expect(source.unitFor(`${s}/.trash/1/${RUN}/params/lr`)).toBe(`${s}/.trash/1/${RUN}`);
    expect(source.unitFor(`${s}/1/${RUN}/artifacts/model/meta.yaml`)).toBeNull();
    expect(source.unitFor(`${s}/1/datasets/d/meta.yaml`)).toBeNull();
    expect(source.unitFor(`${s}/models/m/meta.yaml`)).toBeNull();
    expect(source.unitFor('/p/other/1/meta.yaml')).toBeNull();
    expect(source.ignoresDir(`${s}/1/${RUN}/artifacts`)).toBe(true);
    expect(source.ignoresDir(`${s}/1/traces`)).toBe(true);
    expect(source.ignoresDir(`${s}/models`)).toBe(true);
    expect(source.ignoresDir(`${s}/1/${RUN}/metrics`)).toBe(false);
  });

  it('finds a store not named mlruns by its .trash folder', async () => {
    const { store, source } = setup();
    const custom = join(tempDir(), 'tracking');
    const expDir = writeExperiment(custom, '3', 'custom');
    writeRun(expDir, '3', RUN);
    const r = await ingestAll(source, custom);
    expect(r.runIds).toEqual([RUN]);
    expect(source.unitFor(join(custom, '3', RUN, 'metrics', 'x'))).toBe(join(custom, '3', RUN));
    expect(store.runs.summary(RUN)!.experiment).toBe('custom');
  });
});
