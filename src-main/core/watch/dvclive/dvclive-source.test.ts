import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { ingestAll, sourceHarness, steps, values } from '../../test-support/source-harness';
import { appendDvcliveRow } from '../../test-support/logger-writers';
import { importedRunId } from '../logger-files/imported-run';
import { DvcliveSource } from './dvclive-source';
import { dvcliveDirOf } from './dvclive-layout';

const tempDir = useTempDirs();

function setup() {
  const h = sourceHarness(tempDir(), (s, hub) => new DvcliveSource(s, hub));
  const root = join(tempDir(), 'project');
  const dir = join(root, 'dvclive');
  mkdirSync(dir, { recursive: true });
  return { ...h, root, dir, id: importedRunId('dvclive', dir) };
}

describe('DvcliveSource', () => {
  it('maps changed files to their DVCLive folder from the path alone', () => {
    expect(dvcliveDirOf('/a/dvclive/plots/metrics/train/loss.tsv')).toBe('/a/dvclive');
    expect(dvcliveDirOf('/a/out/metrics.json')).toBe('/a/out');
    expect(dvcliveDirOf('/a/out/plots/images/x.png')).toBeNull();
    expect(dvcliveDirOf('/a/notes.tsv')).toBeNull();
  });

  it('imports histories (nested keys, NaN, timestamps), params and summary-only metrics', async () => {
    const { store, source, root, dir, id } = setup();
    writeFileSync(join(dir, 'params.yaml'), 'lr: 0.01\noptimizer:\n  name: sgd\n');
    appendDvcliveRow(dir, 'train/loss', 0, 0.9, 1700000000000);
    appendDvcliveRow(dir, 'train/loss', 1, NaN, 1700000000100);
    appendDvcliveRow(dir, 'acc', 0, 0.5);
    appendDvcliveRow(dir, 'acc', 1, -Infinity);
    writeFileSync(join(dir, 'metrics.json'), JSON.stringify({ train: { loss: 'nan' }, acc: '-inf', test_acc: 0.8, step: 1 }, null, 4) + '\n');
    const r = await ingestAll(source, root);
    expect(r).toEqual({ points: 5, problems: [], runIds: [id] });
    expect(store.runs.summary(id)).toMatchObject({ name: 'dvclive', experiment: 'project', sourceKind: 'dvclive', status: 'RUNNING', params: { lr: '0.01', 'optimizer.name': 'sgd' } });
    expect(values(store, id, 'train/loss')).toEqual([0.9, NaN]);
    expect(Array.from(store.metrics.read(id, 'train/loss')!.timestamp)).toEqual([1700000000000, 1700000000100]);
    expect(values(store, id, 'acc')).toEqual([0.5, -Infinity]);
    expect(steps(store, id, 'test_acc')).toEqual([1]);
    expect((await ingestAll(source, root)).points).toBe(0);
  });

  it('a restarted Live() (folder cleared, files rewritten) adds only steps beyond those stored', async () => {
    const { store, source, dir, id } = setup();
    for (let s = 0; s < 4; s++) appendDvcliveRow(dir, 'loss', s, s);
    expect((await source.ingest(dir)).points).toBe(4);
    rmSync(join(dir, 'plots'), { recursive: true });
    for (let s = 0; s < 2; s++) appendDvcliveRow(dir, 'loss', s, 10 + s);
    const r = await source.ingest(dir);
    expect(r.points).toBe(0);
    expect(r.problems).toHaveLength(1);
    for (let s = 2; s < 6; s++) appendDvcliveRow(dir, 'loss', s, 10 + s);
    expect((await source.ingest(dir)).points).toBe(2);
    expect(values(store, id, 'loss')).toEqual([0, 1, 2, 3, 14, 15]);
  });

  it('waits for a half-written row; leaves folders that are not DVCLive’s alone', async () => {
    const { store, source, root, dir, id } = setup();
    mkdirSync(join(dir, 'plots', 'metrics'), { recursive: true });
    writeFileSync(join(dir, 'plots', 'metrics', 'loss.tsv'), 'step\tloss\n0\t0.5\n1\t0.');
    mkdirSync(join(root, 'other'), { recursive: true });
    writeFileSync(join(root, 'other', 'metrics.json'), '{"accuracy": 0.9}');
    const r = await ingestAll(source, root);
    expect(r).toEqual({ points: 1, problems: [], runIds: [id] });
    expect(await source.ingest(join(root, 'other'))).toEqual({ runIds: [], points: 0, problems: [] });
    expect(store.runs.list()).toHaveLength(1);
  });
});
