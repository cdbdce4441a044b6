import { appendFileSync, mkdirSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { startTestCore } from '../../test-support/test-core';
import { nextEvent } from '../../test-support/next-event';
import { concat, event, fileVersionEvent, hparamsValue, record, simpleValue } from '../../test-support/tfevents';
import type { Core } from '../../core';
import { runIdFor } from '../../ingest/tensorboard/run-layout';

const tempDir = useTempDirs();
const T0 = 1_700_000_000;

/** An event file's bytes: the file_version event, then one `loss` scalar per step. */
function scalars(tag: string, from: number, to: number, wall = T0): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let s = from; s < to; s++) parts.push(record(event(wall + s, s, [simpleValue(tag, s / 2)])));
  return concat(parts);
}

function writeEvents(dir: string, name: string, ...parts: Uint8Array[]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, concat([record(fileVersionEvent(T0)), ...parts]));
  return file;
}

const steps = (core: Core, dir: string, key: string) => Array.from(core.store.metrics.read(runIdFor(dir), key)?.step ?? []);
const values = (core: Core, dir: string, key: string) => Array.from(core.store.metrics.read(runIdFor(dir), key)?.value ?? []);

describe('TensorBoardSource', () => {
  it('makes each folder of event files a run, named by its path under the root, files merged in name order', async () => {
    const logdir = join(tempDir(), 'logs');
    const a = join(logdir, 'run_a');
    writeEvents(join(a, 'train'), 'events.out.tfevents.2.host', scalars('loss', 3, 6));
    writeEvents(join(a, 'train'), 'events.out.tfevents.1.host', scalars('loss', 0, 3));
    writeEvents(join(a, 'eval'), 'events.out.tfevents.1.host', scalars('acc', 0, 2));
    writeEvents(join(logdir, 'run_b'), 'events.out.tfevents.1.host', scalars('loss', 0, 4));
    const core = await startTestCore(tempDir());
    const report = await core.watch.ingestOnce(logdir);
    expect(report).toEqual({ runs: 3, points: 12, problems: [] });
    const runs = core.store.runs.list().filter((r) => r.sourceKind === 'tensorboard');
    expect(runs.map((r) => [r.experiment, r.name]).sort()).toEqual([
      ['logs', 'run_a/eval'],
      ['logs', 'run_a/train'],
      ['logs', 'run_b'],
    ]);
    const train = core.store.runs.summary(runIdFor(join(a, 'train')))!;
    expect(train).toMatchObject({ sourceKind: 'tensorboard', sourcePath: join(a, 'train'), status: 'RUNNING', startTime: T0 * 1000, endTime: null });
    expect(steps(core, join(a, 'train'), 'loss')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(core.store.metrics.read(train.id, 'loss')!.timestamp)).toEqual([0, 1, 2, 3, 4, 5].map((s) => (T0 + s) * 1000));
    // A second ingest adds nothing.
    expect(await core.watch.ingestOnce(logdir)).toEqual({ runs: 3, points: 0, problems: [] });
    await core.close();
  });

  it('names a run ingested on its own as if its parent were the root', async () => {
    const run = join(tempDir(), 'lightning_logs', 'version_3');
    writeEvents(run, 'events.out.tfevents.1.host', scalars('loss', 0, 1));
    const core = await startTestCore(tempDir());
    await core.watch.ingestOnce(run);
    expect(core.store.runs.summary(runIdFor(run))).toMatchObject({ experiment: 'lightning_logs', name: 'version_3' });
    await core.close();
  });

  it('takes hparams as params and a quiet run as FINISHED', async () => {
    const dir = join(tempDir(), 'hp');
    const file = writeEvents(dir, 'events.out.tfevents.1.host', record(event(T0, 0, [hparamsValue({ lr: 0.01, opt: 'sgd' })])), scalars('hparam/acc', 0, 1));
    const old = (Date.now() - 3600_000) / 1000;
    utimesSync(file, old, old);
    const core = await startTestCore(tempDir());
    await core.watch.ingestOnce(dir);
    expect(core.store.runs.summary(runIdFor(dir))).toMatchObject({ params: { lr: '0.01', opt: 'sgd' }, status: 'FINISHED', endTime: Math.round(old * 1000) });
    await core.close();
  });

  it('picks up a record written in two halves, and reports a corrupt one by file and byte', async () => {
    const dir = join(tempDir(), 'tail');
    const file = writeEvents(dir, 'events.out.tfevents.1.host', scalars('loss', 0, 2));
    const core = await startTestCore(tempDir());
    await core.watch.ingestOnce(dir);
    const next = record(event(T0 + 2, 2, [simpleValue('loss', 1)]));
    appendFileSync(file, next.subarray(0, 10));
    expect(await core.watch.ingestOnce(dir)).toMatchObject({ points: 0, problems: [] });
    appendFileSync(file, next.subarray(10, 25));
    expect(await core.watch.ingestOnce(dir)).toMatchObject({ points: 0, problems: [] });
    appendFileSync(file, next.subarray(25));
    expect(await core.watch.ingestOnce(dir)).toMatchObject({ points: 1, problems: [] });

    const bad = record(event(T0 + 3, 3, [simpleValue('loss', 9)]));
    bad[bad.length - 5] = bad[bad.length - 5]! ^ 0xff;
    const { size } = statSync(file);
    appendFileSync(file, concat([bad, record(event(T0 + 4, 4, [simpleValue('loss', 2)]))]));
    const report = await core.watch.ingestOnce(dir);
    expect(report.points).toBe(1);
    expect(report.problems).toEqual([`${file}: bad record (data CRC mismatch) at byte ${size}; skipped`]);
    expect(steps(core, dir, 'loss')).toEqual([0, 1, 2, 4]);
    expect(values(core, dir, 'loss')).toEqual([0, 0.5, 1, 2]);
    await core.close();
  });

  it('resumes from the committed offset after a restart, and reads a replaced file again', async () => {
    const root = tempDir();
    const data = tempDir();
    const dir = join(root, 'r');
    const file = writeEvents(dir, 'events.out.tfevents.1.host', scalars('loss', 0, 5));
    let core = await startTestCore(data);
    await core.watch.ingestOnce(root);
    await core.close();
    appendFileSync(file, scalars('loss', 5, 7));
    core = await startTestCore(data);
    expect((await core.watch.ingestOnce(root)).points).toBe(2);
    expect(steps(core, dir, 'loss')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    truncateSync(file, 0);
    expect((await core.watch.ingestOnce(root)).problems[0]).toContain('file shrank');
    await core.close();
  });

  it('tails event files live under a watched folder, new runs included', async () => {
    const root = tempDir();
    const dir = join(root, 'live');
    const file = writeEvents(dir, 'events.out.tfevents.1.host', scalars('loss', 0, 1));
    const core = await startTestCore(tempDir());
    expect((await core.watch.add(root)).report).toMatchObject({ runs: 1, points: 1 });
    const count = (d: string) => core.store.runs.summary(runIdFor(d))?.metrics[0]?.count ?? 0;
    const appended = nextEvent(core, () => count(dir) === 3);
    appendFileSync(file, scalars('loss', 1, 3));
    await appended;
    const other = join(root, 'other', 'eval');
    const created = nextEvent(core, () => count(other) === 2);
    writeEvents(other, 'events.out.tfevents.9.host', scalars('acc', 0, 2));
    await created;
    expect(core.store.runs.summary(runIdFor(other))).toMatchObject({ name: 'other/eval', experiment: root.split('/').pop() });
    await core.close();
  });
});
