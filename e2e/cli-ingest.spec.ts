// `runlens ingest DIR` from the command line, as a user runs it: counts once, nothing twice.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const CLI = resolve(fileURLToPath(import.meta.url), '../../out/main/cli.js');
const SAMPLES = resolve(fileURLToPath(import.meta.url), '../../resources/sample-runs');
const run = promisify(execFile);

test('runlens ingest reports runs and points, and a second ingest adds nothing', async () => {
  const data = await mkdtemp(join(tmpdir(), 'runlens-e2e-ingest-'));
  try {
    const first = await run(process.execPath, [CLI, 'ingest', SAMPLES, '--data', data]);
    expect(first.stdout).toMatch(/^Ingested 9 run\(s\), [1-9]\d{3,} new point\(s\), 0 problem\(s\)\.$/m);
    const second = await run(process.execPath, [CLI, 'ingest', SAMPLES, '--data', data]);
    expect(second.stdout).toContain('Ingested 9 run(s), 0 new point(s), 0 problem(s).');
    const missing = await run(process.execPath, [CLI, 'ingest', join(data, 'nope'), '--data', data]).catch((e: { code: number; stderr: string }) => e);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('Folder does not exist') });
  } finally {
    await rm(data, { recursive: true, force: true });
  }
});
