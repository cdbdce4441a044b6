import { describe, expect, it } from 'vitest';
import type { MetricSummary, RunSummary } from '../../../../src-shared/domain';
import { metricFigures, metricStat, paramGroups, paramRows, runParams, sharedMetricKeys } from './compare-model';

const metric = (key: string, last: number | 'NaN', min: number, max: number, minStep: number | null = null, maxStep: number | null = null): MetricSummary => ({
  key,
  count: 3,
  last,
  lastStep: 2,
  lastTimestamp: 0,
  min,
  max,
  minStep,
  maxStep,
});
const run = (id: string, params: Record<string, string>, metrics: MetricSummary[]) => ({ id, params, metrics }) as RunSummary;

describe('compare model', () => {
  const runs = [
    run('a', { lr: '0.1', bs: '32', only_a: 'x' }, [metric('loss', 0.5, 0.4, 2, 1, 0), metric('acc', 0.8, 0.1, 0.8)]),
    run('b', { lr: '0.01', bs: '32' }, [metric('loss', 0.3, 0.3, 2.1, 2, 0)]),
    run('c', { lr: '0.1', bs: '32' }, [metric('loss', 'NaN', 0.2, 1.9, 1, 0), metric('acc', 0.9, 0.1, 0.9)]),
  ];

  it('marks params that differ, and cells that differ from the baseline', () => {
    const rows = paramRows(runParams(runs), 1);
    expect(rows.map((r) => [r.key, r.differs])).toEqual([
      ['bs', false],
      ['lr', true],
      ['only_a', true],
    ]);
    expect(rows.find((r) => r.key === 'lr')!.fromBaseline).toEqual([true, false, true]);
    expect(rows.find((r) => r.key === 'only_a')!.values).toEqual(['x', undefined, undefined]);
  });

  it('groups rows by their config section, counting the rows that differ', () => {
    const params = runParams([
      run('a', { seed: '1', 'model.depth': '4', 'model.width': '64', 'optimizer/lr': '0.1', config: '{"data": {"set": "a", "split": 0.9}}' }, []),
      run('b', { seed: '1', 'model.depth': '8', 'model.width': '64', 'optimizer/lr': '0.1', config: '{"data": {"set": "b", "split": 0.9}}' }, []),
    ]);
    const groups = paramGroups(paramRows(params, 0));
    expect(groups.map((g) => [g.name, g.rows.map((r) => r.name), g.differing])).toEqual([
      ['', ['optimizer/lr', 'seed'], 0],
      ['config', ['data.set', 'data.split'], 1],
      ['model', ['depth', 'width'], 1],
    ]);
  });

  it('keeps the metric keys every run shares', () => {
    expect(sharedMetricKeys(runs)).toEqual(['loss']);
    expect(sharedMetricKeys([runs[0]!, runs[2]!])).toEqual(['acc', 'loss']);
  });

  it('computes last/min/max, the step of best, and the delta judged by the direction', () => {
    expect(metricFigures(runs, 'loss', 0, 'min')).toEqual([
      { runId: 'a', last: 0.5, min: 0.4, max: 2, bestStep: 1, delta: null, verdict: null, isBest: false },
      { runId: 'b', last: 0.3, min: 0.3, max: 2.1, bestStep: 2, delta: expect.closeTo(-0.2, 10), verdict: 'better', isBest: false },
      { runId: 'c', last: NaN, min: 0.2, max: 1.9, bestStep: 1, delta: null, verdict: null, isBest: true },
    ]);
    const higher = metricFigures(runs, 'loss', 0, 'max');
    expect(higher.map((f) => [f.bestStep, f.verdict, f.isBest])).toEqual([
      [0, null, false],
      [0, 'worse', true],
      [0, null, false],
    ]);
    const unknown = metricFigures(runs, 'loss', 0, null);
    expect(unknown.map((f) => [f.bestStep, f.verdict, f.isBest])).toEqual([
      [null, null, false],
      [null, null, false],
      [null, null, false],
    ]);
  });

  it('shows no step of best where the core did not send one', () => {
    const old = { ...metric('loss', 1, 1, 1), minStep: undefined } as unknown as MetricSummary;
    expect(metricFigures([run('x', {}, [old]), run('y', {}, [old])], 'loss', 0, 'min')[0]!.bestStep).toBeNull();
  });

  it('picks the plotted figure: last, or best by direction (last when unknown)', () => {
    expect(metricStat(runs[0]!, 'loss', 'last', 'min')).toBe(0.5);
    expect(metricStat(runs[0]!, 'loss', 'best', 'min')).toBe(0.4);
    expect(metricStat(runs[0]!, 'loss', 'best', 'max')).toBe(2);
    expect(metricStat(runs[0]!, 'loss', 'best', null)).toBe(0.5);
    expect(metricStat(runs[2]!, 'loss', 'last', 'min')).toBeNull();
    expect(metricStat(runs[1]!, 'acc', 'last', 'max')).toBeNull();
  });
});
