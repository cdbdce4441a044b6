import { describe, expect, it } from 'vitest';
import { compareViewQuery, DEFAULT_COMPARE_VIEW, parseCompareView, type CompareView } from './compare-view';

describe('compare view in the address', () => {
  it('round-trips every field', () => {
    const view: CompareView = {
      runIds: ['a', 'b-2'],
      keys: ['train/loss', 'val acc', 'lr:0'],
      x: 'metric:epoch',
      smoothing: 0.6,
      baseline: 'b-2',
      logKeys: ['train/loss'],
      groupBy: ['lr', 'model.depth'],
      range: [10.5, 2000],
      diffOnly: false,
      directions: { 'val/score': 'min', latency_budget: 'max' },
      parallelParams: ['lr', 'config.model.depth'],
      parallelMetric: 'val/loss',
      scatterX: 'param:optimizer/lr',
      scatterY: 'val acc',
      plotStat: 'best',
    };
    expect(parseCompareView(compareViewQuery(view))).toEqual(view);
  });

  it('leaves defaults out of the link', () => {
    expect(compareViewQuery({ ...DEFAULT_COMPARE_VIEW, runIds: ['a', 'b'] })).toBe('runs=a,b');
  });

  it('falls back to defaults for malformed fields', () => {
    const view = parseCompareView('runs=a,b&x=sideways&smooth=banana&range=5~1&log=&group=,&sx=lr&stat=median&lower=');
    expect(view).toEqual({ ...DEFAULT_COMPARE_VIEW, runIds: ['a', 'b'] });
    expect(parseCompareView('runs=a&smooth=7').smoothing).toBe(0.99);
    expect(parseCompareView('runs=a&range=1~Infinity').range).toBeNull();
  });

  it('tells an empty key list (nothing charted) from no list (the shared keys)', () => {
    expect(parseCompareView('runs=a&keys=').keys).toEqual([]);
    expect(parseCompareView('runs=a').keys).toBeNull();
    expect(parseCompareView('runs=a&pc=').parallelParams).toEqual([]);
    expect(parseCompareView('runs=a').parallelParams).toBeNull();
  });
});
