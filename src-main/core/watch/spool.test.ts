// The data folder's spool/: where the Python client writes runs while no server answers. Every
// core watches it, whatever the user has added or removed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { nextEvent } from '../test-support/next-event';
import { appendLines, points, writeRunFolder } from '../test-support/run-folder';
import { send } from '../test-support/http-client';

const tempDir = useTempDirs();

describe('the spool folder', () => {
  it('ingests runs written while no core ran, then tails them live', async () => {
    const data = tempDir();
    const spool = join(data, 'spool');
    const dir = writeRunFolder(spool, 'r1', { id: 'spooled1', experiment: 'offline' }, points('loss', 0, 5));
    const core = await startTestCore(data);
    expect(core.store.runs.summary('spooled1')).toMatchObject({ experiment: 'offline', metrics: [{ key: 'loss', count: 5 }] });
    // The start-up ingest's own points.appended may still be on its way: wait for the one that
    // comes once the new line is in.
    const count = () => core.store.runs.summary('spooled1')!.metrics[0]!.count;
    const appended = nextEvent(core, (e) => e.type === 'points.appended' && e.data.runId === 'spooled1' && count() === 6);
    appendLines(dir, points('loss', 5, 6));
    await appended;
    expect(count()).toBe(6);
    await core.close();
  });

  it('is created, listed first as the spool, refused for removal, and not stored with the user roots', async () => {
    const data = tempDir();
    const mine = tempDir();
    const core = await startTestCore(data, { watch: [mine] });
    expect(core.watch.roots().map((r) => [r.path, r.spool])).toEqual([
      [join(data, 'spool'), true],
      [mine, false],
    ]);
    await expect(core.dispatch('removeWatchRoot', { path: join(data, 'spool') })).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
    // Adding it by hand changes nothing: it stays the spool, not a remembered root.
    await core.dispatch('addWatchRoot', { path: join(data, 'spool') });
    expect(core.store.watch.roots().map((r) => r.path)).toEqual([mine]);
    expect(core.watch.roots().filter((r) => r.spool)).toHaveLength(1);
    await core.close();
  });

  it('joins a run created over HTTP: its source and uploaded artifacts stay, each point once', async () => {
    const data = tempDir();
    const core = await startTestCore(data, { port: 0 });
    const id = ((await send(core, 'POST', '/api/v1/runs', { body: '{"experiment":"switch"}' })).json().run as { id: string }).id;
    await send(core, 'PUT', `/api/v1/runs/${id}/artifacts/runlens/requirements.txt`, { body: 'numpy==2.0.0\n', json: false });
    await send(core, 'POST', `/api/v1/runs/${id}/log`, { body: JSON.stringify({ firstSeq: 1, metrics: points('loss', 0, 3) }) });
    const seen = nextEvent(core, (e) => e.type === 'run.updated' && e.data.run.id === id && e.data.run.status === 'FINISHED');
    const lines = points('loss', 2, 5).map((p, i) => ({ ...p, seq: i + 3 }));
    // The client copies artifacts into the folder before it rewrites run.json at the finish.
    const folder = join(data, 'spool', id);
    mkdirSync(join(folder, 'artifacts', 'plots'), { recursive: true });
    writeFileSync(join(folder, 'artifacts', 'plots', 'report.txt'), 'offline report\n');
    writeRunFolder(join(data, 'spool'), id, { id, experiment: 'switch', status: 'FINISHED', endTime: 2 }, lines);
    await seen;
    await core.watch.idle();
    const run = core.store.runs.summary(id)!;
    expect(run).toMatchObject({ sourceKind: 'api', status: 'FINISHED', metrics: [{ key: 'loss', count: 5 }] });
    const listed = async (path: string) => (await send(core, 'GET', `/api/v1/runs/${id}/artifacts?path=${path}`)).json().entries;
    expect(await listed('runlens')).toEqual([{ path: 'runlens/requirements.txt', isDir: false, size: 13 }]);
    expect(await listed('plots')).toEqual([{ path: 'plots/report.txt', isDir: false, size: 15 }]);
    // A file the client rewrites is copied again at the next read of the folder.
    writeFileSync(join(folder, 'artifacts', 'plots', 'report.txt'), 'final report, longer\n');
    expect(await core.watch.ingestOnce(join(data, 'spool'))).toMatchObject({ problems: [] });
    expect(await listed('plots')).toEqual([{ path: 'plots/report.txt', isDir: false, size: 21 }]);
    await core.close();
  });
});
