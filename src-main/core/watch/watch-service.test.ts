import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../src-shared/events';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { appendLines, points, writeRunFolder } from '../test-support/run-folder';
import type { Core } from '../core';

const tempDir = useTempDirs();

/** Resolves with the first core event that matches. */
function nextEvent(core: Core, match: (e: CoreEvent) => boolean): Promise<CoreEvent> {
  return new Promise((done) => {
    const off = core.hub.subscribe((e) => {
      if (match(e)) {
        off();
        done(e);
      }
    });
  });
}

describe('WatchService', () => {
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

  it('remembers watched folders across restarts without re-ingesting', async () => {
    const root = tempDir();
    const data = tempDir();
    writeRunFolder(root, 'r', { id: 'r0' }, points('loss', 0, 10));
    const first = await startTestCore(data, { watch: [root] });
    await first.close();
    const second = await startTestCore(data);
    expect(second.watch.roots().map((r) => r.path)).toEqual([root]);
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
    expect(core.watch.roots()[0]!.lastError).toContain('not JSON');
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
    expect(core.watch.roots().map((r) => r.path)).toEqual([kept]);
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
});
