import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-promotion';
import { parseReportArgs, reportCommand } from './cli-report';
import { useTempDirs } from './core/test-support/temp-dir';
import { coreWithRuns } from './core/test-support/report-fixture';

const tempDir = useTempDirs();

function fakeIo() {
  const out: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: () => {}, env: {}, readStdin: async () => null, onInterrupt: () => () => {} };
  return { io, out };
}

describe('runlens report arguments', () => {
  it('names what is missing or wrong', () => {
    expect(() => parseReportArgs(['--format', 'csv', '--out', 'x'])).toThrow('give --runs or --filter');
    expect(() => parseReportArgs(['--runs', 'a', '--filter', 'x', '--format', 'csv', '--out', 'x'])).toThrow('give --runs or --filter');
    expect(() => parseReportArgs(['--runs', ',', '--format', 'csv', '--out', 'x'])).toThrow('--runs needs at least one run id');
    expect(() => parseReportArgs(['--runs', 'a', '--out', 'x'])).toThrow('--format is required');
    expect(() => parseReportArgs(['--runs', 'a', '--format', 'xml', '--out', 'x'])).toThrow("--format must be one of html, pdf, md, csv, json, not 'xml'");
    expect(() => parseReportArgs(['--runs', 'a', '--format', 'json'])).toThrow('--out is required');
    expect(() => parseReportArgs(['--runs', 'a', '--format', 'json', '--out', 'x', '--colour'])).toThrow(/colour/);
    expect(parseReportArgs(['--runs', 'a, b', '--metrics', 'loss,acc', '--baseline', 'a', '--format', 'json', '--out', 'x']).options).toEqual({
      runs: { ids: ['a', 'b'] },
      baseline: 'a',
      metrics: ['loss', 'acc'],
      logKeys: undefined,
      directions: undefined,
      seriesBuckets: undefined,
    });
    expect(() => parseReportArgs(['--runs', 'a', '--series', '0', '--format', 'json', '--out', 'x'])).toThrow('--series must be a bucket count');
    expect(() => parseReportArgs(['--runs', 'a', '--series', '10', '--format', 'csv', '--out', 'x'])).toThrow('--series does not go with --format csv');
    expect(parseReportArgs(['--runs', 'a', '--series', '10', '--format', 'json', '--out', 'x']).options.seriesBuckets).toBe(10);
    expect(parseReportArgs(['--runs', 'a', '--series', '50', '--format', 'html', '--out', 'x']).options.seriesBuckets).toBe(50);
  });

  it('takes --sections for documents, checked against the known sections', () => {
    expect(parseReportArgs(['--runs', 'a', '--format', 'html', '--out', 'x']).sections).toBeUndefined();
    expect(parseReportArgs(['--runs', 'a', '--sections', 'summary, charts', '--format', 'html', '--out', 'x']).sections).toEqual(['summary', 'charts']);
    expect(() => parseReportArgs(['--runs', 'a', '--sections', 'summary,plots', '--format', 'html', '--out', 'x'])).toThrow(
      "--sections takes a comma list of runs, params, summary, charts, lineage, data, not 'plots'",
    );
    expect(() => parseReportArgs(['--runs', 'a', '--sections', ',', '--format', 'md', '--out', 'x'])).toThrow('--sections takes a comma list');
    expect(() => parseReportArgs(['--runs', 'a', '--sections', 'summary', '--format', 'json', '--out', 'x'])).toThrow('--sections goes with --format html, pdf or md');
  });

  it('takes --log, --lower and --higher as comma lists; a key cannot go both ways', () => {
    const parsed = parseReportArgs(['--runs', 'a', '--log', 'loss, val/loss', '--lower', 'score', '--higher', 'acc,f1', '--format', 'html', '--out', 'x']).options;
    expect(parsed.logKeys).toEqual(['loss', 'val/loss']);
    expect(parsed.directions).toEqual({ score: 'min', acc: 'max', f1: 'max' });
    expect(parseReportArgs(['--runs', 'a', '--higher', 'loss', '--format', 'json', '--out', 'x']).options.directions).toEqual({ loss: 'max' });
    expect(() => parseReportArgs(['--runs', 'a', '--lower', 'acc,loss', '--higher', 'loss', '--format', 'html', '--out', 'x'])).toThrow('--lower and --higher both name loss');
  });

  it('takes --images for Markdown', () => {
    expect(parseReportArgs(['--runs', 'a', '--format', 'md', '--out', 'x']).markdownImages).toBeUndefined();
    expect(parseReportArgs(['--runs', 'a', '--images', 'inline', '--format', 'md', '--out', 'x']).markdownImages).toBe('inline');
    expect(() => parseReportArgs(['--runs', 'a', '--images', 'png', '--format', 'md', '--out', 'x'])).toThrow("--images must be one of files, inline, not 'png'");
    expect(() => parseReportArgs(['--runs', 'a', '--images', 'files', '--format', 'html', '--out', 'x'])).toThrow('--images goes with --format md');
  });
});

describe('runlens report', () => {
  it('writes params.csv and metrics.csv into --out, or one JSON file', async () => {
    const dataDir = tempDir();
    const { core, ids } = await coreWithRuns(dataDir);
    await core.close();
    const out = join(tempDir(), 'report');
    const csv = fakeIo();
    expect(await reportCommand(['--runs', `${ids.a},${ids.b}`, '--baseline', ids.a!, '--format', 'csv', '--out', out, '--data', dataDir], csv.io)).toBe(0);
    expect(readFileSync(join(out, 'params.csv'), 'utf8')).toBe(`run_id,run_name,lr,opt\r\n${ids.a},a,0.001,adam\r\n${ids.b},b,0.01,adam\r\n`);
    expect(readFileSync(join(out, 'metrics.csv'), 'utf8').split('\r\n')[0]).toBe('run_id,run_name,metric,last,last_step,min,min_step,max,max_step,delta_vs_baseline');
    expect(csv.out.join('\n')).toContain('metrics.csv');

    const file = join(tempDir(), 'reports', 'ci', 'r.json'); // folders that do not exist yet are made
    const now = () => new Date('2026-01-01T00:00:00Z');
    expect(await reportCommand(['--filter', "params.lr = '0.001'", '--metrics', 'loss', '--format', 'json', '--out', file, '--data', dataDir], fakeIo().io, now)).toBe(0);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.generatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(json.runs).toHaveLength(2);
    expect(json.metrics.map((m: { key: string; logScale: boolean; direction: string }) => [m.key, m.logScale, m.direction])).toEqual([['loss', false, 'min']]);
    expect(await reportCommand(['--runs', ids.a!, '--metrics', 'loss', '--log', 'loss', '--higher', 'loss', '--format', 'json', '--out', file, '--data', dataDir], fakeIo().io, now)).toBe(0);
    const set = JSON.parse(readFileSync(file, 'utf8'));
    expect(set.metrics.map((m: { key: string; logScale: boolean; direction: string }) => [m.key, m.logScale, m.direction])).toEqual([['loss', true, 'max']]);
  });

  it('writes a Markdown report with its charts beside it, or inline', async () => {
    const dataDir = tempDir();
    const { core, ids } = await coreWithRuns(dataDir);
    await core.close();
    const folder = tempDir();
    const files = fakeIo();
    expect(await reportCommand(['--runs', `${ids.a},${ids.b}`, '--format', 'md', '--out', join(folder, 'pr.md'), '--data', dataDir], files.io)).toBe(0);
    expect(readFileSync(join(folder, 'pr.md'), 'utf8')).toContain('![loss](pr_files/chart-loss.svg)');
    expect(readFileSync(join(folder, 'pr_files', 'chart-loss.svg'), 'utf8')).toMatch(/^<svg /);
    expect(files.out.join('\n')).toContain('chart-loss.svg');
    expect(await reportCommand(['--runs', ids.a!, '--images', 'inline', '--format', 'md', '--out', join(folder, 'nb.md'), '--data', dataDir], fakeIo().io)).toBe(0);
    expect(readFileSync(join(folder, 'nb.md'), 'utf8')).toContain('![loss](data:image/svg+xml;base64,');
  });

  it('fails with a clear message for unknown runs or keys', async () => {
    const dataDir = tempDir();
    const { core, ids } = await coreWithRuns(dataDir);
    await core.close();
    const out = join(tempDir(), 'r.json');
    await expect(reportCommand(['--runs', `${ids.a},ghost`, '--format', 'json', '--out', out, '--data', dataDir], fakeIo().io)).rejects.toThrow('unknown run id(s): ghost');
    await expect(reportCommand(['--runs', ids.a!, '--metrics', 'f1', '--format', 'json', '--out', out, '--data', dataDir], fakeIo().io)).rejects.toThrow('unknown metric key(s): f1');
    await expect(reportCommand(['--runs', ids.a!, '--metrics', 'loss', '--log', 'loss,acc', '--format', 'json', '--out', out, '--data', dataDir], fakeIo().io)).rejects.toThrow("not among the report's metrics: acc");
    await expect(reportCommand(['--runs', ids.a!, '--metrics', 'loss', '--higher', 'lr', '--format', 'json', '--out', out, '--data', dataDir], fakeIo().io)).rejects.toThrow("not among the report's metrics: lr");
  });
});
