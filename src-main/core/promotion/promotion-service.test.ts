import { symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../src-shared/events';
import type { PromotionProgress } from '../../../src-shared/promotion';
import { useTempDirs } from '../test-support/temp-dir';
import { startPromotionFixture } from '../test-support/promotion-fixture';
import { startTestCore } from '../test-support/test-core';

const tempDir = useTempDirs();

function collect(f: { core: { hub: { subscribe(l: (e: CoreEvent) => void): () => void } } }): CoreEvent[] {
  const events: CoreEvent[] = [];
  f.core.hub.subscribe((e) => events.push(e));
  return events;
}

describe('PromotionService', () => {
  it('pushes the run’s only model, reads it back, verifies it and records the evidence', async () => {
    const f = await startPromotionFixture(tempDir());
    const events = collect(f);
    const started = await f.core.promotions.start({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf', alias: 'champion' });
    expect(started.record).toMatchObject({ outcome: 'running', modelRef: f.modelId, registry: 'hub', registryKind: 'oci', alias: 'champion', finishedAt: null });
    expect(started.record.modelDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const done = await started.done;
    expect(done).toMatchObject({ id: started.record.id, outcome: 'verified', remoteVersion: '1', error: null, finishedAt: expect.any(Number) });
    expect(done.user).toBeTruthy();

    const [version] = f.registry.versionsOf('acme/clf');
    expect(version!.files.map((x) => [x.path, x.size])).toEqual([['MLmodel', 23], ['weights/model.bin', 100_000]]);
    expect(version!.annotations).toEqual({
      'runlens.run_id': f.runId,
      'runlens.model_digest': done.modelDigest,
      'metric.val_accuracy': '0.93',
      'metric.val_loss': '0.2',
      'dataset.train': 'sha256:abc',
    });
    expect(f.registry.aliases.get('acme/clf@champion')).toBe('1');

    const updates = events.filter((e) => e.type === 'promotion.updated').map((e) => (e.data as { record: { outcome: string } }).record.outcome);
    expect(updates).toEqual(['running', 'verified']);
    const progress = events.filter((e) => e.type === 'promotion.progress').map((e) => e.data as PromotionProgress);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', bytesDone: 100_023, bytesTotal: 100_023 });
    expect(progress.some((p) => p.phase === 'upload' && p.file === 'weights/model.bin' && p.bytesTotal === 100_023)).toBe(true);
    expect(f.core.promotions.list(f.runId)).toEqual([done]);
    await f.core.close();
  });

  it('a retry of the same model finds the earlier version: one remote version, three verified attempts', async () => {
    const f = await startPromotionFixture(tempDir());
    const first = await (await f.core.promotions.start({ runId: f.runId, model: f.modelId, registry: 'hub', remoteName: 'acme/clf' })).done;
    // The same files named by their artifact path: the same digest.
    const second = await (await f.core.promotions.start({ runId: f.runId, model: 'model', registry: 'hub', remoteName: 'acme/clf' })).done;
    expect([first.outcome, second.outcome]).toEqual(['verified', 'verified']);
    expect(second.modelRef).toBe('model');
    // As a run folder shows it on disk: its artifact root is its artifacts/ folder.
    const third = await (await f.core.promotions.start({ runId: f.runId, model: 'artifacts/model/', registry: 'hub', remoteName: 'acme/clf' })).done;
    expect([third.modelRef, third.modelDigest]).toEqual(['model', first.modelDigest]);
    expect(second.modelDigest).toBe(first.modelDigest);
    expect(second.remoteVersion).toBe(first.remoteVersion);
    expect(f.registry.pushes).toBe(3);
    expect(f.registry.versionsOf('acme/clf')).toHaveLength(1);
    expect(f.core.promotions.list().map((r) => r.id)).toEqual([third.id, second.id, first.id]);
    await f.core.close();
  });

  it('records a failed gate as blocked without pushing, and an override with its reason', async () => {
    const f = await startPromotionFixture(tempDir());
    f.core.store.registries.setGate('hub', 'acme/clf', [{ expression: 'metrics.val_accuracy >= 0.95' }, { expression: 'inputs.have_digest' }]);
    const target = { runId: f.runId, registry: 'hub', remoteName: 'acme/clf', alias: 'champion' };
    const blocked = await f.core.promotions.start(target);
    expect(blocked.record).toMatchObject({ outcome: 'blocked', overrideReason: null, finishedAt: expect.any(Number), remoteVersion: null });
    expect(blocked.record.gate.rules.map((r) => [r.passed, r.detail])).toEqual([
      [false, 'val_accuracy 0.93, needs ≥ 0.95'],
      [true, 'all 1 dataset input(s) have a digest'],
    ]);
    expect(await blocked.done).toEqual(blocked.record);
    expect(f.registry.pushes).toBe(0);

    const overridden = await (await f.core.promotions.start({ ...target, overrideReason: 'hotfix approved by ana' })).done;
    expect(overridden).toMatchObject({ outcome: 'verified', overrideReason: 'hotfix approved by ana', gate: { passed: false } });
    expect(f.core.promotions.list().map((r) => r.outcome)).toEqual(['verified', 'blocked']);
    await f.core.close();
  });

  it('judges baseline rules against the run holding the alias on the registry', async () => {
    const f = await startPromotionFixture(tempDir());
    const { run: champion } = await f.core.handlers.createRun({ name: 'champion' });
    await f.core.handlers.logRun({ id: champion.id, metrics: [{ key: 'val_loss', value: 0.1, step: 0 }] });
    f.core.store.registries.setGate('hub', 'acme/clf', [{ expression: 'metrics.val_loss < baseline.metrics.val_loss' }]);
    const target = { runId: f.runId, registry: 'hub', remoteName: 'acme/clf', alias: 'champion' };
    expect((await f.core.promotions.checkGate(target)).rules[0]).toMatchObject({ passed: true, detail: expect.stringContaining('nothing holds champion') });

    f.registry.seed('acme/clf', 'champion', champion.id);
    const gate = await f.core.promotions.checkGate(target);
    expect(gate).toMatchObject({ passed: false, baselineRunId: champion.id, rules: [{ detail: 'val_loss 0.2, needs < 0.1 (baseline: run champion, holding champion)' }] });

    f.registry.seed('acme/clf', 'champion', null);
    expect((await f.core.promotions.checkGate(target)).rules[0]).toMatchObject({ passed: false, detail: expect.stringContaining('no Runlens run') });
    await f.core.close();
  });

  it('cancels mid-push (no version made), and refuses a second promotion of the same name meanwhile', async () => {
    const f = await startPromotionFixture(tempDir());
    let reached!: () => void;
    const inFlight = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    f.registry.onChunk = (file, bytes) => {
      if (file === 'weights/model.bin' && bytes > 16_000) {
        reached();
        return held;
      }
    };
    const started = await f.core.promotions.start({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf' });
    await inFlight;
    await expect(f.core.promotions.start({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf' })).rejects.toMatchObject({ code: 'RESOURCE_CONFLICT' });
    expect(f.core.promotions.cancel(started.record.id)).toBe(true);
    release();
    expect(await started.done).toMatchObject({ outcome: 'cancelled', error: 'Cancelled', remoteVersion: null });
    expect(f.registry.versionsOf('acme/clf')).toEqual([]);
    expect(f.core.promotions.cancel(started.record.id)).toBe(false);

    // The name is free again once the attempt has ended.
    f.registry.onChunk = null;
    expect((await (await f.core.promotions.start({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf' })).done).outcome).toBe('verified');
    await f.core.close();
  });

  it('fails when what the registry holds differs from the local files, naming the file', async () => {
    const f = await startPromotionFixture(tempDir());
    f.registry.tamper = (files) => files.map((x) => (x.path === 'MLmodel' ? { ...x, sha256: '0'.repeat(64) } : x));
    const done = await (await f.core.promotions.start({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf' })).done;
    expect(done.outcome).toBe('failed');
    expect(done.remoteVersion).toBe('1');
    expect(done.error).toMatch(/MLmodel: local 23 bytes sha256 [0-9a-f]{12}…, registry 23 bytes sha256 000000000000…/);
    f.registry.tamper = (files) => files.filter((x) => x.path !== 'MLmodel');
    const missing = await (await f.core.promotions.start({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf' })).done;
    expect(missing).toMatchObject({ outcome: 'failed', error: expect.stringContaining('MLmodel is missing from the registry') });
    await f.core.close();
  });

  it('records a registry error as failed with its message', async () => {
    const f = await startPromotionFixture(tempDir());
    const { RegistryError } = await import('../registry/registry-adapter');
    f.registry.onChunk = () => {
      throw new RegistryError('registry.example answered 401: wrong credentials', 401);
    };
    const done = await (await f.core.promotions.start({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf' })).done;
    expect(done).toMatchObject({ outcome: 'failed', error: 'registry.example answered 401: wrong credentials' });
    await f.core.close();
  });

  it('names the models to choose from when a run has several, and refuses a run without one', async () => {
    const f = await startPromotionFixture(tempDir());
    const run = f.core.store.runs.summary(f.runId)!;
    f.core.store.models.create({ id: 'm-ff', experimentId: run.experimentId, sourceRunId: f.runId, name: 'other', artifactUri: f.modelDir, status: 'LOGGED_MODEL_READY', modelType: '', tags: {}, params: {} }, 3);
    const target = { runId: f.runId, registry: 'hub', remoteName: 'acme/clf' };
    await expect(f.core.promotions.start(target)).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('m-0123abcd (clf), m-ff (other)') });
    const { run: bare } = await f.core.handlers.createRun({ name: 'bare' });
    await expect(f.core.promotions.start({ ...target, runId: bare.id })).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    await expect(f.core.promotions.start({ ...target, model: '../../etc' })).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
    await expect(f.core.promotions.start({ ...target, model: 'nope' })).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    expect(f.core.promotions.list()).toEqual([]);
    await f.core.close();
  });

  it('refuses a model that a symlink in the run’s artifacts leads outside them, as a folder or as a file inside one', async () => {
    const f = await startPromotionFixture(tempDir());
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    symlinkSync(outside, join(f.artifactsDir, 'linked'));
    const target = { runId: f.runId, registry: 'hub', remoteName: 'acme/clf' };
    await expect(f.core.promotions.start({ ...target, model: 'linked' })).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
    // A link to a file outside, inside the logged model's folder.
    symlinkSync(join(outside, 'secret.txt'), join(f.modelDir, 'weights', 'extra.bin'));
    await expect(f.core.promotions.start({ ...target, model: f.modelId })).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
    await expect(f.core.promotions.start({ ...target, model: 'model' })).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
    expect(f.registry.pushes).toBe(0);
    await f.core.close();
  });

  it('on start, finishes as failed the attempts of a process of this machine that died mid-push, and only those', async () => {
    const dataDir = tempDir();
    const f = await startPromotionFixture(dataDir);
    const first = (await f.core.promotions.start({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf' })).record;
    const attempt = (id: string) => ({ ...first, id, outcome: 'running' as const, error: null, finishedAt: null });
    // 99999999 is above any Linux pid_max: no such process.
    f.core.store.promotions.insert(attempt('dead'), `${hostname()}:99999999`);
    f.core.store.promotions.insert(attempt('alive'), `${hostname()}:${process.ppid}`);
    f.core.store.promotions.insert(attempt('elsewhere'), 'another-host:99999999');
    await f.core.close();

    const core = await startTestCore(dataDir);
    const byId = new Map(core.promotions.list().map((r) => [r.id, r]));
    expect(byId.get('dead')).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/^Interrupted/), finishedAt: expect.any(Number) });
    expect([byId.get('alive')!.outcome, byId.get('elsewhere')!.outcome]).toEqual(['running', 'running']);
    await core.close();
  });
});
