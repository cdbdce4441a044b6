import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { coreWithRuns } from '../test-support/report-fixture';
import { buildReportData, loadReportData, SECRET_KEY } from './report-data';
import { metricsCsv, paramsCsv } from './report-csv';
import { reportJson } from './report-json';

const tempDir = useTempDirs();

describe('buildReportData', () => {
  it('summarises the runs, the params and the shared metrics, with deltas vs the baseline', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const data = buildReportData(core.store, { runs: { ids: [ids.b!, ids.a!] }, baseline: ids.a! });
    expect(data.runs.map((r) => r.name)).toEqual(['b', 'a']);
    expect(data.params).toEqual([
      { key: 'lr', values: { [ids.b!]: '0.01', [ids.a!]: '0.001' }, differs: true },
      { key: 'opt', values: { [ids.b!]: 'adam', [ids.a!]: 'adam' }, differs: false },
    ]);
    expect(data.metrics.map((m) => m.key)).toEqual(['acc', 'loss']);
    const loss = data.metrics[1]!.byRun;
    expect(loss[ids.b!]).toMatchObject({ last: 0.4, lastStep: 2, min: 0.4, minStep: 2, max: 0.8, maxStep: 0 });
    expect(loss[ids.b!]!.deltaVsBaseline).toBeCloseTo(0.1);
    expect(loss[ids.a!]).toMatchObject({ last: 0.3, min: 0.2, minStep: 1, deltaVsBaseline: 0 });

    // Without --metrics: only keys every run shares.
    const all = buildReportData(core.store, { runs: { ids: [ids.a!, ids.b!, ids.c!] } });
    expect(all.metrics.map((m) => m.key)).toEqual(['loss']);
    expect(all.baseline).toBeNull();
    expect(all.metrics[0]!.byRun[ids.a!]!.deltaVsBaseline).toBeNull();
    await core.close();
  });

  it("adds each run's upstream lineage when asked: its inputs and the runs that made them", async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const data = buildReportData(core.store, { runs: { ids: [ids.a!, ids.c!] }, lineage: true });
    expect(data.lineage!.map((l) => l.runId)).toEqual([ids.a, ids.c]);
    const a = data.lineage![0]!.graph;
    expect(a.nodes.map((n) => n.label).sort()).toEqual(['a', 'clean', 'prep', 'raw']);
    expect(a.edges.filter((e) => e.kind !== 'derived')).toHaveLength(3);
    expect(data.lineage![1]!.graph).toEqual({ nodes: [], edges: [] });
    expect(buildReportData(core.store, { runs: { ids: [ids.a!] } }).lineage).toBeUndefined();
  });

  it("adds each metric's series, reduced over one step grid, when asked", async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const plain = buildReportData(core.store, { runs: { ids: [ids.a!, ids.b!] } });
    expect(plain.series).toBeUndefined();
    const data = await loadReportData(core.store, { runs: { ids: [ids.a!, ids.b!] }, metrics: ['loss', 'acc'], seriesBuckets: 100 });
    expect(data.series!.map((s) => [s.key, s.runId])).toEqual([['loss', ids.a], ['loss', ids.b], ['acc', ids.a], ['acc', ids.b]]);
    expect(data.series![0]).toEqual({ key: 'loss', runId: ids.a, total: 3, exact: true, step: [0, 1, 2], value: [0.9, 0.2, 0.3] });
    await core.close();
  });

  it('drops tags that look like secrets', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const data = buildReportData(core.store, { runs: { ids: [ids.a!] } });
    expect(Object.keys(data.runs[0]!.tags)).toEqual(['model', 'note']);
    expect(JSON.stringify(data)).not.toMatch(/k-123|hf-xyz/);
    for (const k of ['API_KEY', 'api-key', 'GITHUB_TOKEN', 'db_password', 'passwd', 'aws_secret', 'credentials', 'Authorization']) expect(SECRET_KEY.test(k), k).toBe(true);
    for (const k of ['model', 'lr', 'mlflow.source.name']) expect(SECRET_KEY.test(k), k).toBe(false);
    await core.close();
  });

  it('picks runs with a filter, oldest first', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const data = buildReportData(core.store, { runs: { filter: "params.lr = '0.001'" } });
    expect(new Set(data.runs.map((r) => r.id))).toEqual(new Set([ids.a, ids.c]));
    expect(() => buildReportData(core.store, { runs: { filter: "params.lr = '9'" } })).toThrow(/no runs match/);
    await core.close();
  });

  it('marks log-scale metrics, and a direction the user set beats the one the name implies', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const runs = { ids: [ids.a!, ids.b!] };
    const plain = buildReportData(core.store, { runs, metrics: ['loss', 'acc'] });
    expect(plain.metrics.map((m) => [m.key, m.logScale, m.direction])).toEqual([['loss', false, 'min'], ['acc', false, 'max']]);
    const set = buildReportData(core.store, { runs, metrics: ['loss', 'acc'], logKeys: ['loss'], directions: { loss: 'max' } });
    expect(set.metrics.map((m) => [m.key, m.logScale, m.direction])).toEqual([['loss', true, 'max'], ['acc', false, 'max']]);
    // Log scale and direction change how a metric is shown, never its numbers.
    expect(set.metrics.map((m) => m.byRun)).toEqual(plain.metrics.map((m) => m.byRun));
    await core.close();
  });

  it('refuses a log key or direction for a metric the report does not show, naming it', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const runs = { ids: [ids.a!, ids.c!] };
    // acc is a's, but not shared with c: not among the default metrics.
    expect(() => buildReportData(core.store, { runs, logKeys: ['acc'] })).toThrow("not among the report's metrics: acc");
    expect(() => buildReportData(core.store, { runs, directions: { loss: 'max', f1: 'max' } })).toThrow("not among the report's metrics: f1");
    expect(() => buildReportData(core.store, { runs, directions: { constructor: 'max' as const } })).toThrow('constructor');
    await core.close();
  });

  it('refuses unknown runs, metric keys and a baseline outside the report', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    expect(() => buildReportData(core.store, { runs: { ids: [ids.a!, 'nope'] } })).toThrow('unknown run id(s): nope');
    expect(() => buildReportData(core.store, { runs: { ids: [ids.a!] }, metrics: ['loss', 'f1'] })).toThrow('unknown metric key(s): f1');
    expect(() => buildReportData(core.store, { runs: { ids: [ids.a!] }, baseline: ids.b! })).toThrow(/baseline/);
    await core.close();
  });

  it('is deterministic: two exports differ only in generatedAt', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const opts = { runs: { ids: [ids.a!, ids.b!, ids.c!] }, baseline: ids.c!, metrics: ['loss', 'acc'] };
    const one = reportJson(buildReportData(core.store, opts), new Date('2026-01-01T00:00:00Z'));
    const two = reportJson(buildReportData(core.store, opts), new Date('2026-02-02T00:00:00Z'));
    expect(one).not.toBe(two);
    const strip = (s: string) => s.replace(/"generatedAt": "[^"]*"/, '');
    expect(strip(one)).toBe(strip(two));
    expect(JSON.parse(one).generatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(paramsCsv(buildReportData(core.store, opts))).toBe(paramsCsv(buildReportData(core.store, opts)));
    expect(metricsCsv(buildReportData(core.store, opts))).toBe(metricsCsv(buildReportData(core.store, opts)));
    await core.close();
  });
});
