import { describe, expect, it } from 'vitest';
import type { ReducedSeries, WireNumber } from '../../../../../src-shared/domain';
import { buildChartModel, type ChartModelInput, type GriddedSeries } from './chart-model';

const grid = { lo: 0, width: 10, count: 10 };

function exact(runId: string, x: number[], y: WireNumber[]): GriddedSeries {
  const series: ReducedSeries = {
    runId,
    key: 'loss',
    total: x.length,
    extent: x.length ? [x[0]!, x[x.length - 1]!] : null,
    exact: true,
    x,
    y,
    step: x,
    bucket: x.map((v) => Math.floor(v / 10)),
    bucketMean: y.map(Number),
    bucketMin: y.map(Number),
    bucketMax: y.map(Number),
  };
  return { series, grid };
}

const runs = [
  { id: 'a', label: 'run a', color: '#111' },
  { id: 'b', label: 'run b', color: '#222' },
  { id: 'c', label: 'run c', color: '#333' },
];

const input = (patch: Partial<ChartModelInput>): ChartModelInput => ({
  runs,
  groups: null,
  series: new Map(),
  loading: false,
  smoothing: 0,
  log: false,
  ...patch,
});

describe('buildChartModel', () => {
  it('draws one aligned column per run and says which runs have no data', () => {
    const series = new Map([
      ['a', exact('a', [0, 1, 2], [3, 2, 1])],
      ['b', exact('b', [1, 2], ['NaN', 'Infinity'])],
    ]);
    const model = buildChartModel(input({ series }));
    expect(model.data).toEqual([
      [0, 1, 2],
      [3, 2, 1],
      [undefined, null, null],
    ]);
    expect(model.entries.map((e) => e.state)).toEqual(['drawn', 'no-finite', 'no-data']);
    expect(model.exact).toBe(true);
    expect(model.points).toBe(5);
    expect(model.bands).toEqual([]);
  });

  it('calls a missing series loading while the query is out', () => {
    const model = buildChartModel(input({ loading: true }));
    expect(model.entries.map((e) => e.state)).toEqual(['loading', 'loading', 'loading']);
  });

  it('keeps the raw line behind the smoothed one, and the crosshair reads the smoothed', () => {
    const series = new Map([['a', exact('a', [0, 1, 2], [0, 10, 10])]]);
    const model = buildChartModel(input({ series, smoothing: 0.5, runs: runs.slice(0, 1) }));
    expect(model.columns).toEqual([
      { entry: 0, role: 'raw' },
      { entry: 0, role: 'line' },
    ]);
    expect(model.data[1]).toEqual([0, 10, 10]);
    expect(model.entries[0]!.y[2]).toBeGreaterThan(5);
    expect(model.entries[0]!.y[2]).toBeLessThan(10);
  });

  it('drops values a log scale cannot show', () => {
    const series = new Map([['a', exact('a', [0, 1, 2], [1, 0, -1])]]);
    const model = buildChartModel(input({ series, log: true, runs: runs.slice(0, 1) }));
    expect(model.data[1]).toEqual([1, null, null]);
  });

  it('draws the bucket min–max of a reduced series as a band, so a one-point spike shows', () => {
    const s = exact('a', [0, 5, 9, 10, 19], [1, 100, 1, 1, 1]);
    s.series.exact = false;
    s.series.total = 1_000_000;
    s.series.bucket = [0, 1];
    s.series.bucketMean = [1.0001, 1];
    s.series.bucketMin = [1, 1];
    s.series.bucketMax = [100, 1];
    const model = buildChartModel(input({ series: new Map([['a', s]]), runs: runs.slice(0, 1) }));
    expect(model.exact).toBe(false);
    expect(model.bands).toEqual([{ color: '#111', kind: 'steps', x: [0, 10], width: 10, lo: [1, 1], hi: [100, 1] }]);
    expect(Math.max(...(model.data[1] as number[]))).toBe(100);
  });

  it('draws a group as its mean with a ±std band and counts its runs', () => {
    const series = new Map([
      ['a', exact('a', [0, 10], [1, 3])],
      ['b', exact('b', [0, 10], [3, 3])],
      ['c', exact('c', [0], [7])],
    ]);
    const groups = [
      { id: 'g1', label: 'lr=1', runIds: ['a', 'b'], color: '#aaa' },
      { id: 'g2', label: 'lr=2', runIds: ['c'], color: '#bbb' },
      { id: 'g3', label: 'lr=3', runIds: ['zzz'], color: '#ccc' },
    ];
    const model = buildChartModel(input({ series, groups }));
    expect(model.entries.map((e) => [e.label, e.runCount, e.state])).toEqual([
      ['lr=1', 2, 'drawn'],
      ['lr=2', 1, 'drawn'],
      ['lr=3', 0, 'no-data'],
    ]);
    expect(model.entries[0]!.x).toEqual([5, 15]);
    expect(model.entries[0]!.y).toEqual([2, 3]);
    expect(model.bands[0]).toMatchObject({ kind: 'area', x: [5, 15], lo: [1, 3], hi: [3, 3] });
  });
});
