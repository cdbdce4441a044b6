import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { field, rec } from '../../test-support/wandb-log';
import { ProtobufError } from '../binary/protobuf-reader';
import { decodeRecord } from './wandb-record';
import { configParams, configYamlParams, historyPoints, jsonNumber, metadataJsonTags, summaryTags } from './wandb-mapping';

const bytes = (a: number[]) => Uint8Array.from(a);

describe('W&B Record decoding', () => {
  it('decodes run, history, config, summary, exit, stats and environment records', () => {
    const run = decodeRecord(bytes([...field(1, 7), ...rec.run({ id: 'abc123', project: 'p', name: 'n', startMs: 1_700_000_000_250, config: [['lr', '0.1']], tags: ['a', 'b'] })]));
    expect(run).toMatchObject({ kind: 'run', run: { runId: 'abc123', project: 'p', displayName: 'n', startTime: 1_700_000_000_250, tags: ['a', 'b'], config: [{ key: 'lr', valueJson: '0.1' }] } });
    expect(decodeRecord(bytes(rec.history(3, 1.5, [['train/loss', 'NaN']])))).toEqual({
      kind: 'history',
      step: 3,
      items: [
        { key: '_step', valueJson: '3' },
        { key: '_timestamp', valueJson: '1.5' },
        { key: 'train/loss', valueJson: 'NaN' },
      ],
    });
    expect(decodeRecord(bytes(rec.config([['x', '{"y":1}']])))).toEqual({ kind: 'config', update: [{ key: 'x', valueJson: '{"y":1}' }] });
    expect(decodeRecord(bytes(rec.summary([['best', '0.5']])))).toEqual({ kind: 'summary', update: [{ key: 'best', valueJson: '0.5' }], remove: [] });
    expect(decodeRecord(bytes(rec.exit(0)))).toEqual({ kind: 'exit', exitCode: 0, runtimeSeconds: 0 });
    expect(decodeRecord(bytes(rec.exit(2, 30)))).toEqual({ kind: 'exit', exitCode: 2, runtimeSeconds: 30 });
    expect(decodeRecord(bytes(rec.stats(1_700_000_000_000, [['gpu.0.gpu', '42']])))).toEqual({ kind: 'stats', timestamp: 1_700_000_000_000, items: [{ key: 'gpu.0.gpu', valueJson: '42' }] });
    expect(decodeRecord(bytes(rec.environment('box', 'deadbeef')))).toMatchObject({ kind: 'environment', env: { host: 'box', git: { commit: 'deadbeef' } } });
    // Unknown record types (telemetry = 11) and unknown fields are skipped.
    expect(decodeRecord(bytes([...field(11, [...field(1, 'x')]), ...field(999, 5)]))).toEqual({ kind: 'other' });
  });

  it('joins a nested key path with dots and keeps slashes', () => {
    const h = bytes(field(2, field(1, [...field(2, 'val'), ...field(2, 'loss'), ...field(16, '1')])));
    expect(decodeRecord(h)).toMatchObject({ items: [{ key: 'val.loss', valueJson: '1' }] });
  });

  it('throws only ProtobufError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        try {
          decodeRecord(b);
        } catch (e) {
          expect(e).toBeInstanceOf(ProtobufError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('W&B mapping', () => {
  it('reads numbers, NaN and infinities as wandb-core writes them, and nothing else', () => {
    expect([jsonNumber('1.7956296778466842e+09'), jsonNumber('-3'), jsonNumber('NaN'), jsonNumber('Infinity'), jsonNumber('-Infinity')]).toEqual([1795629677.8466842, -3, NaN, Infinity, -Infinity]);
    for (const t of ['true', 'null', '"1"', '[1]', '{"_type":"histogram"}', '', ' 1']) expect(jsonNumber(t)).toBeNull();
  });

  it('turns a history row into points: step from _step, ms timestamps, bookkeeping keys left out', () => {
    const items = [
      { key: '_step', valueJson: '7' },
      { key: '_timestamp', valueJson: '1700000000.1234' },
      { key: '_runtime', valueJson: '3.2' },
      { key: 'train/loss', valueJson: '0.5' },
      { key: 'img', valueJson: '{"_type":"image-file"}' },
      { key: 'inf', valueJson: '-Infinity' },
    ];
    expect(historyPoints(items, 0, 1)).toEqual([
      { key: 'train/loss', value: 0.5, step: 7, timestamp: 1_700_000_000_123 },
      { key: 'inf', value: -Infinity, step: 7, timestamp: 1_700_000_000_123 },
    ]);
    expect(historyPoints([{ key: 'a', valueJson: '1' }], null, 99)).toEqual([{ key: 'a', value: 1, step: undefined, timestamp: 99 }]);
  });

  it('flattens config with dots, unquotes strings, keeps numbers as written, leaves _wandb out', () => {
    const problems: string[] = [];
    const params = configParams(
      [
        { key: '_wandb', valueJson: '{}' },
        { key: 'lr', valueJson: '1e-05' },
        { key: 'opt', valueJson: '{"name":"adam","betas":[0.9,0.99],"inner":{"eps":NaN}}' },
        { key: 's', valueJson: '"text"' },
        { key: 'big', valueJson: '12345678901234567890' },
        { key: 'empty', valueJson: '{}' },
      ],
      problems,
      'x',
    );
    expect(params).toEqual({ lr: '1e-05', 'opt.name': 'adam', 'opt.betas': '[0.9,0.99]', 'opt.inner.eps': 'NaN', s: 'text', big: '12345678901234567890', empty: '{}' });
    expect(problems).toEqual([]);
  });

  it('unwraps config.yaml entries ({value, desc}) and flattens them', () => {
    const yaml = ['_wandb:', '  desc: null', '  value:', '    cli_version: 0.16.0', 'lr:', '  desc: learning rate', '  value: 0.01', 'model:', '  value:', '    depth: 4', '    name: resnet', 'plain: 3', 'value_like:', '  value: 1', '  other: 2', ''].join('\n');
    expect(configYamlParams(yaml)).toEqual({ lr: '0.01', 'model.depth': '4', 'model.name': 'resnet', plain: '3', 'value_like.value': '1', 'value_like.other': '2' });
    expect(configYamlParams('- just a list')).toEqual({});
  });

  it('makes summary and metadata tags', () => {
    expect(summaryTags([{ key: '_runtime', valueJson: '1' }, { key: 'best', valueJson: '0.5' }, { key: 'name', valueJson: '"x"' }])).toEqual({ 'wandb.summary.best': '0.5', 'wandb.summary.name': 'x' });
    expect(metadataJsonTags(JSON.stringify({ host: 'h', python: 'CPython 3.11', program: 't.py', git: { commit: 'abc', remote: 'r' } }))).toEqual({
      'wandb.host': 'h',
      'wandb.python': 'CPython 3.11',
      'wandb.program': 't.py',
      'wandb.git.commit': 'abc',
      'wandb.git.remote': 'r',
    });
  });
});
