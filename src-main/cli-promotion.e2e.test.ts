// `runlens promote` and `runlens registry add` as a CI pipeline runs them: the built CLI
// (out/main/cli.js, made by `npm run build`) under plain node, against Debian's docker-registry.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCKER_REGISTRY, startOciRegistry, type OciRegistry } from './core/test-support/oci-registry';
import { startPromotionFixture } from './core/test-support/promotion-fixture';
import { requireBinaries } from './core/test-support/server-process';
import { useTempDirs } from './core/test-support/temp-dir';

const CLI = resolve(__dirname, '../out/main/cli.js');
const skip = requireBinaries([DOCKER_REGISTRY]) ?? (existsSync(CLI) ? null : 'skipped: out/main/cli.js is not built (npm run build)');
const tempDir = useTempDirs();

function cli(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [CLI, ...args], { env: { ...process.env, RUNLENS_REGISTRY_SECRET: '', ...opts.env } }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(opts.stdin ?? '');
  });
}

describe.skipIf(skip !== null)('the built CLI promotes', () => {
  let registry: OciRegistry;
  let workdir: string;

  beforeAll(async () => {
    workdir = mkdtempSync(join(tmpdir(), 'runlens-cli-promote-'));
    registry = await startOciRegistry(workdir, { kind: 'none' });
  });
  afterAll(async () => {
    await registry?.stop();
    rmSync(workdir, { recursive: true, force: true });
  });

  it('adds a registry from stdin, promotes (exit 0), is blocked by a gate (exit 2) and fails on bad input (exit 1)', async () => {
    const dataDir = tempDir();
    const f = await startPromotionFixture(dataDir);
    f.core.store.registries.setGate('reg', 'blocked-model', [{ expression: 'metrics.val_accuracy >= 0.99' }]);
    await f.core.close();

    const added = await cli(['registry', 'add', 'reg', '--kind', 'oci', '--url', `${registry.url}/ci`, '--data', dataDir], { stdin: 'not-needed-secret\n' });
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ name: 'reg', kind: 'oci', url: `${registry.url}/ci`, username: '', hasSecret: true });
    expect(added.stdout).not.toContain('not-needed-secret');

    const promoted = await cli(['promote', f.runId, '--registry', 'reg', '--model', 'iris', '--alias', 'champion', '--data', dataDir]);
    expect(promoted.code, promoted.stderr).toBe(0);
    expect(JSON.parse(promoted.stdout)).toMatchObject({ outcome: 'verified', runId: f.runId, registry: 'reg', remoteName: 'iris', alias: 'champion', remoteVersion: expect.stringMatching(/^sha256:/) });

    const blocked = await cli(['promote', f.runId, '--registry', 'reg', '--model', 'blocked-model', '--data', dataDir]);
    expect(blocked.code).toBe(2);
    expect(JSON.parse(blocked.stdout)).toMatchObject({ outcome: 'blocked', gate: { passed: false } });
    expect(blocked.stderr).toContain('val_accuracy 0.93, needs ≥ 0.99');

    const wrong = await cli(['promote', f.runId, '--registry', 'nope', '--model', 'iris', '--data', dataDir]);
    expect([wrong.code, wrong.stderr]).toEqual([1, expect.stringContaining("Registry 'nope' does not exist")]);
  });
});

if (skip) it.skip(skip, () => {});
