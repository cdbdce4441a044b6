import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { ingestAll, sourceHarness, steps, values } from '../../test-support/source-harness';
import { LightningCsvWriter } from '../../test-support/logger-writers';
import { importedRunId } from '../logger-files/imported-run';
import { LightningCsvSource } from './lightning-source';

const tempDir = useTempDirs();

function setup() {
  const h = sourceHarness(tempDir(), (s, hub) => new LightningCsvSource(s, hub));
  const root = join(tempDir(), 'logs');
  const dir = join(root, 'resnet', 'version_0');
  return { ...h, root, dir, id: importedRunId('lightning-csv', dir) };
}

describe('LightningCsvSource', () => {
  it('imports metrics by header, hparams flattened, named <name>/version_<n>, idempotently', async () => {
    const { store, source, root, dir, id } = setup();
    const w = new LightningCsvWriter(dir);
    writeFileSync(join(dir, 'hparams.yaml'), 'lr: 0.001\nmodel:\n  depth: 18\n');
    w.log({ train_loss: 0.9, epoch: 0 }, 0);
    w.log({ train_loss: NaN, epoch: 0 }, 1);
    w.save();
    const r = await ingestAll(source, root);
    expect(r).toEqual({ points: 4, problems: [], runIds: [id] });
    expect(store.runs.summary(id)).toMatchObject({ name: 'resnet/version_0', experiment: 'resnet', status: 'RUNNING', sourceKind: 'lightning-csv', sourcePath: dir, params: { lr: '0.001', 'model.depth': '18' } });
    expect(values(store, id, 'train_loss')).toEqual([0.9, NaN]);
    expect((await ingestAll(source, root)).points).toBe(0);
  });

  it('goes on after the rows already read when Lightning rewrites the file under a new header', async () => {
    const { store, source, root, dir, id } = setup();
    const w = new LightningCsvWriter(dir);
    for (let s = 0; s < 3; s++) w.log({ train_loss: 1 / (s + 1), epoch: 0 }, s);
    w.save();
    expect((await ingestAll(source, root)).points).toBe(6);
    // A validation key appears: Lightning rewrites the file (sorted header, old rows, empty new cells).
    w.log({ val_loss: 0.5, epoch: 0 }, 2);
    w.log({ train_loss: 0.2, epoch: 1 }, 3);
    w.save();
    const r = await source.ingest(dir);
    expect(r.problems).toEqual([]);
    expect(r.points).toBe(4);
    expect(steps(store, id, 'train_loss')).toEqual([0, 1, 2, 3]);
    expect(values(store, id, 'val_loss')).toEqual([0.5]);
    expect(store.runs.summary(id)!.metrics.find((m) => m.key === 'epoch')!.count).toBe(5);
    // Appends after the rewrite are tailed as usual; a restart adds nothing.
    w.log({ train_loss: 0.1, epoch: 1 }, 4);
    w.save();
    expect((await source.ingest(dir)).points).toBe(2);
    expect((await new LightningCsvSource(store, sourceHarness(tempDir(), (s, hub) => new LightningCsvSource(s, hub)).hub).ingest(dir)).points).toBe(0);
    expect(steps(store, id, 'train_loss')).toEqual([0, 1, 2, 3, 4]);
  });

  it('waits while a rewrite is half written, then reads only what is new', async () => {
    const { store, source, dir, id } = setup();
    const w = new LightningCsvWriter(dir);
    for (let s = 0; s < 4; s++) w.log({ loss: s }, s);
    w.save();
    expect((await source.ingest(dir)).points).toBe(4);
    const before = readFileSync(w.file);
    const rewritten = w.rewriteTextFor(['val_loss']);
    // Caught after the header and two of the four old rows.
    writeFileSync(w.file, rewritten.split('\r\n').slice(0, 3).join('\r\n') + '\r\n');
    expect(await source.ingest(dir)).toMatchObject({ points: 0, problems: [] });
    // Caught with nothing written yet, then mid-header.
    writeFileSync(w.file, '');
    expect((await source.ingest(dir)).points).toBe(0);
    writeFileSync(w.file, 'loss,st');
    expect((await source.ingest(dir)).points).toBe(0);
    // The rewrite completes, with the new row appended after it.
    writeFileSync(w.file, before);
    w.log({ val_loss: 9 }, 4);
    w.save();
    expect((await source.ingest(dir)).points).toBe(1);
    expect(values(store, id, 'loss')).toEqual([0, 1, 2, 3]);
    expect(values(store, id, 'val_loss')).toEqual([9]);
  });

  it('waits for a half-written last line', async () => {
    const { store, source, dir, id } = setup();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'metrics.csv'), 'loss,step\r\n0.5,0\r\n0.4');
    expect((await source.ingest(dir)).points).toBe(1);
    appendFileSync(join(dir, 'metrics.csv'), ',1\r\n');
    expect((await source.ingest(dir)).points).toBe(1);
    expect(values(store, id, 'loss')).toEqual([0.5, 0.4]);
  });

  it('leaves other metrics.csv files alone and shows a version folder before its first metrics', async () => {
    const { store, source, root, dir } = setup();
    mkdirSync(join(root, 'other'), { recursive: true });
    writeFileSync(join(root, 'other', 'metrics.csv'), 'a,b\n1,2\n');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'hparams.yaml'), 'lr: 0.1\n');
    const r = await ingestAll(source, root);
    expect(r.runIds).toHaveLength(1);
    expect(r.problems).toEqual([]);
    expect(store.runs.list()).toHaveLength(1);
    expect(await source.ingest(join(root, 'other'))).toEqual({ runIds: [], points: 0, problems: [] });
  });
});
