import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/store';
import { ingestRunFolder } from './run-folder-ingester';
import { useTempDirs } from '../test-support/temp-dir';
import { storeHarness } from '../test-support/source-harness';
import { appendLines, points, writeRunFolder } from '../test-support/run-folder';

const tempDir = useTempDirs();
const RUN_ID = 'aaaabbbbccccddddeeeeffff00001111';

function setup() {
  const data = tempDir();
  return { data, ...storeHarness(data), runs: tempDir() };
}

describe('ingestRunFolder', () => {
  it('ingests run.json and metrics.jsonl, then only what was appended', async () => {
    const { store, hub, runs } = setup();
    const dir = writeRunFolder(runs, 'r', { id: RUN_ID, experiment: 'x', name: 'folder', status: 'RUNNING', startTime: 5, params: { lr: 0.01 }, tags: { a: 'b' } }, points('loss', 0, 100));
    expect(await ingestRunFolder(store, hub, dir)).toEqual({ runId: RUN_ID, points: 100, problems: [] });
    expect(store.runs.summary(RUN_ID)).toMatchObject({ name: 'folder', experiment: 'x', sourceKind: 'runlens-folder', sourcePath: dir, artifactUri: join(dir, 'artifacts'), params: { lr: '0.01' }, startTime: 5 });
    appendLines(dir, points('loss', 100, 150));
    expect((await ingestRunFolder(store, hub, dir)).points).toBe(50);
    expect((await ingestRunFolder(store, hub, dir)).points).toBe(0);
    expect(Array.from(store.metrics.read(RUN_ID, 'loss')!.step)).toEqual(Array.from({ length: 150 }, (_, i) => i));
  });

  it('waits for the newline of a half-written last line', async () => {
    const { store, hub, runs } = setup();
    const dir = writeRunFolder(runs, 'r', { id: RUN_ID }, points('loss', 0, 2));
    appendFileSync(join(dir, 'metrics.jsonl'), '{"key":"loss","value":0.1,');
    expect((await ingestRunFolder(store, hub, dir)).points).toBe(2);
    appendFileSync(join(dir, 'metrics.jsonl'), '"step":2}\n');
    const r = await ingestRunFolder(store, hub, dir);
    expect(r).toMatchObject({ points: 1, problems: [] });
    expect(store.runs.summary(RUN_ID)!.metrics[0]).toMatchObject({ count: 3, last: 0.1, lastStep: 2 });
  });

  it('neither re-ingests nor duplicates after a restart', async () => {
    const { data, store, hub, runs } = setup();
    const dir = writeRunFolder(runs, 'r', { id: RUN_ID }, points('loss', 0, 10));
    await ingestRunFolder(store, hub, dir);
    store.close();
    const reopened = openStore(join(data, 'db.sqlite'));
    appendLines(dir, points('loss', 10, 12));
    expect((await ingestRunFolder(reopened, hub, dir)).points).toBe(2);
    expect(reopened.runs.summary(RUN_ID)!.metrics[0]!.count).toBe(12);
  });

  it('does not duplicate when two ingests of one folder race', async () => {
    const { store, hub, runs } = setup();
    const dir = writeRunFolder(runs, 'r', { id: RUN_ID }, points('loss', 0, 5000));
    const results = await Promise.all([ingestRunFolder(store, hub, dir), ingestRunFolder(store, hub, dir), ingestRunFolder(store, hub, dir)]);
    expect(results.reduce((a, r) => a + r.points, 0)).toBe(5000);
    expect(store.runs.summary(RUN_ID)!.metrics[0]!.count).toBe(5000);
  });

  it('skips and reports junk lines, keeping the good ones', async () => {
    const { store, hub, runs } = setup();
    const dir = writeRunFolder(runs, 'r', { id: RUN_ID }, [
      { key: 'loss', value: 1, step: 0 },
      'not json at all',
      { key: 'loss', value: 'high', step: 1 },
      { key: 'loss', step: 2 },
      '{"key":"loss","value":NaN,"step":3}',
      { key: 'loss', value: 0.5, step: 4 },
    ]);
    const r = await ingestRunFolder(store, hub, dir);
    expect(r.points).toBe(3);
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toMatch(/byte \d+: not JSON/);
    expect(r.problems[1]).toContain("'value'");
    expect(Array.from(store.metrics.read(RUN_ID, 'loss')!.value)).toEqual([1, NaN, 0.5]);
  });

  it('reports a broken or missing run.json without storing anything', async () => {
    const { store, hub, runs } = setup();
    const dir = writeRunFolder(runs, 'r', { id: RUN_ID }, points('loss', 0, 3));
    writeFileSync(join(dir, 'run.json'), '{"id": "aaaa');
    const r = await ingestRunFolder(store, hub, dir);
    expect(r).toMatchObject({ runId: null, points: 0 });
    expect(r.problems[0]).toContain('not valid JSON');
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ id: RUN_ID, status: 'DONE' }));
    expect((await ingestRunFolder(store, hub, dir)).problems[0]).toContain("'status'");
    expect(store.runs.list()).toEqual([]);
  });

  it('keeps the first value of a param that changes in run.json, and reports it', async () => {
    const { store, hub, runs } = setup();
    const dir = writeRunFolder(runs, 'r', { id: RUN_ID, params: { lr: 0.1, bs: 8 } });
    await ingestRunFolder(store, hub, dir);
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ id: RUN_ID, status: 'FINISHED', endTime: 9, params: { lr: 0.2, bs: 8, seed: 1 } }));
    const r = await ingestRunFolder(store, hub, dir);
    expect(r.problems).toEqual([expect.stringContaining("param 'lr' changed")]);
    expect(store.runs.summary(RUN_ID)).toMatchObject({ status: 'FINISHED', endTime: 9, params: { lr: '0.1', bs: '8', seed: '1' } });
  });

  it('reads a truncated file again from the start and says so', async () => {
    const { store, hub, runs } = setup();
    const dir = writeRunFolder(runs, 'r', { id: RUN_ID }, points('loss', 0, 20));
    await ingestRunFolder(store, hub, dir);
    writeFileSync(join(dir, 'metrics.jsonl'), JSON.stringify({ key: 'acc', value: 1, step: 0 }) + '\n');
    const r = await ingestRunFolder(store, hub, dir);
    expect(r.problems[0]).toContain('shrank');
    expect(r.points).toBe(1);
  });

  it('reports an unreadable metrics file instead of throwing', async () => {
    const { store, hub, runs } = setup();
    const dir = writeRunFolder(runs, 'r', { id: RUN_ID });
    // A folder where the file should be: unreadable even as root.
    mkdirSync(join(dir, 'metrics.jsonl'));
    const r = await ingestRunFolder(store, hub, dir);
    expect(r.runId).toBe(RUN_ID);
    expect(r.problems[0]).toContain('not a regular file');
  });

  it('gives a folder without an id a stable id of its own', async () => {
    const { store, hub, runs } = setup();
    const dir = writeRunFolder(runs, 'nameless', { experiment: 'e' });
    const a = await ingestRunFolder(store, hub, dir);
    const b = await ingestRunFolder(store, hub, dir);
    expect(a.runId).toMatch(/^[0-9a-f]{32}$/);
    expect(b.runId).toBe(a.runId);
    expect(store.runs.summary(a.runId!)!.name).toBe('nameless');
  });
});
