// The whole promotion over the core's HTTP API into a real `mlflow server` (anonymous, artifacts
// proxied) started here on 127.0.0.1: the MLflow adapter from the factory map.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PromotionRecord } from '../../../src-shared/promotion';
import { send } from '../test-support/http-client';
import { nextEvent } from '../test-support/next-event';
import { startPromotionFixture } from '../test-support/promotion-fixture';
import { freePort, requireBinaries, startMlflowServer, type ServerProcess } from '../test-support/server-process';
import { useTempDirs } from '../test-support/temp-dir';
import { REGISTRY_ADAPTERS } from './registry-adapters';

const MLFLOW = resolve('.venv/bin/mlflow');
const skip = requireBinaries([MLFLOW]);
const tempDir = useTempDirs();

describe.skipIf(skip !== null)('promotion into a real MLflow Model Registry', () => {
  let server: ServerProcess;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'runlens-mlflow-promote-'));
    const port = await freePort();
    server = await startMlflowServer({ work, port });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  }, 30_000);

  it('promotes and verifies, a retry reuses the version, and the alias holder is the baseline', async () => {
    const f = await startPromotionFixture(tempDir(), { port: 0, registryAdapters: REGISTRY_ADAPTERS });
    const saved = await send(f.core, 'PUT', '/api/v1/registries', { body: JSON.stringify({ name: 'team', kind: 'mlflow', url: server.url }) });
    expect(saved.status, saved.body).toBe(200);
    const promote = async (): Promise<PromotionRecord> => {
      const ended = nextEvent(f.core, (e) => e.type === 'promotion.updated' && e.data.record.outcome !== 'running');
      const r = await send(f.core, 'POST', '/api/v1/promotions', { body: JSON.stringify({ runId: f.runId, registry: 'team', remoteName: 'iris-classifier', alias: 'champion' }) });
      expect(r.status, r.body).toBe(202);
      return ((await ended).data as { record: PromotionRecord }).record;
    };
    const first = await promote();
    expect(first, first.error ?? '').toMatchObject({ outcome: 'verified', registryKind: 'mlflow', remoteVersion: '1' });
    expect(await promote()).toMatchObject({ outcome: 'verified', remoteVersion: '1' });

    await send(f.core, 'PUT', '/api/v1/gates', { body: JSON.stringify({ registry: 'team', model: 'iris-classifier', rules: [{ expression: 'metrics.val_accuracy >= baseline.metrics.val_accuracy' }] }) });
    const check = await send(f.core, 'POST', '/api/v1/promotions/check', { body: JSON.stringify({ runId: f.runId, registry: 'team', remoteName: 'iris-classifier', alias: 'champion' }) });
    expect(check.json()).toMatchObject({ passed: true, baselineRunId: f.runId, rules: [{ detail: 'val_accuracy 0.93 ≥ 0.93 (baseline: run candidate, holding champion)' }] });
    await f.core.close();
  }, 120_000);
});

if (skip) it.skip(skip, () => {});
