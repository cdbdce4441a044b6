import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../../../src-shared/report';
import { useTempDirs } from '../test-support/temp-dir';
import { coreWithRuns } from '../test-support/report-fixture';
import type { ReportData } from './report-data';
import { reportHtml } from './report-html';
import { writeReport } from './write-report';

const tempDir = useTempDirs();
const at = (iso: string) => () => new Date(iso);

/** `data-value`s of one metric's row cells for a run: last, min, max (then Δ when present). */
function cellValues(html: string, key: string, runId: string): number[] {
  const body = new RegExp(`<tbody class="metric" data-key="${key}">([\\s\\S]*?)</tbody>`).exec(html)![1]!;
  const row = new RegExp(`<tr data-run="${runId}">(.*)</tr>`).exec(body)![1]!;
  return [...row.matchAll(/data-value="([^"]+)"/g)].map((m) => Number(m[1]));
}

describe('reportHtml through writeReport', () => {
  it('writes one self-contained file: CSP, every section in order, charts, lineage and the data', async () => {
    const dir = tempDir();
    const { core, ids } = await coreWithRuns(dir);
    const out = join(dir, 'r.html');
    await writeReport(core.store, { format: 'html', runs: { ids: [ids.a!, ids.b!] }, baseline: ids.a!, out }, { now: at('2026-01-01T00:00:00.000Z') });
    const html = readFileSync(out, 'utf8');
    await core.close();

    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
    expect([...html.matchAll(/<section id="([a-z]+)">/g)].map((m) => m[1])).toEqual([...REPORT_SECTIONS]);
    expect(html.match(/<svg [^>]*class="chart"/g)).toHaveLength(2);
    expect(html).toContain('Inputs of a');
    expect(html).toContain('<script type="application/json" id="report-data">');

    expect(cellValues(html, 'loss', ids.b!)).toEqual([0.4, 0.4, 0.8, expect.closeTo(0.1, 12)]);
    expect(cellValues(html, 'loss', ids.a!)).toEqual([0.3, 0.2, 0.9]);
    expect(html).toContain('<span class="badge">baseline</span>');
    // loss is lower-better: a reached 0.2 at step 1, the best of both.
    expect(html).toContain('<code>loss</code> <span class="direction" title="Lower is better (going by the name)">↓</span>');
    expect(html).toMatch(new RegExp(`<tr data-run="${ids.a}">.*★.*<td class="num">1</td>`));

    expect(html).not.toMatch(/k-123|hf-xyz|WANDB_API_KEY|hf_token/);
    expect(html).toContain('says &quot;hi&quot;, twice');
  });

  it('marks the best run and the arrow by the direction set in the comparison, and draws log-scale charts', async () => {
    const dir = tempDir();
    const { core, ids } = await coreWithRuns(dir);
    const out = join(dir, 'set.html');
    await writeReport(core.store, { format: 'html', runs: { ids: [ids.a!, ids.b!] }, metrics: ['loss', 'acc'], directions: { loss: 'max', acc: 'min' }, logKeys: ['loss'], out }, { now: at('2026-01-01T00:00:00.000Z') });
    const html = readFileSync(out, 'utf8');
    await core.close();
    const body = (key: string) => new RegExp(`<tbody class="metric" data-key="${key}">([\\s\\S]*?)</tbody>`).exec(html)![1]!;
    // loss set higher-better: a's 0.9 at step 0 beats b's 0.8; acc set lower-better: b's 0.7 beats a's 0.8.
    expect(body('loss')).toContain('<code>loss</code> <span class="direction" title="Higher is better (as set in the comparison)">↑</span></th>');
    expect(body('loss')).toMatch(new RegExp(`<tr data-run="${ids.a}">.*★.*<td class="num">0</td>`));
    expect(body('loss')).not.toMatch(new RegExp(`<tr data-run="${ids.b}">.*★`));
    expect(body('acc')).toContain('<code>acc</code> <span class="direction" title="Lower is better (as set in the comparison)">↓</span></th>');
    expect(body('acc')).toMatch(new RegExp(`<tr data-run="${ids.b}">.*★`));
    expect(body('acc')).not.toMatch(new RegExp(`<tr data-run="${ids.a}">.*★`));
    expect(html.match(/<svg [^>]*data-scale="([a-z]+)"/g)!.map((s) => /data-scale="([a-z]+)"/.exec(s)![1])).toEqual(['log', 'linear']);
    expect(html).toContain('<title>loss (log)</title>');
  });

  it('gives the same bytes for the same comparison apart from the generated-at line', async () => {
    const dir = tempDir();
    const { core, ids } = await coreWithRuns(dir);
    const opts = { format: 'html' as const, runs: { ids: [ids.a!, ids.b!, ids.c!] }, metrics: ['loss'] };
    await writeReport(core.store, { ...opts, out: join(dir, '1.html') }, { now: at('2026-01-01T00:00:00.000Z') });
    await writeReport(core.store, { ...opts, out: join(dir, '2.html') }, { now: at('2026-02-02T12:34:56.789Z') });
    await core.close();
    const [one, two] = ['1.html', '2.html'].map((f) => readFileSync(join(dir, f), 'utf8').split('\n'));
    const differing = one!.map((line, i) => [line, two![i]]).filter(([a, b]) => a !== b);
    expect(one!.length).toBe(two!.length);
    expect(differing).toEqual([['<p class="meta generated">Generated at 2026-01-01T00:00:00.000Z by Runlens</p>', '<p class="meta generated">Generated at 2026-02-02T12:34:56.789Z by Runlens</p>']]);
  });

  it('has only the chosen sections and embeds just the series for hovering when the data section is left out', async () => {
    const dir = tempDir();
    const { core, ids } = await coreWithRuns(dir);
    const out = join(dir, 'r.html');
    await writeReport(core.store, { format: 'html', runs: { ids: [ids.a!, ids.b!] }, sections: ['charts', 'summary'], out }, { now: at('2026-01-01T00:00:00Z') });
    const html = readFileSync(out, 'utf8');
    await core.close();
    expect([...html.matchAll(/<section id="([a-z]+)">/g)].map((m) => m[1])).toEqual(['summary', 'charts']);
    expect(html).not.toContain('id="report-data"');
    const series = JSON.parse(/<script type="application\/json" id="chart-series">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(Object.keys(series)).toEqual(['series']);
    expect(series.series).toHaveLength(4);
  });

  it('escapes every name and keeps the embedded JSON from closing its script', () => {
    const evil = '</script><img src=x onerror=alert(1)>';
    const data: ReportData = {
      baseline: null,
      runs: [{ id: 'r1', name: evil, experiment: evil, status: 'FINISHED', startTime: 0, endTime: null, sourceKind: 'api', sourcePath: evil, tags: { [evil]: evil } }],
      params: [{ key: evil, values: { r1: evil }, differs: false }],
      metrics: [{ key: evil, logScale: false, direction: null, byRun: { r1: { last: 1, lastStep: 0, min: 1, minStep: 0, max: 1, maxStep: 0, deltaVsBaseline: null } } }],
      series: [{ key: evil, runId: 'r1', total: 1, exact: true, step: [0], value: [1] }],
    };
    const html = reportHtml(data, { generatedAt: new Date(0), sections: REPORT_SECTIONS, runUrl: (id) => `http://127.0.0.1:5850/#/runs/${id}` });
    expect(html).not.toContain('<img');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('<a href="http://127.0.0.1:5850/#/runs/r1">');
    const json = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(json)).toEqual(data);
  });
});
