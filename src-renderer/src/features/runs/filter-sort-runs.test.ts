import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test-support/make-run';
import { filterRuns, sortRuns } from './filter-sort-runs';

const run = makeRun;

const runs = [
  run('a', { name: 'alpha', params: { lr: '0.01' }, startTime: 1, metrics: [{ key: 'loss', count: 1, last: 0.5, lastStep: 0, lastTimestamp: 0, min: 0.5, max: 0.5, minStep: null, maxStep: null }] }),
  run('b', { name: 'beta', params: { lr: '1e-4' }, startTime: 2, status: 'FAILED', tags: { host: 'gpu-7' }, metrics: [{ key: 'loss', count: 1, last: 'NaN', lastStep: 0, lastTimestamp: 0, min: null, max: null, minStep: null, maxStep: null }] }),
  run('c', { name: 'gamma', startTime: 3, metrics: [{ key: 'loss', count: 1, last: 0.1, lastStep: 0, lastTimestamp: 0, min: 0.1, max: 0.1, minStep: null, maxStep: null }] }),
];

describe('filterRuns', () => {
  it('matches every term against name, status, params and tags', () => {
    expect(filterRuns(runs, 'failed').map((r) => r.id)).toEqual(['b']);
    expect(filterRuns(runs, 'gpu-7').map((r) => r.id)).toEqual(['b']);
    expect(filterRuns(runs, 'lr=0.01 alpha').map((r) => r.id)).toEqual(['a']);
    expect(filterRuns(runs, '  ')).toBe(runs);
  });
});

describe('sortRuns', () => {
  it('sorts numeric-looking params as numbers and puts missing values last both ways', () => {
    const asc = sortRuns(runs, { column: 'param:lr', direction: 'asc' }, 0).map((r) => r.id);
    const desc = sortRuns(runs, { column: 'param:lr', direction: 'desc' }, 0).map((r) => r.id);
    expect(asc).toEqual(['b', 'a', 'c']);
    expect(desc).toEqual(['a', 'b', 'c']);
  });

  it('sorts a NaN metric last', () => {
    expect(sortRuns(runs, { column: 'metric:loss', direction: 'asc' }, 0).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
});
