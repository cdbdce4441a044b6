import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { rejection } from '../test-support/api-rejection';

const tempDir = useTempDirs();

describe('API dispatch (shared by HTTP and IPC)', () => {
  it('creates, logs, finishes and reads back a run', async () => {
    const core = await startTestCore(tempDir());
    const { run } = (await core.dispatch('createRun', { experiment: 'exp', name: 'a', params: { lr: 0.01, deep: true } })) as { run: { id: string } };
    const log = await core.dispatch('logRun', {
      id: run.id,
      metrics: [
        { key: 'train/loss', value: 1.5, step: 0 },
        { key: 'train/loss', value: 'NaN', step: 1 },
        { key: 'train/loss', value: 'inf', step: 2 },
      ],
      tags: { note: 'x' },
    });
    expect(log).toEqual({ accepted: 3, skipped: 0 });
    const done = (await core.dispatch('finishRun', { id: run.id, status: 'FAILED' })) as { run: Record<string, unknown> };
    expect(done.run).toMatchObject({ status: 'FAILED', experiment: 'exp', params: { lr: '0.01', deep: 'true' }, tags: { note: 'x' } });
    expect(done.run.endTime).toEqual(expect.any(Number));
    const series = await core.dispatch('getMetricSeries', { id: run.id, key: 'train/loss' });
    expect(series).toMatchObject({ total: 3, downsampled: false, step: [0, 1, 2], value: [1.5, 'NaN', 'Infinity'] });
    await core.close();
  });

  it('names the bad field for wrong types', async () => {
    const core = await startTestCore(tempDir());
    const { run } = (await core.dispatch('createRun', {})) as { run: { id: string; name: string } };
    expect(run.name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    const e = await rejection(core.dispatch('logRun', { id: run.id, metrics: [{ key: 'k', value: 'high' }] }));
    expect(e.code).toBe('INVALID_PARAMETER_VALUE');
    expect(e.message).toContain('metrics.0.value');
    const k = await rejection(core.dispatch('logRun', { id: run.id, metrics: [{ key: '../etc', value: 1 }] }));
    expect(k.message).toContain('metrics.0.key');
    await core.close();
  });

  it('answers RESOURCE_DOES_NOT_EXIST for an unknown run', async () => {
    const core = await startTestCore(tempDir());
    for (const [method, input] of [
      ['getRun', { id: 'nope' }],
      ['logRun', { id: 'nope', metrics: [{ key: 'k', value: 1 }] }],
      ['finishRun', { id: 'nope' }],
      ['getMetricSeries', { id: 'nope', key: 'k' }],
    ] as const) {
      expect((await rejection(core.dispatch(method, input))).code).toBe('RESOURCE_DOES_NOT_EXIST');
    }
    await core.close();
  });

  it('refuses a param re-set to another value and stores nothing from that request', async () => {
    const core = await startTestCore(tempDir());
    const { run } = (await core.dispatch('createRun', { params: { lr: '0.1' } })) as { run: { id: string } };
    await core.dispatch('logRun', { id: run.id, params: { lr: '0.1' } });
    const e = await rejection(
      core.dispatch('logRun', { id: run.id, params: { lr: '0.2', bs: '32' }, metrics: [{ key: 'loss', value: 1 }], tags: { t: 'v' } }),
    );
    expect(e.code).toBe('INVALID_PARAMETER_VALUE');
    const { run: after } = (await core.dispatch('getRun', { id: run.id })) as { run: { params: object; tags: object; metrics: unknown[] } };
    expect(after.params).toEqual({ lr: '0.1' });
    expect(after.tags).toEqual({});
    expect(after.metrics).toEqual([]);
    await core.close();
  });

  it('downsamples long series to about the requested points', async () => {
    const core = await startTestCore(tempDir());
    const { run } = (await core.dispatch('createRun', {})) as { run: { id: string } };
    const metrics = Array.from({ length: 10_000 }, (_, i) => ({ key: 'loss', value: i === 7777 ? 99 : 1, step: i }));
    await core.dispatch('logRun', { id: run.id, metrics });
    const s = (await core.dispatch('getMetricSeries', { id: run.id, key: 'loss', points: '200' })) as { total: number; downsampled: boolean; step: number[]; max: number[] };
    expect(s.total).toBe(10_000);
    expect(s.downsampled).toBe(true);
    expect(s.step.length).toBeLessThanOrEqual(200);
    expect(Math.max(...s.max)).toBe(99);
    await core.close();
  });
});
