import type { RunSummary } from '../../../src-shared/domain';
import type { Core } from '../core';
import { startTestCore } from './test-core';

/**
 * Three runs: a and b share `loss` and `acc`; c logs only `loss`. A fourth, `prep` (no params
 * or metrics), made the dataset `clean` from `raw`; a and b read `clean`.
 */
export async function coreWithRuns(dataDir: string): Promise<{ core: Core; ids: Record<string, string> }> {
  const core = await startTestCore(dataDir);
  const ids: Record<string, string> = {};
  for (const [name, lr, losses, acc] of [
    ['a', '0.001', [0.9, 0.2, 0.3], 0.8],
    ['b', '0.01', [0.8, 0.5, 0.4], 0.7],
    ['c', '0.001', [0.7, 0.1, 0.6], null],
  ] as const) {
    const tags = { model: 'resnet', 'env.WANDB_API_KEY': 'k-123', hf_token: 'hf-xyz', note: 'says "hi", twice' };
    const { run } = (await core.dispatch('createRun', { name, params: { lr, opt: 'adam' }, tags })) as { run: RunSummary };
    const metrics = losses.map((value, step) => ({ key: 'loss', value, step }));
    if (acc !== null) metrics.push({ key: 'acc', value: acc, step: 0 });
    await core.dispatch('logRun', { id: run.id, metrics });
    ids[name] = run.id;
  }
  const ds = (name: string, digest: string) => ({ name, digest, sourceType: 'local', source: `/data/${name}.csv`, schema: null, profile: null });
  const { run: prep } = (await core.dispatch('createRun', { name: 'prep' })) as { run: RunSummary };
  core.store.datasets.addRunInput(prep.id, ds('raw', 'sha256:0a'), {}, 1);
  core.store.datasets.addRunOutput(prep.id, ds('clean', 'sha256:0b'), null, 1);
  for (const id of [ids.a!, ids.b!]) core.store.datasets.addRunInput(id, ds('clean', 'sha256:0b'), {}, 1);
  ids.prep = prep.id;
  return { core, ids };
}
