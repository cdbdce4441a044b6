import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PromotionRecord } from '../src-shared/promotion';
import { EXIT, promoteCommand, registryCommand, type CliIo } from './cli-promotion';
import { startPromotionFixture } from './core/test-support/promotion-fixture';
import type { FakeRegistry } from './core/test-support/fake-registry';
import { useTempDirs } from './core/test-support/temp-dir';

const tempDir = useTempDirs();

function fakeIo(registry: FakeRegistry, opts: { env?: NodeJS.ProcessEnv; stdin?: string | null } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const interrupts: (() => void)[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: opts.env ?? {},
    readStdin: async () => opts.stdin ?? null,
    onInterrupt: (h) => {
      interrupts.push(h);
      return () => interrupts.splice(interrupts.indexOf(h), 1);
    },
    adapters: { oci: registry.factory, mlflow: registry.factory },
  };
  return { io, out, err, interrupts, record: () => JSON.parse(out.join('\n')) as PromotionRecord };
}

/** A data dir holding a run with a model and the registry `hub`, closed again: the CLI opens it alone. */
async function dataDirWithRun() {
  const dataDir = tempDir();
  const f = await startPromotionFixture(dataDir);
  await f.core.close();
  return { dataDir, ...f };
}

describe('runlens registry', () => {
  it('adds a registry with its secret from the environment or stdin, never printing it; lists and removes', async () => {
    const { dataDir, registry } = await dataDirWithRun();
    const add = fakeIo(registry, { env: { RUNLENS_REGISTRY_SECRET: 'env-secret-123' } });
    expect(await registryCommand(['add', 'ghcr', '--kind', 'oci', '--url', 'https://ghcr.io/acme', '--username', 'bot', '--data', dataDir], add.io)).toBe(0);
    expect(JSON.parse(add.out.join('\n'))).toEqual({ name: 'ghcr', kind: 'oci', url: 'https://ghcr.io/acme', username: 'bot', hasSecret: true });
    expect(readFileSync(join(dataDir, 'registry-secrets.json'), 'utf8')).toContain('env-secret-123');

    const piped = fakeIo(registry, { stdin: 'stdin-secret-456\n', env: { RUNLENS_REGISTRY_SECRET: '' } });
    await registryCommand(['add', 'team', '--kind', 'mlflow', '--url', 'http://127.0.0.1:5000', '--data', dataDir], piped.io);
    expect(JSON.parse(readFileSync(join(dataDir, 'registry-secrets.json'), 'utf8'))).toMatchObject({ team: 'stdin-secret-456' });

    const list = fakeIo(registry);
    await registryCommand(['list', '--data', dataDir], list.io);
    expect((JSON.parse(list.out.join('\n')) as { name: string }[]).map((r) => r.name)).toEqual(['ghcr', 'hub', 'team']);
    expect([...add.out, ...piped.out, ...list.out].join('\n')).not.toMatch(/env-secret|stdin-secret/);

    await registryCommand(['remove', 'team', '--data', dataDir], fakeIo(registry).io);
    await expect(registryCommand(['remove', 'team', '--data', dataDir], fakeIo(registry).io)).rejects.toThrow(/does not exist/);
    await expect(registryCommand(['add', 'x', '--kind', 'oci', '--url', 'ftp://x', '--data', dataDir], fakeIo(registry).io)).rejects.toThrow(/http/);
    await expect(registryCommand(['add', 'x', '--kind', 'hf', '--url', 'https://x', '--data', dataDir], fakeIo(registry).io)).rejects.toThrow(/kind/);
    await expect(registryCommand(['frob'], fakeIo(registry).io)).rejects.toThrow(/usage/);
  });
});

describe('runlens promote', () => {
  it('prints the audit record and exits 0 when verified, 2 when the gate blocks, 0 again with an override', async () => {
    const { dataDir, registry, runId, modelId } = await dataDirWithRun();
    const ok = fakeIo(registry);
    expect(await promoteCommand([runId, '--registry', 'hub', '--model', 'acme/clf', '--alias', 'champion', '--data', dataDir], ok.io)).toBe(EXIT.verified);
    expect(ok.record()).toMatchObject({ outcome: 'verified', modelRef: modelId, remoteName: 'acme/clf', alias: 'champion', remoteVersion: '1' });
    expect(ok.err).toContain('reading back to verify');

    const gate = fakeIo(registry);
    const { openStore } = await import('./core/store/store');
    const store = openStore(join(dataDir, 'runlens.db'));
    store.registries.setGate('hub', 'acme/clf', [{ expression: 'metrics.val_accuracy >= 0.99' }]);
    store.close();
    expect(await promoteCommand([runId, '--registry', 'hub', '--model', 'acme/clf', '--path', 'model', '--data', dataDir], gate.io)).toBe(EXIT.blocked);
    expect(gate.record()).toMatchObject({ outcome: 'blocked', modelRef: 'model' });
    expect(gate.err.join('\n')).toContain('metrics.val_accuracy >= 0.99 (val_accuracy 0.93, needs ≥ 0.99)');

    const override = fakeIo(registry);
    const args = [runId, '--registry', 'hub', '--model', 'acme/clf', '--model-ref', modelId, '--override-reason', 'approved in review #12', '--data', dataDir];
    expect(await promoteCommand(args, override.io)).toBe(EXIT.verified);
    expect(override.record()).toMatchObject({ outcome: 'verified', overrideReason: 'approved in review #12' });
    expect(registry.versionsOf('acme/clf')).toHaveLength(1);
  });

  it('exits 1 when the push fails or is interrupted', async () => {
    const { dataDir, registry, runId } = await dataDirWithRun();
    registry.tamper = (files) => files.slice(1);
    const bad = fakeIo(registry);
    expect(await promoteCommand([runId, '--registry', 'hub', '--model', 'acme/clf', '--data', dataDir], bad.io)).toBe(EXIT.failed);
    expect(bad.record().outcome).toBe('failed');
    expect(bad.err.at(-1)).toMatch(/^failed: What hub holds differs/);

    registry.tamper = null;
    const stopped = fakeIo(registry);
    registry.onChunk = () => stopped.interrupts[0]?.();
    expect(await promoteCommand([runId, '--registry', 'hub', '--model', 'other/clf', '--data', dataDir], stopped.io)).toBe(EXIT.failed);
    expect(stopped.record().outcome).toBe('cancelled');
    expect(stopped.interrupts).toEqual([]);
  });

  it('refuses wrong arguments before touching the data dir', async () => {
    const registry = (await dataDirWithRun()).registry;
    const io = fakeIo(registry).io;
    const dataDir = join(tempDir(), 'never-made');
    await expect(promoteCommand(['r1', '--model', 'acme/clf', '--data', dataDir], io)).rejects.toThrow(/usage: runlens promote/);
    await expect(promoteCommand(['--registry', 'hub', '--model', 'acme/clf', '--data', dataDir], io)).rejects.toThrow(/usage/);
    await expect(promoteCommand(['r1', '--registry', 'hub', '--model', 'a', '--path', 'm', '--model-ref', 'm-1', '--data', dataDir], io)).rejects.toThrow(/not both/);
    await expect(promoteCommand(['r1', '--registry', 'hub', '--model', 'a b', '--data', dataDir], io)).rejects.toThrow(/remoteName/);
    await expect(promoteCommand(['r1', '--registry', 'hub', '--model', 'a', '--override-reason', 'x', '--data', dataDir], io)).rejects.toThrow(/overrideReason/);
    await expect(promoteCommand(['r1', '--registry', 'hub', '--model', 'a', '--frob', '--data', dataDir], io)).rejects.toThrow(/frob/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(dataDir)).toBe(false);
  });
});
