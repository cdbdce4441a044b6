import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../../../src-shared/domain';
import { groupRuns, groupStats } from './group-stats';

const run = (id: string, params: Record<string, string>) => ({ id, params }) as unknown as RunSummary;

describe('groupRuns', () => {
  it('groups by every chosen param, in first-seen order, with a readable label', () => {
    const runs = [
      run('a', { lr: '0.1', seed: '1' }),
      run('b', { lr: '0.01', seed: '1' }),
      run('c', { lr: '0.1', seed: '2' }),
      run('d', { seed: '3' }),
    ];
    const groups = groupRuns(runs, ['lr']);
    expect(groups.map((g) => g.runIds)).toEqual([['a', 'c'], ['b'], ['d']]);
    expect(groups.map((g) => g.label)).toEqual(['lr=0.1', 'lr=0.01', 'lr=—']);
    expect(groupRuns(runs, ['lr', 'seed'])).toHaveLength(4);
  });

  it('gives a group the same id whatever runs it holds', () => {
    const [g1] = groupRuns([run('a', { lr: '1' })], ['lr']);
    const [g2] = groupRuns([run('z', { lr: '1' }), run('y', { lr: '1' })], ['lr']);
    expect(g1!.id).toBe(g2!.id);
  });
});

describe('groupStats', () => {
  const grid = { lo: 0, width: 10, count: 4 };

  it('takes mean and population std per bucket over the members that have it', () => {
    const stats = groupStats(grid, [
      { grid, bucket: [0, 1, 3], bucketMean: [1, 2, 5] },
      { grid, bucket: [0, 1], bucketMean: [3, 2] },
    ]);
    expect(stats.x).toEqual([5, 15, 35]);
    expect(stats.mean).toEqual([2, 2, 5]);
    expect(stats.std).toEqual([1, 0, 0]);
    expect(stats.count).toEqual([2, 2, 1]);
  });

  it('ignores non-finite means', () => {
    const stats = groupStats(grid, [
      { grid, bucket: [0], bucketMean: [NaN] },
      { grid, bucket: [0], bucketMean: [4] },
    ]);
    expect(stats.mean).toEqual([4]);
    expect(stats.count).toEqual([1]);
  });

  it('places a member answered on another grid by its bucket centres', () => {
    const other = { lo: 0, width: 5, count: 8 };
    // Other-grid bucket 3 covers [15, 20): centre 17.5 lies in bucket 1 of the target grid.
    const stats = groupStats(grid, [{ grid: other, bucket: [3, 7], bucketMean: [6, 8] }]);
    expect(stats.x).toEqual([15, 35]);
    expect(stats.mean).toEqual([6, 8]);
  });
});
