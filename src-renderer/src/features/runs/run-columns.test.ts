import { describe, expect, it } from 'vitest';
import type { MetricSummary, RunSummary } from '../../../../src-shared/domain';
import { makeRun } from '../../test-support/make-run';
import { sortRuns } from './filter-sort-runs';
import { automaticColumnIds, availableKeys, buildColumns, columnId, columnById, dynamicColumn } from './run-columns';

const run = makeRun;

function metric(key: string, last: MetricSummary['last'], min: number | null, max: number | null): MetricSummary {
  return { key, count: 3, last, lastStep: 2, lastTimestamp: 0, min, max, minStep: min === null ? null : 1, maxStep: max === null ? null : 0 };
}

const ids = (runs: RunSummary[]) => runs.map((r) => r.id);

describe('column ids', () => {
  it('name params, tags and each metric figure, and round-trip through dynamicColumn', () => {
    expect([columnId('param', 'lr'), columnId('tag', 'host'), columnId('metric', 'val/loss'), columnId('metric', 'loss', 'min'), columnId('metric', 'loss', 'max')]).toEqual([
      'param:lr',
      'tag:host',
      'metric:val/loss',
      'metric-min:loss',
      'metric-max:loss',
    ]);
    expect(dynamicColumn('metric-min:a:b')).toMatchObject({ kind: 'metric', key: 'a:b', stat: 'min', numeric: true, sortable: true });
    expect(dynamicColumn('tag:mlflow.user')).toMatchObject({ kind: 'tag', key: 'mlflow.user', numeric: false });
    expect(dynamicColumn('param:')).toBeNull();
    expect(dynamicColumn('metrics:loss')).toBeNull();
    expect(columnById('duration')).toMatchObject({ kind: 'duration', numeric: true });
  });

  it('groups chosen columns by kind, keeping their order within a kind and dropping unknown ids and repeats', () => {
    const built = buildColumns(['metric-max:acc', 'tag:host', 'param:lr', 'metric:loss', 'bogus', 'param:seed', 'tag:host']);
    expect(built.slice(7).map((c) => c.id)).toEqual(['param:lr', 'param:seed', 'tag:host', 'metric-max:acc', 'metric:loss']);
    expect(built.slice(0, 7).map((c) => c.id)).toEqual(['select', 'swatch', 'status', 'name', 'experiment', 'startTime', 'duration']);
  });

  it("puts one metric's figures side by side, at its first one's place", () => {
    const built = buildColumns(['metric:a', 'metric:b', 'metric-max:a', 'metric-min:b', 'metric-min:a']);
    expect(built.slice(7).map((c) => c.id)).toEqual(['metric:a', 'metric-max:a', 'metric-min:a', 'metric:b', 'metric-min:b']);
  });
});

describe('automatic and available columns', () => {
  const runs = [
    run('a', { params: { lr: '1', seed: '1' }, tags: { host: 'x', 'mlflow.user': 'me' }, metrics: [metric('loss', 1, 1, 1)] }),
    run('b', { params: { lr: '2' }, metrics: [metric('loss', 1, 1, 1), metric('acc', 1, 1, 1)] }),
  ];

  it('default to the most common params and metrics, last value', () => {
    expect(automaticColumnIds(runs)).toEqual(['param:lr', 'param:seed', 'metric:loss', 'metric:acc']);
  });

  it('list every key of each kind, sorted', () => {
    expect(availableKeys(runs)).toEqual({ param: ['lr', 'seed'], tag: ['host', 'mlflow.user'], metric: ['acc', 'loss'] });
  });
});

describe('sorting by any column', () => {
  const runs = [
    run('a', { startTime: 1, tags: { host: 'gpu-10', prio: '10' }, metrics: [metric('loss', 0.5, 0.2, 2)] }),
    run('b', { startTime: 2, tags: { host: 'gpu-9', prio: '9' }, metrics: [metric('loss', 'NaN', null, null)] }),
    run('c', { startTime: 3, tags: { prio: '' }, metrics: [metric('loss', 0.1, 0.05, 3)] }),
    run('d', { startTime: 4, tags: { host: 'cpu' } }),
  ];
  const sorted = (column: string, direction: 'asc' | 'desc') => ids(sortRuns(runs, { column, direction }, 0));

  it('sorts tags as text, naturally, and numeric-looking ones as numbers; missing or empty last both ways', () => {
    expect(sorted('tag:host', 'asc')).toEqual(['d', 'b', 'a', 'c']);
    expect(sorted('tag:host', 'desc')).toEqual(['a', 'b', 'd', 'c']);
    expect(sorted('tag:prio', 'asc')).toEqual(['b', 'a', 'c', 'd']);
    expect(sorted('tag:prio', 'desc')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts by a metric min or max numerically; no finite value or no metric sorts last', () => {
    expect(sorted('metric-min:loss', 'asc')).toEqual(['c', 'a', 'b', 'd']);
    expect(sorted('metric-min:loss', 'desc')).toEqual(['a', 'c', 'b', 'd']);
    expect(sorted('metric-max:loss', 'desc')).toEqual(['c', 'a', 'b', 'd']);
    expect(sorted('metric:loss', 'asc')).toEqual(['c', 'a', 'b', 'd']);
  });

  it('sorts by a column the table does not show, and leaves the order alone for an unknown one', () => {
    expect(sorted('param:nothing', 'asc')).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(sortRuns(runs, { column: 'bogus', direction: 'asc' }, 0))).toEqual(['a', 'b', 'c', 'd']);
  });
});
