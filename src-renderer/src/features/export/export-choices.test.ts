import { describe, expect, it } from 'vitest';
import { contract } from '../../../../src-shared/contract';
import { REPORT_SECTIONS } from '../../../../src-shared/report';
import { DEFAULT_COMPARE_VIEW } from '../../lib/compare-view';
import { makeRun } from '../../test-support/make-run';
import { choicesProblem, exportInput, initialChoices, toggled, type ExportChoices } from './export-choices';

const metric = (key: string) => ({ key, count: 1, last: 1, lastStep: 0, lastTimestamp: 0, min: 1, max: 1, minStep: 0, maxStep: 0 });
const runs = [makeRun('a', { metrics: [metric('loss'), metric('acc')] }), makeRun('b', { metrics: [metric('loss'), metric('lr')] })];
const view = (patch: Partial<typeof DEFAULT_COMPARE_VIEW> = {}) => ({ ...DEFAULT_COMPARE_VIEW, runIds: ['a', 'b'], ...patch });
const parse = (c: ExportChoices) => contract.exportReport.input.safeParse(exportInput(['a', 'b'], c));

describe('Export dialog choices', () => {
  it('start from the comparison on screen: its charted keys and its baseline', () => {
    expect(initialChoices(view(), runs)).toMatchObject({ format: 'html', metrics: ['loss'], baseline: 'a', sections: [...REPORT_SECTIONS] });
    const chosen = initialChoices(view({ keys: ['lr', 'gone', 'acc'], baseline: 'b' }), runs);
    // A key in the address that no run has (any more) is left out.
    expect(chosen).toMatchObject({ metrics: ['lr', 'acc'], baseline: 'b' });
    expect(initialChoices(view({ baseline: 'zzz' }), runs).baseline).toBe('a');
  });

  it('make an input the contract accepts for every format, with series only where they are drawn or asked for', () => {
    const base = initialChoices(view(), runs);
    for (const format of ['html', 'pdf', 'md', 'csv', 'json'] as const) expect(parse({ ...base, format }).success, format).toBe(true);
    expect(exportInput(['a', 'b'], base)).toMatchObject({ series: 500, sections: [...REPORT_SECTIONS], markdownImages: undefined });
    expect(exportInput(['a', 'b'], { ...base, sections: ['runs', 'summary'] }).series).toBeUndefined();
    expect(exportInput(['a', 'b'], { ...base, format: 'csv' })).toMatchObject({ series: undefined, sections: undefined });
    expect(exportInput(['a', 'b'], { ...base, format: 'json' }).series).toBeUndefined();
    const full = { ...base, format: 'json' as const, jsonSeries: 'full' as const };
    expect(exportInput(['a', 'b'], full).series).toBe('full');
    expect(parse(full).success).toBe(true);
    // Every point stays with JSON: switching to HTML draws the chart level instead.
    expect(exportInput(['a', 'b'], { ...full, format: 'html', chartPoints: 2000 }).series).toBe(2000);
    expect(exportInput(['a', 'b'], { ...base, format: 'md', markdownImages: 'files' }).markdownImages).toBe('files');
  });

  it("carry the view's log scales and directions for the metrics exported, and only those", () => {
    const c = initialChoices(view({ keys: ['loss', 'acc'], logKeys: ['loss', 'lr'], directions: { acc: 'min', lr: 'max' } }), runs);
    expect(exportInput(['a', 'b'], c)).toMatchObject({ metrics: ['loss', 'acc'], logKeys: ['loss'], directions: { acc: 'min' } });
    expect(parse(c).success).toBe(true);
    const plain = exportInput(['a', 'b'], initialChoices(view(), runs));
    expect([plain.logKeys, plain.directions]).toEqual([undefined, undefined]);
  });

  it('name what is missing before export', () => {
    const base = initialChoices(view(), runs);
    expect(choicesProblem(base, 3)).toBeNull();
    expect(choicesProblem({ ...base, sections: [] }, 3)).toBe('Choose at least one section.');
    expect(choicesProblem({ ...base, sections: [], format: 'csv' }, 3)).toBeNull();
    expect(choicesProblem({ ...base, metrics: [] }, 3)).toBe('Choose at least one metric.');
    expect(choicesProblem({ ...base, metrics: [] }, 0)).toBeNull();
  });

  it('keep ticked values in the list order, whatever the click order', () => {
    const all = ['acc', 'loss', 'lr'];
    expect(toggled(toggled(['lr'], 'acc', true, all), 'loss', true, all)).toEqual(all);
    expect(toggled(all, 'loss', false, all)).toEqual(['acc', 'lr']);
  });
});
