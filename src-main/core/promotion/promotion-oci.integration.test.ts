// The whole promotion, over the core's HTTP API and through `runlens promote`, into Debian's
// docker-registry started here with Basic auth: the real OCI adapter from the factory map.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PromotionRecord } from '../../../src-shared/promotion';
import { promoteCommand, type CliIo } from '../../cli-promotion';
import { send } from '../test-support/http-client';
import { nextEvent } from '../test-support/next-event';
import { DOCKER_REGISTRY, startOciRegistry, type OciRegistry } from '../test-support/oci-registry';
import { startPromotionFixture } from '../test-support/promotion-fixture';
import { requireBinaries } from '../test-support/server-process';
import { useTempDirs } from '../test-support/temp-dir';
import { REGISTRY_ADAPTERS } from './registry-adapters';

const skip = requireBinaries([DOCKER_REGISTRY]);
const USER = { username: 'ci', password: 'promote-pw-31415' };
const tempDir = useTempDirs();

describe.skipIf(skip !== null)('promotion into a real OCI registry', () => {
  let registry: OciRegistry;
  let workdir: string;

  beforeAll(async () => {
    workdir = mkdtempSync(join(tmpdir(), 'runlens-oci-promote-'));
    registry = await startOciRegistry(workdir, { kind: 'basic', ...USER });
  });
  afterAll(async () => {
    await registry?.stop();
    rmSync(workdir, { recursive: true, force: true });
  });

  it('promotes over HTTP, verifies the digests, finds its earlier push on retry and judges the next against the alias holder', async () => {
    const f = await startPromotionFixture(tempDir(), { port: 0, registryAdapters: REGISTRY_ADAPTERS });
    const save = (secret: string) =>
      send(f.core, 'PUT', '/api/v1/registries', { body: JSON.stringify({ name: 'local', kind: 'oci', url: `${registry.url}/team`, username: USER.username, secret }) });
    expect((await save(USER.password)).status).toBe(200);
    const promote = async (body: object): Promise<PromotionRecord> => {
      const ended = nextEvent(f.core, (e) => e.type === 'promotion.updated' && e.data.record.outcome !== 'running');
      const r = await send(f.core, 'POST', '/api/v1/promotions', { body: JSON.stringify({ runId: f.runId, registry: 'local', remoteName: 'iris', ...body }) });
      expect(r.status, r.body).toBe(202);
      return ((await ended).data as { record: PromotionRecord }).record;
    };

    const first = await promote({ alias: 'champion' });
    expect(first).toMatchObject({ outcome: 'verified', error: null });
    expect(first.remoteVersion).toMatch(/^sha256:[0-9a-f]{64}$/);
    const again = await promote({ alias: 'champion' });
    expect(again).toMatchObject({ outcome: 'verified', remoteVersion: first.remoteVersion });

    // The champion is this run now: a rule asking to beat it is judged against its own values.
    await send(f.core, 'PUT', '/api/v1/gates', { body: JSON.stringify({ registry: 'local', model: 'iris', rules: [{ expression: 'metrics.val_loss < baseline.metrics.val_loss' }] }) });
    const check = await send(f.core, 'POST', '/api/v1/promotions/check', { body: JSON.stringify({ runId: f.runId, registry: 'local', remoteName: 'iris', alias: 'champion' }) });
    expect(check.json()).toMatchObject({ passed: false, baselineRunId: f.runId, rules: [{ detail: 'val_loss 0.2, needs < 0.2 (baseline: run candidate, holding champion)' }] });

    expect((await save('wrong-password')).status).toBe(200);
    const denied = await promote({ remoteName: 'other' });
    expect(denied.outcome).toBe('failed');
    expect(denied.error).toMatch(/authentication failed/i);
    expect(denied.error).not.toContain('wrong-password');
    await f.core.close();
  });

  it('runlens promote pushes with the secret from the environment and exits 0', async () => {
    const dataDir = tempDir();
    const f = await startPromotionFixture(dataDir, { registryAdapters: REGISTRY_ADAPTERS });
    f.core.store.registries.save({ name: 'ci-registry', kind: 'oci', url: `${registry.url}/ci`, username: USER.username }, 1);
    await f.core.close();
    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: () => {}, env: { RUNLENS_REGISTRY_CI_REGISTRY_SECRET: USER.password }, readStdin: async () => null, onInterrupt: () => () => {} };
    expect(await promoteCommand([f.runId, '--registry', 'ci-registry', '--model', 'iris', '--alias', 'staging', '--data', dataDir], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ outcome: 'verified', registryKind: 'oci', alias: 'staging' });
  });
});

if (skip) it.skip(skip, () => {});
