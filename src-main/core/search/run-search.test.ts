import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/errors';
import type { RunSummary } from '../../../src-shared/domain';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';

const tempDir = useTempDirs();

describe('listRuns filter (MLflow search syntax)', () => {
  it('returns the runs matching every clause, and all runs without a filter', async () => {
    const core = await startTestCore(tempDir());
    const ids: Record<string, string> = {};
    for (const [name, lr, model, loss] of [
      ['a', '0.001', 'resnet50', 0.2],
      ['b', '0.001', 'resnet18', 0.5],
      ['c', '0.01', 'vit-b', 0.1],
    ] as const) {
      const { run } = (await core.dispatch('createRun', { name, params: { lr }, tags: { model } })) as { run: RunSummary };
      await core.dispatch('logRun', { id: run.id, metrics: [{ key: 'val_loss', value: 9, step: 0 }, { key: 'val_loss', value: loss, step: 1 }] });
      ids[name] = run.id;
    }
    await core.dispatch('finishRun', { id: ids.a! });
    const names = async (filter?: string) =>
      ((await core.dispatch('listRuns', filter === undefined ? {} : { filter })) as { runs: RunSummary[] }).runs.map((r) => r.name).sort();

    expect(await names()).toEqual(['a', 'b', 'c']);
    expect(await names('  ')).toEqual(['a', 'b', 'c']);
    // The last value counts, as in MLflow: every run once logged 9.
    expect(await names('metrics.val_loss < 0.3')).toEqual(['a', 'c']);
    expect(await names("metrics.val_loss < 0.3 and params.lr = '0.001' and tags.model LIKE 'resnet%' and attributes.status = 'FINISHED'")).toEqual(['a']);
    expect(await names("attributes.status = 'RUNNING'")).toEqual(['b', 'c']);
    expect(await names(`attributes.run_id IN ('${ids.b}', '${ids.c}') and params.lr != '0.01'`)).toEqual(['b']);
    await core.close();
  });

  it('answers INVALID_PARAMETER_VALUE pointing at the bad character', async () => {
    const core = await startTestCore(tempDir());
    const error = await core.dispatch('listRuns', { filter: "metrics.val_loss < 'low'" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INVALID_PARAMETER_VALUE');
    expect((error as ApiError).message).toMatch(/character 20, near 'low': expected a number for metric 'val_loss'/);
    await core.close();
  });
});
