import { describe, expect, it } from 'vitest';
import type { MetricSummary, RunSummary } from '../../../../src-shared/domain';
import { metricFigures, paramRows, sharedMetricKeys } from './compare-model';

const metric = (key: string, last: number | 'NaN', min: number, max: number): MetricSummary => ({ key, count: 3, last, lastStep: 2, lastTimestamp: 0, min, max, minStep: null, maxStep: null });
const run = (id: string, params: Record<string, string>, metrics: MetricSummary[]) => ({ id, params, metrics }) as RunSummary;

describe('compare model', () => {
  const runs = [
    run('a', { lr: '0.1', bs: '32', only_a: 'x' }, [metric('loss', 0.5, 0.4, 2), metric('acc', 0.8, 0.1, 0.8)]),
    run('b', { lr: '0.01', bs: '32' }, [metric('loss', 0.3, 0.3, 2.1)]),
    run('c', { lr: '0.1', bs: '32' }, [metric('loss', 'NaN', 0.2, 1.9), metric('acc', 0.9, 0.1, 0.9)]),
  ];

  it('marks params that differ, and cells that differ from the baseline', () => {
    const rows = paramRows(runs, 1);
    expect(rows.map((r) => [r.key, r.differs])).toEqual([
      ['bs', false],
      ['lr', true],
      ['only_a', true],
    ]);
    expect(rows.find((r) => r.key === 'lr')!.fromBaseline).toEqual([true, false, true]);
    expect(rows.find((r) => r.key === 'only_a')!.values).toEqual(['x', undefined, undefined]);
  });

  it('keeps the metric keys every run shares', () => {
    expect(sharedMetricKeys(runs)).toEqual(['loss']);
    expect(sharedMetricKeys([runs[0]!, runs[2]!])).toEqual(['acc', 'loss']);
  });

  it('computes last/min/max and the delta of last against the baseline', () => {
    expect(metricFigures(runs, 'loss', 0)).toEqual([
      { runId: 'a', last: 0.5, min: 0.4, max: 2, delta: null },
      { runId: 'b', last: 0.3, min: 0.3, max: 2.1, delta: expect.closeTo(-0.2, 10) },
      { runId: 'c', last: NaN, min: 0.2, max: 1.9, delta: null },
    ]);
  });
});
