import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { ingestAll, sourceHarness, steps, values } from '../../test-support/source-harness';
import { kerasCsv } from '../../test-support/logger-writers';
import { importedRunId } from '../logger-files/imported-run';
import { KerasCsvSource } from './keras-source';

const tempDir = useTempDirs();

function setup() {
  const h = sourceHarness(tempDir(), (s, hub) => new KerasCsvSource(s, hub));
  const root = join(tempDir(), 'keras-runs');
  mkdirSync(join(root, 'mnist'), { recursive: true });
  const file = join(root, 'mnist', 'training.log');
  return { ...h, root, file, id: importedRunId('keras-csv', file) };
}

describe('KerasCsvSource', () => {
  it('imports a CSVLogger file at step = epoch, NA missing, in the watched folder’s experiment', async () => {
    const { store, source, root, file, id } = setup();
    writeFileSync(file, kerasCsv(['loss', 'val_loss'], [{ loss: 0.7 }, { loss: NaN, val_loss: Infinity }]));
    writeFileSync(join(root, 'notes.csv'), 'name,score\nx,1\n');
    writeFileSync(join(root, 'metrics.csv'), 'epoch,step,loss\r\n0,0,1\r\n');
    const r = await ingestAll(source, root);
    expect(r).toEqual({ points: 3, problems: [], runIds: [id] });
    expect(store.runs.summary(id)).toMatchObject({ name: 'mnist/training.log', experiment: 'keras-runs', sourceKind: 'keras-csv', sourcePath: file, status: 'RUNNING' });
    expect(values(store, id, 'loss')).toEqual([0.7, NaN]);
    expect(steps(store, id, 'val_loss')).toEqual([1]);
    expect((await ingestAll(source, root)).points).toBe(0);
  });

  it('tails appended epochs and waits for a half-written one', async () => {
    const { store, source, file, id } = setup();
    writeFileSync(file, 'epoch;loss\r\n0;0.5\r\n');
    expect((await source.ingest(file)).points).toBe(1);
    appendFileSync(file, '1;0.4\r\n2;0.');
    expect((await source.ingest(file)).points).toBe(1);
    appendFileSync(file, '3\r\n');
    expect((await source.ingest(file)).points).toBe(1);
    expect(values(store, id, 'loss')).toEqual([0.5, 0.4, 0.3]);
  });

  it('a new fit() over the file (truncated, rewritten) adds only epochs beyond those stored', async () => {
    const { store, source, file, id } = setup();
    writeFileSync(file, kerasCsv(['loss'], [{ loss: 1 }, { loss: 0.9 }, { loss: 0.8 }]));
    expect((await source.ingest(file)).points).toBe(3);
    writeFileSync(file, kerasCsv(['loss'], [{ loss: 5 }, { loss: 4 }]));
    const r = await source.ingest(file);
    expect(r.points).toBe(0);
    expect(r.problems[0]).toMatch(/shrank.*keeping only points beyond the steps already stored/);
    writeFileSync(file, kerasCsv(['loss'], [{ loss: 5 }, { loss: 4 }, { loss: 3 }, { loss: 2 }]));
    expect((await source.ingest(file)).points).toBe(1);
    expect(values(store, id, 'loss')).toEqual([1, 0.9, 0.8, 2]);
  });
});

describe('KerasCsvSource, a file replaced while nobody looked', () => {
  it('notices the line before the offset changed and adds only epochs beyond those stored', async () => {
    const { store, source, file, id } = setup();
    writeFileSync(file, kerasCsv(['loss'], [{ loss: 1 }, { loss: 0.9 }]));
    expect((await source.ingest(file)).points).toBe(2);
    // A new fit() truncated the file and logged past the old end before the next read.
    writeFileSync(file, kerasCsv(['loss'], [{ loss: 5 }, { loss: 4 }, { loss: 3 }, { loss: 2 }]));
    const r = await source.ingest(file);
    expect(r.problems[0]).toMatch(/the line before the ingested offset changed/);
    expect(r.points).toBe(2);
    expect(values(store, id, 'loss')).toEqual([1, 0.9, 3, 2]);
    expect((await source.ingest(file)).points).toBe(0);
  });
});
