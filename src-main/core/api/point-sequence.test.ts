// Numbered points land exactly once, whichever way they arrive: resent over HTTP (`firstSeq`),
// or written to a run folder (`seq` on a line) after the server already committed some of them.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { storeHarness, steps } from '../test-support/source-harness';
import { appendLines, writeRunFolder } from '../test-support/run-folder';
import { ingestRunFolder } from '../watch/run-folder-ingester';
import { openStore } from '../store/store';
import type { Core } from '../core';
import { ApiError } from '../../../src-shared/errors';

const tempDir = useTempDirs();

/** Points numbered from..to-1 (seq = step + 1), as a client logs them. */
function numbered(from: number, to: number) {
  return Array.from({ length: to - from }, (_, i) => ({ key: 'loss', value: from + i, step: from + i }));
}

function lines(from: number, to: number) {
  return numbered(from, to).map((p) => ({ ...p, seq: p.step + 1 }));
}

async function newRun(core: Core): Promise<string> {
  const { run } = (await core.dispatch('createRun', { experiment: 'seq' })) as { run: { id: string } };
  return run.id;
}

function storedSteps(core: Core, id: string): number[] {
  return Array.from(core.store.metrics.read(id, 'loss')?.step ?? []);
}

describe('numbered points over HTTP (firstSeq)', () => {
  it('stores a repeated request once and the new part of an overlapping one', async () => {
    const core = await startTestCore(tempDir());
    const id = await newRun(core);
    expect(await core.dispatch('logRun', { id, firstSeq: 1, metrics: numbered(0, 10) })).toEqual({ accepted: 10, skipped: 0 });
    expect(await core.dispatch('logRun', { id, firstSeq: 1, metrics: numbered(0, 10) })).toEqual({ accepted: 0, skipped: 10 });
    expect(await core.dispatch('logRun', { id, firstSeq: 6, metrics: numbered(5, 15) })).toEqual({ accepted: 5, skipped: 5 });
    expect(storedSteps(core, id)).toEqual(numbered(0, 15).map((p) => p.step));
    expect(core.store.seqMarks.mark(id)).toBe(15);
    await core.close();
  });

  it('skips an older request that arrives after a newer one, and never lowers the mark', async () => {
    const core = await startTestCore(tempDir());
    const id = await newRun(core);
    await core.dispatch('logRun', { id, firstSeq: 1, metrics: numbered(0, 5) });
    await core.dispatch('logRun', { id, firstSeq: 6, metrics: numbered(5, 10) });
    expect(await core.dispatch('logRun', { id, firstSeq: 3, metrics: numbered(2, 5) })).toEqual({ accepted: 0, skipped: 3 });
    expect(core.store.seqMarks.mark(id)).toBe(10);
    expect(storedSteps(core, id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await core.close();
  });

  it('leaves unnumbered requests as they were, and refuses a bad firstSeq', async () => {
    const core = await startTestCore(tempDir());
    const id = await newRun(core);
    await core.dispatch('logRun', { id, metrics: numbered(0, 3) });
    expect(await core.dispatch('logRun', { id, metrics: numbered(0, 3) })).toEqual({ accepted: 3, skipped: 0 });
    expect(core.store.seqMarks.mark(id)).toBe(0);
    for (const firstSeq of [0, 1.5, -2, 2 ** 53 + 2]) {
      const e = await core.dispatch('logRun', { id, firstSeq, metrics: numbered(0, 1) }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).message).toContain('firstSeq');
    }
    expect(storedSteps(core, id)).toHaveLength(6);
    await core.close();
  });

  it('commits nothing, mark included, when the request is refused', async () => {
    const core = await startTestCore(tempDir());
    const id = await newRun(core);
    await core.dispatch('logRun', { id, params: { lr: 1 } });
    await expect(core.dispatch('logRun', { id, firstSeq: 1, metrics: numbered(0, 3), params: { lr: 2 } })).rejects.toThrow(/lr/);
    expect(core.store.seqMarks.mark(id)).toBe(0);
    expect(await core.dispatch('logRun', { id, firstSeq: 1, metrics: numbered(0, 3) })).toEqual({ accepted: 3, skipped: 0 });
    await core.close();
  });
});

describe('numbered lines in a run folder (seq)', () => {
  const RUN_ID = 'aaaabbbbccccddddeeeeffff00002222';

  it('stores each point once when the folder repeats points the HTTP API already committed', async () => {
    const data = tempDir();
    const core = await startTestCore(data);
    const id = await newRun(core);
    await core.dispatch('logRun', { id, firstSeq: 1, metrics: numbered(0, 7) });
    // The client lost the answer to its last request after point 7 and switched to a folder,
    // writing from the first point it had not seen acknowledged (5) on.
    const dir = writeRunFolder(tempDir(), id, { id, experiment: 'seq', status: 'RUNNING' }, lines(4, 12));
    const r = await ingestRunFolder(core.store, core.hub, dir);
    expect(r).toMatchObject({ runId: id, points: 5, problems: [] });
    expect(storedSteps(core, id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(core.store.runs.summary(id)).toMatchObject({ sourceKind: 'api', experiment: 'seq' });
    await core.close();
  });

  it('skips a line repeated within the file and keeps unnumbered lines', async () => {
    const { store, hub } = storeHarness(tempDir());
    const dir = writeRunFolder(tempDir(), 'r', { id: RUN_ID }, [...lines(0, 3), ...lines(1, 4), { key: 'loss', value: 9, step: 9 }]);
    expect((await ingestRunFolder(store, hub, dir)).points).toBe(5);
    expect(steps(store, RUN_ID, 'loss')).toEqual([0, 1, 2, 3, 9]);
  });

  it('reports a line with a bad seq and keeps the rest', async () => {
    const { store, hub } = storeHarness(tempDir());
    const dir = writeRunFolder(tempDir(), 'r', { id: RUN_ID }, [...lines(0, 1), { key: 'loss', value: 1, step: 1, seq: 0 }, ...lines(2, 3)]);
    const r = await ingestRunFolder(store, hub, dir);
    expect(r.points).toBe(2);
    expect(r.problems).toEqual([expect.stringContaining("'seq'")]);
  });

  it('neither loses nor doubles across a restart mid-file and a half-written last line', async () => {
    const data = tempDir();
    let { store, hub } = storeHarness(data);
    const dir = writeRunFolder(tempDir(), 'r', { id: RUN_ID }, lines(0, 4));
    appendFileSync(join(dir, 'metrics.jsonl'), JSON.stringify(lines(4, 5)[0]).slice(0, 12));
    expect((await ingestRunFolder(store, hub, dir)).points).toBe(4);
    expect(store.seqMarks.mark(RUN_ID)).toBe(4);
    store.close();
    ({ store, hub } = storeHarness(data));
    appendFileSync(join(dir, 'metrics.jsonl'), JSON.stringify(lines(4, 5)[0]).slice(12) + '\n');
    appendLines(dir, lines(5, 8));
    expect((await ingestRunFolder(store, hub, dir)).points).toBe(4);
    expect(steps(store, RUN_ID, 'loss')).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(store.seqMarks.mark(RUN_ID)).toBe(8);
    store.close();
  });

  it('skips the numbered lines a rewritten (shrunk) file repeats', async () => {
    const data = tempDir();
    const store = openStore(join(data, 'db.sqlite'));
    const { hub } = storeHarness(tempDir());
    const dir = writeRunFolder(tempDir(), 'r', { id: RUN_ID }, lines(0, 6));
    await ingestRunFolder(store, hub, dir);
    writeFileSync(join(dir, 'metrics.jsonl'), lines(3, 8).map((l) => JSON.stringify(l) + '\n').join(''));
    expect((await ingestRunFolder(store, hub, dir)).points).toBe(2);
    expect(steps(store, RUN_ID, 'loss')).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    store.close();
  });
});
