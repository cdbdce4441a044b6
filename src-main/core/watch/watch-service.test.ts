import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import type { Core } from '../core';
import { nextEvent } from '../test-support/next-event';
import { appendLines, points, writeRunFolder } from '../test-support/run-folder';
import { appendMetric, createMlflowDb, insertMetrics, insertRun, writeExperiment, writeFile, writeRun } from '../test-support/mlflow-stores';

const tempDir = useTempDirs();

/** The roots a user added: every core also watches its spool (tested on its own below). */
function userRoots(core: Core) {
  return core.watch.roots().filter((r) => !r.spool);
}

describe('WatchService', () => {
  it('lists the files with problems per root, and keeps them through passes that read nothing new', async () => {
    const root = tempDir();
    const dir = writeRunFolder(root, 'r', { id: 'p0' }, ['junk line', { key: 'loss', value: 1, step: 0 }]);
    const core = await startTestCore(tempDir());
    await core.watch.add(root);
    const [problem] = userRoots(core)[0]!.problems;
    expect(problem).toMatchObject({ file: join(dir, 'metrics.jsonl'), message: expect.stringContaining('not JSON') });
    // A later pass resumes after the junk line and finds nothing wrong: the problem stays listed.
    await core.watch.ingestOnce(root);
    expect(userRoots(core)[0]!.problems).toHaveLength(1);
    // A newer problem in another file is added; one in the same file replaces the old entry.
    const broken = nextEvent(core, (e) => e.type === 'watch.changed' && e.data.root.problems.some((p) => p.message.includes('run.json')));
    writeFileSync(join(dir, 'run.json'), '{"id": "p0"');
    await broken;
    // run.json problems are filed on the run folder they concern.
    expect(userRoots(core)[0]!.problems.map((p) => p.file).sort()).toEqual([dir, join(dir, 'metrics.jsonl')]);
    await core.close();
  });

  it('ingests existing folders, then new folders and appended lines as they appear', async () => {
    const root = tempDir();
    writeRunFolder(root, 'old', { id: 'old0', name: 'old' }, points('loss', 0, 10));
    const core = await startTestCore(tempDir());
    const { report, root: entry } = await core.watch.add(root);
    expect(report).toEqual({ runs: 1, points: 10, problems: [] });
    expect(entry).toMatchObject({ path: root, lastError: null });

    const created = nextEvent(core, (e) => e.type === 'run.updated' && e.data.run.id === 'new0');
    const dir = writeRunFolder(join(root, 'nested', 'deeper'), 'new', { id: 'new0', name: 'new' }, points('acc', 0, 3));
    await created;
    const appended = nextEvent(core, (e) => e.type === 'points.appended' && e.data.runId === 'new0' && core.store.runs.summary('new0')!.metrics[0]!.count === 5);
    appendLines(dir, points('acc', 3, 5));
    await appended;
    expect(Array.from(core.store.metrics.read('new0', 'acc')!.step)).toEqual([0, 1, 2, 3, 4]);
    await core.close();
  });

  it('sees the last write of a burst, whose change event chokidar drops', async () => {
    const root = tempDir();
    const dir = writeRunFolder(root, 'burst', { id: 'burst0' }, points('loss', 0, 1));
    const core = await startTestCore(tempDir());
    await core.watch.add(root);
    const count = () => core.store.runs.summary('burst0')!.metrics[0]!.count;
    appendLines(dir, points('loss', 1, 2));
    while (count() < 2) await new Promise((r) => setTimeout(r, 1));
    // Within 50 ms of the previous change event: chokidar swallows this one's.
    appendLines(dir, points('loss', 2, 3));
    await nextEvent(core, () => count() === 3);
    await core.close();
  });

  it('remembers watched folders across restarts without re-ingesting', async () => {
    const root = tempDir();
    const data = tempDir();
    writeRunFolder(root, 'r', { id: 'r0' }, points('loss', 0, 10));
    const first = await startTestCore(data, { watch: [root] });
    await first.close();
    const second = await startTestCore(data);
    expect(userRoots(second).map((r) => r.path)).toEqual([root]);
    expect(second.store.runs.summary('r0')!.metrics[0]!.count).toBe(10);
    const appended = nextEvent(second, (e) => e.type === 'points.appended' && e.data.runId === 'r0');
    appendLines(join(root, 'r'), points('loss', 10, 11));
    await appended;
    expect(second.store.runs.summary('r0')!.metrics[0]!.count).toBe(11);
    await second.close();
  });

  it('survives a symlink loop and reports problems on the root', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'a'));
    symlinkSync(root, join(root, 'a', 'loop'));
    writeRunFolder(root, 'bad', { id: 'bad0' }, ['garbage']);
    const core = await startTestCore(tempDir());
    const { report } = await core.watch.add(root);
    expect(report.runs).toBe(1);
    expect(report.problems[0]).toContain('not JSON');
    expect(userRoots(core)[0]!.lastError).toContain('not JSON');
    await core.close();
  });

  it('refuses a folder that does not exist', async () => {
    const core = await startTestCore(tempDir());
    await expect(core.dispatch('addWatchRoot', { path: join(tempDir(), 'missing') })).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
    await core.close();
  });

  it('stops watching a removed folder', async () => {
    const removed = tempDir();
    const kept = tempDir();
    const core = await startTestCore(tempDir(), { watch: [removed, kept] });
    expect(await core.dispatch('removeWatchRoot', { path: removed })).toEqual({ removed: true });
    expect(userRoots(core).map((r) => r.path)).toEqual([kept]);
    writeRunFolder(removed, 'late', { id: 'late0' });
    // The kept root sees its folder written after the removed one's: had the removed root
    // still been watched, its folder would have been ingested by then too.
    const seen = nextEvent(core, (e) => e.type === 'run.updated' && e.data.run.id === 'kept0');
    writeRunFolder(kept, 'k', { id: 'kept0' });
    await seen;
    await core.watch.idle();
    expect(core.store.runs.summary('late0')).toBeNull();
    await core.close();
  });

  it('tails an MLflow file store live: new runs, appended metric lines, a deleted experiment', async () => {
    const root = tempDir();
    const mlruns = join(root, 'mlruns');
    const expDir = writeExperiment(mlruns, '1', 'live');
    const runA = writeRun(expDir, '1', 'a'.repeat(32));
    appendMetric(runA, 'loss', ['1 1.0 0']);
    const core = await startTestCore(tempDir());
    expect((await core.watch.add(root)).report).toEqual({ runs: 1, points: 1, problems: [] });

    const created = nextEvent(core, (e) => e.type === 'run.updated' && e.data.run.id === 'b'.repeat(32));
    const runB = writeRun(expDir, '1', 'b'.repeat(32));
    await created;
    const count = (id: string) => core.store.runs.summary(id)!.metrics[0]?.count ?? 0;
    const appended = nextEvent(core, (e) => e.type === 'points.appended' && count('b'.repeat(32)) === 2);
    appendMetric(runB, 'train/acc', ['1 0.5 0', '2 nan 1']);
    await appended;

    const deleted = nextEvent(core, (e) => e.type === 'run.updated' && e.data.run.id === 'a'.repeat(32) && e.data.run.lifecycleStage === 'deleted');
    writeRun(expDir, '1', 'a'.repeat(32), { lifecycle_stage: 'deleted' });
    renameSync(expDir, join(mlruns, '.trash', '1'));
    await deleted;
    await core.watch.idle();
    expect(count('a'.repeat(32))).toBe(1);
    await core.close();
  });

  it('watches an mlflow.db given as a file, and one that appears in a watched folder', async () => {
    const root = tempDir();
    const file = join(root, 'tracking.db');
    const db = createMlflowDb(file);
    insertRun(db, 'c'.repeat(32));
    insertMetrics(db, 'c'.repeat(32), 'loss', [{ value: 1, step: 0 }]);
    const core = await startTestCore(tempDir());
    expect((await core.watch.add(file)).report).toEqual({ runs: 1, points: 1, problems: [] });
    expect(userRoots(core).map((r) => r.path)).toEqual([file]);
    const count = (id: string) => core.store.runs.summary(id)?.metrics[0]?.count ?? 0;
    const appended = nextEvent(core, (e) => e.type === 'points.appended' && count('c'.repeat(32)) === 3);
    insertMetrics(db, 'c'.repeat(32), 'loss', [{ value: 2, step: 1 }, { value: 3, step: 2 }]);
    await appended;

    const folder = tempDir();
    await core.watch.add(folder);
    const later = nextEvent(core, (e) => e.type === 'points.appended' && e.data.runId === 'd'.repeat(32));
    mkdirSync(join(folder, 'project'));
    const fresh = createMlflowDb(join(folder, 'project', 'mlflow.db'));
    insertRun(fresh, 'd'.repeat(32));
    insertMetrics(fresh, 'd'.repeat(32), 'loss', [{ value: 1, step: 0 }]);
    await later;
    await core.close();
  });

  it('refuses a file it cannot read, and reports a broken one on its root without crashing', async () => {
    const root = tempDir();
    const text = join(root, 'notes.txt');
    writeFileSync(text, 'hello');
    const core = await startTestCore(tempDir());
    await expect(core.dispatch('addWatchRoot', { path: text })).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
    const mlruns = join(root, 'mlruns');
    const expDir = writeExperiment(mlruns, '1', 'e');
    await core.watch.add(root);
    const reported = nextEvent(core, (e) => e.type === 'watch.changed' && (e.data.root.lastError ?? '').includes('not valid YAML'));
    writeFile(join(expDir, 'f'.repeat(32), 'meta.yaml'), 'run_id: [broken\n');
    await reported;
    await core.close();
  });
});
