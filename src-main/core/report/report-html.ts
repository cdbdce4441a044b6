// A comparison report as one HTML file that needs nothing else: styles, charts (inline SVG) and
// the small script are all inside, and a Content-Security-Policy forbids every fetch, so opening
// it offline shows the same page and opening it online leaks nothing. Everything is readable
// without JavaScript and prints on light paper. The same data and options give the same bytes
// except for the one "Generated at" line.
import { distinctRunColors } from '../../../src-shared/run-color';
import { REPORT_SECTIONS, SECTION_LABELS, type ReportSection } from '../../../src-shared/report';
import type { ReportData } from './report-data';
import { REPORT_SCRIPT } from './report-html-script';
import { REPORT_CSS } from './report-html-style';
import { paramsTable, runsTable, summaryTable } from './report-html-tables';
import { lineageSvg } from './svg-lineage';
import { metricChartSvg } from './svg-chart';
import { escapeXml as esc, truncate } from './xml-text';

export interface ReportHtmlOptions {
  generatedAt: Date;
  sections: readonly ReportSection[];
  /** Where a run opens in Runlens; reports made without a server have no links. */
  runUrl?: ((runId: string) => string) | undefined;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/**
 * JSON inside <script>: `<` escaped so no value can close the element or open a comment. Each
 * top-level list item (a run, a param, a series) on its own line, so reports diff by item.
 */
function scriptJson(value: object): string {
  const fields = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}:${Array.isArray(v) ? `[\n${v.map((x) => JSON.stringify(x)).join(',\n')}\n]` : JSON.stringify(v)}`);
  return `{\n${fields.join(',\n')}\n}`.replace(/</g, '\\u003c');
}

function chartsSection(data: ReportData, colors: ReadonlyMap<string, string>): string {
  if (data.metrics.length === 0) return '<p class="note">No metrics to chart.</p>';
  if (!data.series) return '<p class="note">This report was made without series, so it has no charts.</p>';
  return data.metrics.map((m) => `<figure class="chart-box">${metricChartSvg(data, m.key, colors)}</figure>`).join('\n');
}

function lineageSection(data: ReportData): string {
  if (!data.lineage) return '<p class="note">This report was made without lineage.</p>';
  const names = new Map(data.runs.map((r) => [r.id, r.name]));
  return data.lineage
    .map((l) => {
      const name = names.get(l.runId) ?? l.runId;
      const svg = lineageSvg(l, name);
      return svg === '' ? `<p class="note">${esc(name)}: no recorded inputs.</p>` : `<figure>${svg.trim()}</figure>`;
    })
    .join('\n');
}

function dataSection(json: string): string {
  const kb = Math.max(1, Math.round(Buffer.byteLength(json) / 1024));
  return (
    `<p>The data this report was drawn from is embedded in this file as JSON (${kb} KB), in <code>&lt;script id="report-data"&gt;</code>. ` +
    '<button type="button" class="download" id="download-data" hidden>Save as report-data.json</button></p>'
  );
}

export function reportHtml(data: ReportData, opts: ReportHtmlOptions): string {
  const sections = REPORT_SECTIONS.filter((s) => opts.sections.includes(s));
  const colors = distinctRunColors(data.runs.map((r) => r.id));
  const json = scriptJson(data);
  const body: Record<ReportSection, () => string> = {
    runs: () => runsTable(data, colors, opts.runUrl),
    params: () => paramsTable(data, colors),
    summary: () => summaryTable(data, colors),
    charts: () => chartsSection(data, colors),
    lineage: () => lineageSection(data),
    data: () => dataSection(json),
  };
  // The hover script needs the series; without the data section only they are embedded.
  const embedded = sections.includes('data')
    ? [`<script type="application/json" id="report-data">${json}</script>`]
    : sections.includes('charts') && data.series
      ? [`<script type="application/json" id="chart-series">${scriptJson({ series: data.series })}</script>`]
      : [];

  const names = data.runs.map((r) => r.name);
  const baseline = data.runs.find((r) => r.id === data.baseline);
  const summary = [`${data.runs.length} run${data.runs.length === 1 ? '' : 's'}`, `${data.metrics.length} metric${data.metrics.length === 1 ? '' : 's'}`];
  if (baseline) summary.push(`baseline: ${baseline.name}`);

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Runlens">',
    `<title>${esc(truncate(`Runlens report: ${names.join(', ')}`, 120))}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>Comparison: ${esc(truncate(names.join(' · '), 160))}</h1>`,
    `<p class="meta">${esc(summary.join(' · '))}</p>`,
    `<p class="meta generated">Generated at ${opts.generatedAt.toISOString()} by Runlens</p>`,
    `<nav class="toc">${sections.map((s) => `<a href="#${s}">${esc(SECTION_LABELS[s])}</a>`).join('')}</nav>`,
    '</header>',
    ...sections.map((s) => `<section id="${s}">\n<h2>${esc(SECTION_LABELS[s])}</h2>\n${body[s]()}\n</section>`),
    ...embedded,
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
