import { describe, expect, it } from 'vitest';
import { parseFilter, parseOrderBy } from './filter-parser';
import { EXPERIMENT_SEARCH, RUN_SEARCH } from './filter-schema';
import { matchesAll, recordComparator, type SearchRecord } from './match-records';

const run = (over: Partial<SearchRecord> = {}): SearchRecord => ({
  attributes: { run_id: 'r1', run_name: 'resnet-a', status: 'FINISHED', user_id: 'ann', start_time: 100, end_time: 200, artifact_uri: 'x' },
  metrics: { acc: 0.9, 'val.loss': 0.3, 'train/loss': 0.25, bad: NaN },
  params: { lr: '0.01', model: 'resnet50' },
  tags: { team: 'vision' },
  datasets: [{ name: 'train', digest: 'abc', context: 'training' }],
  ...over,
});

describe('parseFilter', () => {
  it('parses every kind of clause MLflow users write', () => {
    expect(
      parseFilter(
        "metrics.acc > 0.5 and params.lr = '0.01' AND tags.team LIKE 'vis%' and attributes.status = \"FINISHED\" and run.start_time >= 100 and metrics.`val.loss` < 1e0 and metrics.val.loss <= 0.3 and attribute.run_id IN ('r1', 'r2') and tags.x IS NULL and params.lr IS NOT NULL and dataset.context = 'training' and created > 5 and metrics.\"train/loss\" < 1",
        RUN_SEARCH,
      ),
    ).toEqual([
      { type: 'metric', key: 'acc', comparator: '>', value: 0.5 },
      { type: 'param', key: 'lr', comparator: '=', value: '0.01' },
      { type: 'tag', key: 'team', comparator: 'LIKE', value: 'vis%' },
      { type: 'attribute', key: 'status', comparator: '=', value: 'FINISHED' },
      { type: 'attribute', key: 'start_time', comparator: '>=', value: 100 },
      { type: 'metric', key: 'val.loss', comparator: '<', value: 1 },
      { type: 'metric', key: 'val.loss', comparator: '<=', value: 0.3 },
      { type: 'attribute', key: 'run_id', comparator: 'IN', value: ['r1', 'r2'] },
      { type: 'tag', key: 'x', comparator: 'IS NULL', value: null },
      { type: 'param', key: 'lr', comparator: 'IS NOT NULL', value: null },
      { type: 'dataset', key: 'context', comparator: '=', value: 'training' },
      { type: 'attribute', key: 'start_time', comparator: '>', value: 5 },
      { type: 'metric', key: 'train/loss', comparator: '<', value: 1 },
    ]);
  });

  it('points at the bad token', () => {
    const cases: [string, RegExp][] = [
      ["metrics.acc > 'high'", /character 15.*expected a number for metric 'acc'/],
      ['params.lr = 0.01', /character 13.*quoted string/],
      ["metrics.acc > 0.5 or params.lr = '1'", /character 19.*OR is not supported/],
      ['foo.bar = 1', /character 1.*invalid entity type 'foo'/],
      ["attributes.colour = 'x'", /invalid attribute 'colour'/],
      ['metrics.acc LIKE 1', /'LIKE' cannot compare numbers/],
      ["params.lr = 'open", /unterminated/],
      ['metrics.acc >', /found the end of the filter/],
      ["params.lr IN ('a')", /IN applies only to/],
    ];
    for (const [filter, message] of cases) {
      expect(() => parseFilter(filter, RUN_SEARCH), filter).toThrow(message);
    }
  });

  it('knows the experiment schema apart from the run one', () => {
    expect(parseFilter("name LIKE 'exp%' and tags.owner = 'me'", EXPERIMENT_SEARCH)).toHaveLength(2);
    expect(() => parseFilter('metrics.acc > 1', EXPERIMENT_SEARCH)).toThrow(/invalid entity type 'metrics'/);
  });
});

describe('matchesAll', () => {
  it('applies MLflow semantics', () => {
    const r = run();
    const m = (f: string) => matchesAll(r, parseFilter(f, RUN_SEARCH));
    expect(m("metrics.acc > 0.5 and params.model LIKE 'resnet%' and tags.team = 'vision'")).toBe(true);
    expect(m("params.model LIKE 'RESNET%'")).toBe(false);
    expect(m("params.model ILIKE 'RESNET%'")).toBe(true);
    expect(m("params.model LIKE 'resnet_0'")).toBe(true);
    expect(m('metrics.missing < 1')).toBe(false);
    expect(m('metrics.bad > 0')).toBe(false);
    expect(m('metrics.bad != 0')).toBe(true);
    expect(m("tags.nope IS NULL and tags.team IS NOT NULL")).toBe(true);
    expect(m("attributes.run_id NOT IN ('r2')")).toBe(true);
    expect(m("dataset.name = 'train' and dataset.digest = 'abc'")).toBe(true);
    expect(m("dataset.context = 'eval'")).toBe(false);
  });
});

describe('order by', () => {
  it('sorts with missing and NaN values last in both directions, then the tie-break', () => {
    const runs = [
      run({ attributes: { run_id: 'a', start_time: 1 }, metrics: { acc: 0.5 } }),
      run({ attributes: { run_id: 'b', start_time: 2 }, metrics: {} }),
      run({ attributes: { run_id: 'c', start_time: 3 }, metrics: { acc: NaN } }),
      run({ attributes: { run_id: 'd', start_time: 4 }, metrics: { acc: 0.9 } }),
    ];
    const natural = (x: SearchRecord, y: SearchRecord) => Number(y.attributes.start_time) - Number(x.attributes.start_time);
    const ids = (order: string) => [...runs].sort(recordComparator([parseOrderBy(order, RUN_SEARCH)], (r) => r, natural)).map((r) => r.attributes.run_id);
    expect(ids('metrics.acc DESC')).toEqual(['d', 'a', 'c', 'b']);
    expect(ids('metrics.acc ASC')).toEqual(['a', 'd', 'c', 'b']);
    expect(ids('attributes.start_time')).toEqual(['a', 'b', 'c', 'd']);
    expect(() => parseOrderBy('metrics.acc UP', RUN_SEARCH)).toThrow(/ASC or DESC/);
  });
});
