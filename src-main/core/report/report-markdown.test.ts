import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src-shared/domain';
import { REPORT_SECTIONS, SECTION_LABELS } from '../../../src-shared/report';
import { useTempDirs } from '../test-support/temp-dir';
import { coreWithRuns } from '../test-support/report-fixture';
import { startTestCore } from '../test-support/test-core';
import { buildReportData, loadReportData } from './report-data';
import { uniqueFileNames } from './report-file-names';
import { reportMarkdown } from './report-markdown';

const tempDir = useTempDirs();
// As GitHub renders it: GFM tables, and the raw HTML it allows (<details>, <br>).
const md = new MarkdownIt({ html: true });
type Token = ReturnType<typeof md.parse>[number];
const NOW = new Date('2026-01-01T00:00:00Z');
// markdown-it drops data: URIs other than raster images as unsafe links; CommonMark itself, and
// notebook renderers, take them.
const permissive = new MarkdownIt({ html: true });
permissive.validateLink = () => true;
const runUrl = (id: string) => `http://127.0.0.1:5850/#/runs/${id}`;

const textOf = (t: Token) => (t.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('');

interface Table {
  header: string[];
  rows: string[][];
}

/** Tables as markdown-it parses them: each cell's rendered text (escapes undone). */
function tables(markdown: string): Table[] {
  const out: Table[] = [];
  let row: string[] | null = null;
  let inHead = false;
  for (const t of md.parse(markdown, {})) {
    if (t.type === 'table_open') out.push({ header: [], rows: [] });
    else if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close') {
      if (inHead) out.at(-1)!.header = row!;
      else out.at(-1)!.rows.push(row!);
      row = null;
    } else if (t.type === 'inline' && row) row.push(textOf(t));
  }
  return out;
}

/** The inline tokens' children of one kind anywhere in the document. */
function inlineChildren(markdown: string, type: string, parser = md): Token[] {
  return parser.parse(markdown, {}).flatMap((t) => (t.children ?? []).filter((c) => c.type === type));
}

const headings = (markdown: string, tag: string) =>
  md.parse(markdown, {}).flatMap((t, i, all) => (t.type === 'heading_open' && t.tag === tag ? [textOf(all[i + 1]!)] : []));

/** The rows of a table as objects keyed by its header. */
const records = (t: Table) => t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]!])));

describe('reportMarkdown', () => {
  it("renders tables with the store's numbers, links to the runs and image files that exist", async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const data = await loadReportData(core.store, { runs: { ids: [ids.a!, ids.b!, ids.c!] }, baseline: ids.a!, metrics: ['loss', 'acc'], seriesBuckets: 100, lineage: true });
    const { markdown, files } = reportMarkdown(data, { generatedAt: NOW, sections: REPORT_SECTIONS, images: 'files', imageDir: 'my report_files', runUrl });

    expect(headings(markdown, 'h2')).toEqual(REPORT_SECTIONS.map((s) => SECTION_LABELS[s]));
    expect(markdown.split('\n').filter((l) => l.includes('2026-01-01T00:00:00.000Z'))).toEqual(['Generated at 2026-01-01T00:00:00.000Z by Runlens']);

    const [runs, params, loss, acc] = tables(markdown);
    expect(records(runs!).map((r) => [r.Run, r.ID, r.Status])).toEqual([
      ['a', ids.a, 'RUNNING (baseline)'],
      ['b', ids.b, 'RUNNING'],
      ['c', ids.c, 'RUNNING'],
    ]);
    expect(records(runs!)[0]!.Tags).toBe('model=resnet, note=says "hi", twice');
    const links = inlineChildren(markdown, 'link_open').map((l) => l.attrGet('href'));
    expect(links).toEqual([ids.a!, ids.b!, ids.c!].map(runUrl));

    expect(params).toEqual({ header: ['Param', 'a (baseline)', 'b', 'c'], rows: [['lr', '0.001', '0.01', '0.001']] });
    expect(markdown).toContain('| lr | 0.001 | **0.01** | 0.001 |');
    expect(markdown).toContain('1 param(s) identical in every run are left out.');

    // Every number in the summary tables is the store's, to the 7 digits shown.
    const stored = new Map([ids.a!, ids.b!, ids.c!].map((id) => [id, core.store.runs.summary(id)!]));
    const name = new Map([...stored].map(([id, r]) => [r.name, id]));
    for (const [table, key] of [[loss!, 'loss'], [acc!, 'acc']] as const) {
      expect(table.header).toEqual(['Run', 'Last', 'Last step', 'Min', 'Max', 'Step of best', 'Δ last vs baseline']);
      for (const row of records(table)) {
        const id = name.get(row.Run!.replace(' ★', ''))!;
        const m = stored.get(id)!.metrics.find((x) => x.key === key);
        if (!m) {
          expect(row.Last).toBe('not logged');
          continue;
        }
        const seven = (n: number) => Number(n.toPrecision(7));
        expect(Number(row.Last), `${key} ${row.Run}`).toBe(seven(Number(m.last)));
        expect(Number(row['Last step'])).toBe(m.lastStep);
        expect(Number(row.Min)).toBe(seven(m.min!));
        expect(Number(row.Max)).toBe(seven(m.max!));
      }
    }
    expect(records(loss!).map((r) => [r.Run, r['Step of best'], r['Δ last vs baseline']])).toEqual([
      ['a', '1', 'baseline'],
      ['b', '2', '+0.1'],
      ['c ★', '1', '+0.3'],
    ]);
    expect(records(acc!).map((r) => [r.Run, r['Step of best'], r['Δ last vs baseline']])).toEqual([
      ['a ★', '0', 'baseline'],
      ['b', '0', '-0.1'],
      ['c', '', ''],
    ]);

    // Images point at files the report returns, under safe names, in the chosen folder.
    const images = inlineChildren(markdown, 'image').map((i) => i.attrGet('src'));
    expect(images).toEqual(['chart-loss.svg', 'chart-acc.svg', 'lineage-a.svg', 'lineage-b.svg'].map((f) => `my%20report_files/${f}`));
    expect(files.map((f) => f.name)).toEqual(['chart-loss.svg', 'chart-acc.svg', 'lineage-a.svg', 'lineage-b.svg']);
    for (const f of files) expect(f.content.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), f.name).toBe(true);
    expect(files[2]!.content).toContain('Inputs of a');
    expect(markdown).toContain('### c\n\nNo inputs were recorded for this run.');

    // The data section holds the exact values, folded away.
    const json = /<details>[\s\S]*```json\n([\s\S]*?)\n```\n\n<\/details>/.exec(markdown)![1]!;
    expect(JSON.parse(json)).toEqual({ baseline: data.baseline, runs: data.runs, params: data.params, metrics: data.metrics });
    expect(md.render(markdown)).toMatch(/<details>\n<summary>[^]*<pre><code class="language-json">/);

    // Secrets logged as tags reach neither the text nor the pictures.
    for (const text of [markdown, ...files.map((f) => f.content)]) expect(text).not.toMatch(/k-123|hf-xyz|WANDB_API_KEY|hf_token/);
    await core.close();
  });

  it('marks the best run by the direction set in the comparison, and says log on a log-scale chart', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const runs = { ids: [ids.a!, ids.b!, ids.c!] };
    const made = async (extra: object) => reportMarkdown(await loadReportData(core.store, { runs, metrics: ['loss'], seriesBuckets: 100, ...extra }), { generatedAt: NOW, sections: ['summary', 'charts'], images: 'files', imageDir: 'f' });
    const byName = await made({});
    // loss by its name is lower-better: c reached 0.1.
    expect(records(tables(byName.markdown)[0]!).map((r) => [r.Run, r['Step of best']])).toEqual([['a', '1'], ['b', '2'], ['c ★', '1']]);
    expect(byName.markdown).toContain('Lower is better (going by the name)');
    expect(byName.files[0]!.content).toContain('<title>loss</title>');

    const set = await made({ directions: { loss: 'max' }, logKeys: ['loss'] });
    // Set higher-better: a's 0.9 at step 0 is the best.
    expect(records(tables(set.markdown)[0]!).map((r) => [r.Run, r['Step of best']])).toEqual([['a ★', '0'], ['b', '0'], ['c', '0']]);
    expect(set.markdown).toContain('Higher is better (as set in the comparison)');
    expect(set.files[0]!.content).toContain('<title>loss (log)</title>');
    await core.close();
  });

  it('writes only the chosen sections, and inline images as data URIs', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const data = await loadReportData(core.store, { runs: { ids: [ids.b!, ids.a!] }, seriesBuckets: 100, lineage: true });
    const picked = reportMarkdown(data, { generatedAt: NOW, sections: ['summary', 'runs'], images: 'files', imageDir: 'x' });
    expect(headings(picked.markdown, 'h2')).toEqual(['Runs', 'Summary table']);
    expect(picked.files).toEqual([]);
    expect(inlineChildren(picked.markdown, 'link_open')).toEqual([]);
    expect(picked.markdown).not.toContain('Baseline');
    expect(tables(picked.markdown)[1]!.header).not.toContain('Δ last vs baseline');

    const inline = reportMarkdown(data, { generatedAt: NOW, sections: ['charts', 'lineage'], images: 'inline', imageDir: 'x' });
    expect(inline.files).toEqual([]);
    const srcs = inlineChildren(inline.markdown, 'image', permissive).map((i) => String(i.attrGet('src')));
    expect(srcs).toHaveLength(4);
    const decoded = srcs.map((s) => {
      expect(s.startsWith('data:image/svg+xml;base64,')).toBe(true);
      return Buffer.from(s.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8');
    });
    const asFiles = reportMarkdown(data, { generatedAt: NOW, sections: ['charts', 'lineage'], images: 'files', imageDir: 'x' });
    expect(decoded).toEqual(asFiles.files.map((f) => f.content));
    await core.close();
  });

  it('tells runs with the same name, or none, apart by their id', async () => {
    const core = await startTestCore(tempDir());
    const ids: string[] = [];
    for (const name of ['twin', 'twin', 'other']) ids.push(((await core.dispatch('createRun', { name })) as { run: RunSummary }).run.id);
    const data = buildReportData(core.store, { runs: { ids } });
    // The API names a nameless run; other importers may leave the name empty.
    data.runs[2]!.name = '';
    const { markdown } = reportMarkdown(data, { generatedAt: NOW, sections: ['runs'], images: 'files', imageDir: 'f' });
    const short = ids.map((id) => id.slice(0, 8));
    expect(tables(markdown)[0]!.rows.map((r) => r[0])).toEqual([`twin (${short[0]})`, `twin (${short[1]})`, short[2]]);
    await core.close();
  });

  it('keeps odd names, values and keys inside their cells and gives alike keys their own files', async () => {
    const core = await startTestCore(tempDir());
    const ids: string[] = [];
    for (const [name, value] of [
      ['pipe | *bold* <b>x</b>', 'a|b'],
      ['line\nbreak', '`code` [link](http://x)'],
    ] as const) {
      const { run } = (await core.dispatch('createRun', { name, params: { cfg: value } })) as { run: RunSummary };
      await core.dispatch('logRun', { id: run.id, metrics: [{ key: 'val/loss', value: 1, step: 0 }, { key: 'val_loss', value: 2, step: 0 }, { key: 'speed', value: 12345.678, step: 0 }] });
      ids.push(run.id);
    }
    const data = await loadReportData(core.store, { runs: { ids }, seriesBuckets: 10 });
    const { markdown, files } = reportMarkdown(data, { generatedAt: NOW, sections: REPORT_SECTIONS, images: 'files', imageDir: 'f', runUrl: (id) => `http://h/#/runs/${id} (x)` });
    const [runs, params, ...summaries] = tables(markdown);
    expect(runs!.rows.map((r) => r[0])).toEqual(['pipe | *bold* <b>x</b>', 'linebreak']);
    expect(runs!.rows.every((r) => r.length === runs!.header.length)).toBe(true);
    expect(params!.rows).toEqual([['cfg', 'a|b', '`code` [link](http://x)']]);
    expect(md.render(markdown)).not.toMatch(/<b>x<\/b>|<em>bold|<a href="http:\/\/x"/);
    expect(md.render(markdown)).toContain('line<br>break');
    expect(inlineChildren(markdown, 'link_open').map((l) => decodeURI(String(l.attrGet('href'))))).toEqual(ids.map((id) => `http://h/#/runs/${id} (x)`));
    expect(summaries.map((t) => t.rows[0]![1])).toEqual(['12345.68', '1', '2']);
    expect(headings(markdown, 'h3')).toEqual(['speed', 'val/loss', 'val_loss']);
    expect(markdown).toContain('## Input lineage\n\nNo inputs were recorded for these runs.\n');
    expect(files.map((f) => f.name)).toEqual(['chart-speed.svg', 'chart-val-loss.svg', 'chart-val-loss-2.svg']);
    await core.close();
  });
});

describe('uniqueFileNames', () => {
  it('makes safe, distinct names in order of asking', () => {
    const name = uniqueFileNames();
    expect(['Loss', 'loss', 'val/acc@top-1', 'Épreuve', '∆∆', '../../etc'].map((t) => name('chart', t, '.svg'))).toEqual([
      'chart-loss.svg',
      'chart-loss-2.svg',
      'chart-val-acc-top-1.svg',
      'chart-epreuve.svg',
      'chart-unnamed.svg',
      'chart-etc.svg',
    ]);
    expect(name('lineage', 'x'.repeat(200), '.svg')).toBe(`lineage-${'x'.repeat(60)}.svg`);
  });
});
