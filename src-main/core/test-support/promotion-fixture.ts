import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core, CoreOptions } from '../core';
import { FakeRegistry } from './fake-registry';
import { startTestCore } from './test-core';

export interface PromotionFixture {
  core: Core;
  registry: FakeRegistry;
  /** A finished run with metrics, a dataset input and a logged model folder of two files. */
  runId: string;
  modelId: string;
  modelDir: string;
  /** The run's artifact folder (`model/` under it is the same model, by path). */
  artifactsDir: string;
}

/** A core whose `mlflow` and `oci` registries are one in-memory fake; a registry named `hub`. */
export async function startPromotionFixture(dataDir: string, extra: Partial<CoreOptions> = {}): Promise<PromotionFixture> {
  const registry = new FakeRegistry();
  const core = await startTestCore(dataDir, { registryAdapters: { oci: registry.factory, mlflow: registry.factory }, ...extra });
  const { run } = await core.handlers.createRun({ name: 'candidate', experiment: 'Default' });
  await core.handlers.logRun({ id: run.id, metrics: [{ key: 'val_accuracy', value: 0.93, step: 1 }, { key: 'val_loss', value: 0.2, step: 1 }] });
  core.store.datasets.addRunInput(run.id, { name: 'train', digest: 'sha256:abc', sourceType: 'local', source: '/data/train.csv', schema: null, profile: null }, {}, 1);
  const artifactsDir = join(dataDir, 'run-artifacts');
  const modelDir = join(artifactsDir, 'model');
  mkdirSync(join(modelDir, 'weights'), { recursive: true });
  writeFileSync(join(modelDir, 'MLmodel'), 'flavors:\n  sklearn: {}\n');
  // Several chunks of the fake's 16 KiB reads, so a push can be caught in the middle.
  writeFileSync(join(modelDir, 'weights', 'model.bin'), Buffer.alloc(100_000, 7));
  core.store.runs.setArtifactUri(run.id, artifactsDir);
  const modelId = 'm-0123abcd';
  core.store.models.create(
    { id: modelId, experimentId: run.experimentId, sourceRunId: run.id, name: 'clf', artifactUri: modelDir, status: 'LOGGED_MODEL_READY', modelType: '', tags: {}, params: {} },
    2,
  );
  core.store.registries.save({ name: 'hub', kind: 'oci', url: 'https://registry.example/acme', username: 'ci' }, 1);
  return { core, registry, runId: run.id, modelId, modelDir, artifactsDir };
}
