import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flattenObject, parseYamlParams } from './flatten-params';

describe('parseYamlParams', () => {
  it('flattens nested mappings with dots and keeps scalars as written', () => {
    const r = parseYamlParams("lr: 1.0\nopt:\n  name: adam\n  betas: [0.9, 0.999]\n  wd: 1e-4\nflag: true\nnothing: null\nq: '007'\n", 'p.yaml');
    expect(r.problems).toEqual([]);
    expect(r.params).toEqual({ lr: '1.0', 'opt.name': 'adam', 'opt.betas': '[0.9,0.999]', 'opt.wd': '1e-4', flag: 'true', nothing: 'null', q: '007' });
  });

  it('reads Python-tagged values (Lightning hparams) as their plain value', () => {
    const r = parseYamlParams('dims: !!python/tuple\n- 1\n- 2\n', 'h.yaml');
    expect(r.params).toEqual({ dims: '[1,2]' });
  });

  it('reports broken YAML and non-mappings, empty is no params', () => {
    expect(parseYamlParams('a: [1,', 'x').problems[0]).toMatch(/not valid YAML/);
    expect(parseYamlParams('- 1\n', 'x').problems[0]).toMatch(/not a YAML mapping/);
    expect(parseYamlParams('', 'x')).toEqual({ params: {}, problems: [] });
  });

  it('never throws on random text', () => {
    fc.assert(fc.property(fc.string(), (text) => void parseYamlParams(text, 'f')));
  });
});

describe('flattenObject', () => {
  it('joins nested keys', () => {
    expect(flattenObject({ a: { b: 1, c: { d: 'x' } }, e: [1] }, '/')).toEqual({ 'a/b': 1, 'a/c/d': 'x', e: [1] });
  });
});
