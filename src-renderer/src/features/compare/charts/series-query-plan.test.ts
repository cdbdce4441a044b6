import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../../src-shared/limits';
import { bucketsForWidth, planSeriesQueries } from './series-query-plan';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);

describe('planSeriesQueries', () => {
  it('asks once when the comparison fits', () => {
    expect(planSeriesQueries(['a', 'b'], ['loss', 'acc'])).toEqual([{ runIds: ['a', 'b'], keys: ['loss', 'acc'] }]);
  });

  it('asks nothing for no runs or no keys', () => {
    expect(planSeriesQueries([], ['loss'])).toEqual([]);
    expect(planSeriesQueries(['a'], [])).toEqual([]);
  });

  it('splits runs so each query stays within the limit, covering every run × key once', () => {
    const parts = planSeriesQueries(ids(7), ['a', 'b', 'c'], 6);
    expect(parts.map((p) => p.runIds.length)).toEqual([2, 2, 2, 1]);
    for (const p of parts) expect(p.runIds.length * p.keys.length).toBeLessThanOrEqual(6);
    expect(parts.flatMap((p) => p.runIds)).toEqual(ids(7));
  });

  it('splits keys when even one run has more keys than a query holds', () => {
    const parts = planSeriesQueries(['a', 'b'], ['k1', 'k2', 'k3'], 2);
    expect(parts).toEqual([
      { runIds: ['a'], keys: ['k1', 'k2'] },
      { runIds: ['a'], keys: ['k3'] },
      { runIds: ['b'], keys: ['k1', 'k2'] },
      { runIds: ['b'], keys: ['k3'] },
    ]);
  });

  it('has no cap on runs: 5,000 runs × 6 keys stay within the contract limit per query', () => {
    const parts = planSeriesQueries(ids(5000), ['a', 'b', 'c', 'd', 'e', 'f']);
    expect(parts.length).toBe(2);
    for (const p of parts) expect(p.runIds.length * p.keys.length).toBeLessThanOrEqual(LIMITS.seriesPerQuery);
  });
});

describe('bucketsForWidth', () => {
  it('is about one bucket per pixel, stable under small resizes, within the contract', () => {
    expect(bucketsForWidth(612)).toBe(600);
    expect(bucketsForWidth(620)).toBe(600);
    expect(bucketsForWidth(10)).toBe(100);
    expect(bucketsForWidth(1e6)).toBe(LIMITS.seriesBuckets);
  });
});
