import { describe, expect, it } from 'vitest';
import type { MetricSeries, SeriesQueryResult } from '../../../src-shared/domain';
import type { ErrorCode } from '../../../src-shared/errors';
import { ApiError } from '../../../src-shared/errors';
import { LIMITS } from '../../../src-shared/limits';
import type { Core } from '../core';
import type { NewPoint } from '../store/metric-point';
import { send } from '../test-support/http-client';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';

const tempDir = useTempDirs();

/** A run started at `startTime` holding the given points. */
function addRun(core: Core, id: string, startTime: number, points: NewPoint[]): void {
  const { store } = core;
  store.tx(() => {
    store.runs.insert({ id, experiment: 'e', name: id, status: 'FINISHED', startTime, endTime: null, sourceKind: 'api', sourcePath: null });
    store.metrics.append(id, points);
  });
}
const pt = (key: string, step: number, value: number, timestamp = 0): NewPoint => ({ key, step, value, timestamp });

async function query(core: Core, input: Record<string, unknown>): Promise<SeriesQueryResult> {
  return (await core.dispatch('querySeries', input)) as SeriesQueryResult;
}

async function failure(core: Core, input: Record<string, unknown>): Promise<ApiError> {
  const e = await core.dispatch('querySeries', input).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe('querySeries', () => {
  it('reduces runs × keys over one grid spanning the union of their step extents', async () => {
    const core = await startTestCore(tempDir());
    addRun(core, 'a', 0, Array.from({ length: 50 }, (_, i) => pt('loss', i, 50 - i)));
    addRun(core, 'b', 0, Array.from({ length: 100 }, (_, i) => pt('loss', i + 20, i)));
    const r = await query(core, { runIds: ['a', 'b'], keys: ['loss', 'acc'], buckets: 60 });
    // Steps 0..119 in 60 buckets: two steps each.
    expect(r.grid).toEqual({ lo: 0, width: 2, count: 60 });
    expect(r.series.map((s) => [s.runId, s.key, s.total, s.extent, s.exact])).toEqual([
      ['a', 'loss', 50, [0, 49], true],
      ['a', 'acc', 0, null, true],
      ['b', 'loss', 100, [20, 119], false],
      ['b', 'acc', 0, null, true],
    ]);
    const [a, , b] = r.series;
    expect(a!.x).toEqual(a!.step);
    expect(a!.bucket.slice(0, 3)).toEqual([0, 1, 2]);
    expect(a!.bucketMean.slice(0, 2)).toEqual([49.5, 47.5]);
    // The same steps land in the same buckets in both runs.
    expect(b!.bucket[0]).toBe(10);
    expect(b!.x.slice(0, 2)).toEqual([20, 21]);
    await core.close();
  });

  it('keeps only points inside a range, reporting the extent of the whole series', async () => {
    const core = await startTestCore(tempDir());
    addRun(core, 'a', 0, Array.from({ length: 5000 }, (_, i) => pt('loss', i, i % 7 === 0 ? NaN : i)));
    const r = await query(core, { runIds: ['a'], keys: ['loss'], buckets: 10, range: { min: 1000, max: 1009 } });
    expect(r.grid).toEqual({ lo: 1000, width: 1, count: 10 });
    const [s] = r.series;
    expect(s).toMatchObject({ total: 10, extent: [0, 4999], exact: true, step: [1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009] });
    // 1001 and 1008 are multiples of 7: NaN on the line, out of the bucket stats.
    expect([s!.y[1], s!.y[8]]).toEqual(['NaN', 'NaN']);
    expect(s!.bucket).toEqual([0, 2, 3, 4, 5, 6, 7, 9]);
    const empty = await query(core, { runIds: ['a'], keys: ['loss'], range: { min: 9000, max: 9999 } });
    expect(empty.series[0]).toMatchObject({ total: 0, extent: [0, 4999], x: [] });
    await core.close();
  });

  it('plots along wall-clock time, sorted by time, and along time since the run started', async () => {
    const core = await startTestCore(tempDir());
    addRun(core, 'a', 1000, [pt('loss', 0, 5, 1300), pt('loss', 1, 4, 1100), pt('loss', 2, 3, 1200)]);
    addRun(core, 'b', 5000, [pt('loss', 0, 9, 5050)]);
    const time = await query(core, { runIds: ['a', 'b'], keys: ['loss'], x: 'time' });
    expect(time.series[0]).toMatchObject({ x: [1100, 1200, 1300], y: [4, 3, 5], step: [1, 2, 0], extent: [1100, 1300] });
    expect(time.grid).toMatchObject({ lo: 1100, count: 1000 });
    const relative = await query(core, { runIds: ['a', 'b'], keys: ['loss'], x: 'relative', buckets: 4 });
    expect(relative.series.map((s) => s.x)).toEqual([[100, 200, 300], [50]]);
    expect(relative.grid).toEqual({ lo: 50, width: 62.5, count: 4 });
    expect(relative.series[0]!.bucket).toEqual([0, 2, 3]);
    await core.close();
  });

  it('plots along another metric at the same step, leaving out steps without a finite x', async () => {
    const core = await startTestCore(tempDir());
    addRun(core, 'a', 0, [
      ...[0, 1, 2, 3, 4].map((s) => pt('loss', s, 10 - s)),
      pt('epoch', 0, 0.5),
      pt('epoch', 2, 0.1),
      pt('epoch', 2, 0.3), // logged last at step 2: this is step 2's x
      pt('epoch', 3, NaN),
      pt('epoch', 5, 9),
    ]);
    addRun(core, 'b', 0, [pt('loss', 0, 1)]);
    const r = await query(core, { runIds: ['a', 'b'], keys: ['loss'], x: 'metric:epoch' });
    expect(r.series[0]).toMatchObject({ x: [0.3, 0.5], y: [8, 10], step: [2, 0], total: 2, extent: [0.3, 0.5] });
    expect(r.series[1]).toMatchObject({ total: 0, extent: null, x: [] });
    await core.close();
  });

  it('names unknown runs, and answers a query with no points with no grid', async () => {
    const core = await startTestCore(tempDir());
    addRun(core, 'a', 0, []);
    const e = await failure(core, { runIds: ['a', 'ghost', 'phantom'], keys: ['loss'] });
    expect(e.code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(e.message).toContain('ghost, phantom');
    expect(await query(core, { runIds: ['a'], keys: ['loss'], x: 'time' })).toEqual({
      grid: null,
      series: [{ runId: 'a', key: 'loss', total: 0, extent: null, exact: true, x: [], y: [], step: [], bucket: [], bucketMean: [], bucketMin: [], bucketMax: [] }],
    });
    await core.close();
  });
});

describe('getMetricSeries', () => {
  it('draws a long series as M4 points within the asked count, each with its bucket envelope', async () => {
    const core = await startTestCore(tempDir());
    addRun(core, 'a', 0, Array.from({ length: 10_000 }, (_, i) => pt('loss', i, i === 7777 ? 99 : i === 500 ? NaN : 1, i)));
    const s = (await core.dispatch('getMetricSeries', { id: 'a', key: 'loss', points: 200 })) as MetricSeries;
    expect(s).toMatchObject({ total: 10_000, downsampled: true });
    expect(s.step.length).toBeLessThanOrEqual(200);
    const spike = s.step.indexOf(7777);
    expect([s.value[spike], s.max[spike], s.timestamp[spike]]).toEqual([99, 99, 7777]);
    expect(s.min[spike]).toBe(1);
    expect(s.value[s.step.indexOf(500)]).toBe('NaN');
    expect([s.step[0], s.step.at(-1)]).toEqual([0, 9999]);
    const short = (await core.dispatch('getMetricSeries', { id: 'a', key: 'loss', minStep: 10, maxStep: 12 })) as MetricSeries;
    expect(short).toMatchObject({ total: 3, downsampled: false, step: [10, 11, 12], value: [1, 1, 1], min: [1, 1, 1] });
    await core.close();
  });
});

describe('POST /api/v1/series/query', () => {
  it('answers over HTTP and refuses bad input with MLflow-style errors naming the field', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    addRun(core, 'a', 0, [pt('loss', 0, NaN), pt('loss', 1, 0.5)]);
    const ok = await send(core, 'POST', '/api/v1/series/query', { body: JSON.stringify({ runIds: ['a'], keys: ['loss'] }) });
    expect(ok.status).toBe(200);
    expect(ok.json()).toMatchObject({ grid: { lo: 0, count: 1000 }, series: [{ runId: 'a', y: ['NaN', 0.5], bucketMean: [0.5] }] });

    const tooMany = { runIds: Array.from({ length: 200 }, (_, i) => `r${i}`), keys: Array.from({ length: LIMITS.seriesPerQuery / 200 + 1 }, (_, i) => `k${i}`) };
    const cases: [unknown, number, ErrorCode, string][] = [
      [{ runIds: ['a', 'nope'], keys: ['loss'] }, 404, 'RESOURCE_DOES_NOT_EXIST', 'nope'],
      [{ runIds: ['a'], keys: ['loss'], buckets: 1 }, 400, 'INVALID_PARAMETER_VALUE', "'buckets'"],
      [{ runIds: ['a'], keys: ['loss'], buckets: LIMITS.seriesBuckets + 1 }, 400, 'INVALID_PARAMETER_VALUE', "'buckets'"],
      [{ runIds: ['a'], keys: ['loss'], range: { min: 5, max: 1 } }, 400, 'INVALID_PARAMETER_VALUE', "'range'"],
      [{ runIds: ['a'], keys: ['loss'], x: 'epoch' }, 400, 'INVALID_PARAMETER_VALUE', "'x'"],
      [{ runIds: [], keys: ['loss'] }, 400, 'INVALID_PARAMETER_VALUE', "'runIds'"],
      [tooMany, 400, 'INVALID_PARAMETER_VALUE', `at most ${LIMITS.seriesPerQuery} runs × keys`],
    ];
    for (const [body, status, code, mention] of cases) {
      const r = await send(core, 'POST', '/api/v1/series/query', { body: JSON.stringify(body) });
      expect([r.status, r.json().error_code], JSON.stringify(body).slice(0, 80)).toEqual([status, code]);
      expect(r.json().message).toContain(mention);
    }
    await core.close();
  });
});
