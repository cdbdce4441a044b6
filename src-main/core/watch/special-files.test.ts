// Issue 11, hostile folders: a FIFO (or a folder) where a watched format expects a file. Opened
// the ordinary way, a FIFO waits for a writer forever and holds that unit's ingest with it; each
// reader must refuse it as not a regular file, report it, and leave the other units ingesting.
// (metrics.jsonl, tailed, is covered in tailer-faults.test.ts.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { writeRunFolder } from '../test-support/run-folder';
import { nextEvent } from '../test-support/next-event';
import { appendMetric, writeExperiment, writeRun } from '../test-support/mlflow-stores';

const tempDir = useTempDirs();

async function watched(root: string): Promise<{ core: Core; pass: () => Promise<void> }> {
  const core = await startTestCore(tempDir());
  await core.watch.add(root);
  const pass = async () => {
    await core.watch.ingestOnce(root);
    await core.watch.idle();
  };
  return { core, pass };
}

function problems(core: Core, root: string): string {
  return core.watch
    .roots()
    .find((r) => r.path === root)!
    .problems.map((p) => `${p.file}: ${p.message}`)
    .join('\n');
}

describe('special files at watched paths', () => {
  it('refuses a FIFO at run.json and at inputs.json, and ingests the run folders beside them', async () => {
    const root = tempDir();
    const stuck = writeRunFolder(root, 'stuck', { id: 'stuck' });
    const io = writeRunFolder(root, 'io', { id: 'io' }, [{ key: 'k', value: 1, step: 0 }]);
    execFileSync('mkfifo', [join(io, 'inputs.json')]);
    const { core, pass } = await watched(root);
    expect(core.store.runs.summary('io')!.metrics).toHaveLength(1);
    expect(problems(core, root)).toMatch(/inputs\.json.*not a regular file \(a FIFO\)/);
    // A scan finds run folders by a run.json that is a file; the live watcher hands over any
    // change, so a FIFO put in its place reaches the reader.
    const refused = nextEvent(core, (e) => e.type === 'watch.changed' && /run\.json.*not a regular file \(a FIFO\)/.test(e.data.root.lastError ?? ''));
    rmSync(join(stuck, 'run.json'));
    execFileSync('mkfifo', [join(stuck, 'run.json')]);
    await refused;
    writeRunFolder(root, 'ok', { id: 'ok' }, [{ key: 'k', value: 2, step: 0 }]);
    await pass();
    expect(core.store.runs.summary('ok')!.metrics).toHaveLength(1);
    // Once a real file takes its place, the folder is read again.
    rmSync(join(stuck, 'run.json'));
    writeRunFolder(root, 'stuck', { id: 'stuck' }, [{ key: 'k', value: 3, step: 0 }]);
    await pass();
    expect(core.store.runs.summary('stuck')!.metrics).toHaveLength(1);
    await core.close();
  });

  it('refuses a FIFO at an MLflow run meta.yaml and ingests the other runs of the store', async () => {
    const root = tempDir();
    const exp = writeExperiment(root, '1', 'exp');
    const bad = join(exp, 'aaaa');
    mkdirSync(join(bad, 'metrics'), { recursive: true });
    execFileSync('mkfifo', [join(bad, 'meta.yaml')]);
    const good = writeRun(exp, '1', 'bbbb');
    appendMetric(good, 'loss', ['1700000000000 0.5 0']);
    const { core, pass } = await watched(root);
    await pass();
    expect(core.store.runs.summary('bbbb')!.metrics.map((m) => m.key)).toEqual(['loss']);
    expect(problems(core, root)).toMatch(/meta\.yaml.*not a regular file \(a FIFO\)/);
    await core.close();
  });
});
