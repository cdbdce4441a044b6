import { describe, expect, it } from 'vitest';
import { flattenParams, splitParamKey } from './param-flatten';

describe('param flattening', () => {
  it('expands a JSON object value into dotted keys, leaves other values alone', () => {
    expect(
      flattenParams({
        lr: '0.1',
        config: '{"model": {"depth": 4, "act": "gelu"}, "tags": ["a"], "dropout": null}',
        list: '[1, 2]',
        broken: '{not json',
        empty: '{}',
      }),
    ).toEqual({
      lr: '0.1',
      'config.model.depth': '4',
      'config.model.act': 'gelu',
      'config.tags': '["a"]',
      'config.dropout': 'null',
      list: '[1, 2]',
      broken: '{not json',
      empty: '{}',
    });
  });

  it('keeps a key logged as such over the same key from an expanded config', () => {
    expect(flattenParams({ 'config.lr': '0.5', config: '{"lr": 0.1}' })).toEqual({ 'config.lr': '0.5' });
  });

  it('splits a key into its group and name at the first dot or slash', () => {
    expect(splitParamKey('model.depth')).toEqual({ group: 'model', name: 'depth' });
    expect(splitParamKey('optimizer/lr')).toEqual({ group: 'optimizer', name: 'lr' });
    expect(splitParamKey('config.model.depth')).toEqual({ group: 'config', name: 'model.depth' });
    expect(splitParamKey('lr')).toEqual({ group: '', name: 'lr' });
    expect(splitParamKey('.hidden')).toEqual({ group: '', name: '.hidden' });
    expect(splitParamKey('trailing.')).toEqual({ group: '', name: 'trailing.' });
  });
});
