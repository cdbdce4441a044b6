// A comparison report as GitHub-flavoured Markdown, for pull requests and notebooks: tables for
// the runs, the params that differ and each metric's summary; charts and lineage as SVG images,
// either files beside the .md or data URIs in it (GitHub shows only the files; notebooks and
// editors show both). Only the generated-at line depends on the time the report is made.
import { formatDuration } from '../../../src-shared/format';
import { inferDirection } from '../../../src-shared/metric-direction';
import { REPORT_SECTIONS, SECTION_LABELS, type MarkdownImages, type ReportSection } from '../../../src-shared/report';
import { distinctRunColors } from '../../../src-shared/run-color';
import { mdFence, mdImage, mdLink, mdTable, mdText, type Align } from './markdown-text';
import { uniqueFileNames } from './report-file-names';
import { metricBest } from './metric-best';
import type { MetricRow, ReportData, ReportRun } from './report-data';
import { reportDelta, reportNumber } from './report-number';
import { lineageSvg } from './svg-lineage';
import { metricChartSvg } from './svg-chart';

export interface MarkdownReportOptions {
  generatedAt: Date;
  sections: readonly ReportSection[];
  images: MarkdownImages;
  /** Folder the image files go to, relative to the .md ('files' only). */
  imageDir: string;
  /** Where a run's page is, when the report is made by a server that knows its own address. */
  runUrl?: (runId: string) => string;
}

export interface MarkdownReport {
  markdown: string;
  /** Image files to write into `imageDir` (empty for inline images). */
  files: Array<{ name: string; content: string }>;
}

interface Context {
  data: ReportData;
  opts: MarkdownReportOptions;
  /** What a run is called in headers and rows: its name, with its short id where names repeat. */
  label: Map<string, string>;
  image: (prefix: string, text: string, alt: string, svg: string) => string;
}

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

function runLabels(runs: readonly ReportRun[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const r of runs) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  const short = (r: ReportRun) => r.id.slice(0, 8);
  return new Map(runs.map((r) => [r.id, r.name === '' ? short(r) : count.get(r.name)! > 1 ? `${r.name} (${short(r)})` : r.name]));
}

/** Where images go: into `files` under unique names, or into the text as data URIs. */
function imageSink(opts: MarkdownReportOptions, files: MarkdownReport['files']): Context['image'] {
  const name = uniqueFileNames();
  const dir = opts.imageDir.split('/').map(encodeURIComponent).join('/');
  return (prefix, text, alt, svg) => {
    if (opts.images === 'inline') return mdImage(alt, `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
    const file = name(prefix, text, '.svg');
    files.push({ name: file, content: svg });
    return mdImage(alt, `${dir}/${file}`);
  };
}

function runsSection({ data, opts, label }: Context): string {
  const rows = data.runs.map((r) => {
    const name = mdText(label.get(r.id)!);
    const tags = Object.entries(r.tags).map(([k, v]) => `${k}=${v}`).join(', ');
    return [
      opts.runUrl ? mdLink(name, opts.runUrl(r.id)) : name,
      mdText(r.id),
      mdText(r.status) + (r.id === data.baseline ? ' (baseline)' : ''),
      mdText(r.experiment),
      utc(r.startTime),
      // A run still going has no duration that would stay true, nor one that diffs well.
      r.endTime === null ? '—' : formatDuration(r.endTime - r.startTime),
      mdText(tags),
    ];
  });
  return mdTable(['Run', 'ID', 'Status', 'Experiment', 'Started (UTC)', 'Duration', 'Tags'], rows);
}

function paramsSection({ data, label }: Context): string {
  if (data.params.length === 0) return 'No params were logged.';
  const differing = data.params.filter((p) => p.differs);
  if (differing.length === 0) return `All ${data.params.length} param(s) are identical in every run.`;
  const same = data.params.length - differing.length;
  const note = same === 0 ? '' : `${same} param(s) identical in every run are left out.`;
  const base = data.baseline;
  const rows = differing.map((p) => [
    mdText(p.key),
    ...data.runs.map((r) => {
      const v = p.values[r.id] ?? null;
      const text = v === null ? '—' : mdText(v);
      // Bold marks a value that differs from the baseline run's, as the compare view highlights it.
      return base !== null && r.id !== base && v !== (p.values[base] ?? null) ? `**${text}**` : text;
    }),
  ]);
  const header = ['Param', ...data.runs.map((r) => mdText(label.get(r.id)!) + (r.id === base ? ' (baseline)' : ''))];
  return [mdTable(header, rows), note].filter((s) => s.length > 0).join('\n\n');
}

function metricTable(row: MetricRow, { data, label }: Context): string {
  const best = metricBest(row);
  const withBaseline = data.baseline !== null;
  const header = ['Run', 'Last', 'Last step', 'Min', 'Max', 'Step of best', ...(withBaseline ? ['Δ last vs baseline'] : [])];
  const align: Align[] = ['left', 'right', 'right', 'right', 'right', 'right', 'right'];
  const rows = data.runs.map((r) => {
    const c = row.byRun[r.id];
    const name = mdText(label.get(r.id)!) + (best.bestRuns.has(r.id) ? ' ★' : '');
    if (!c) return [name, 'not logged', '', '', '', '', ...(withBaseline ? [''] : [])];
    const step = best.stepOf(c);
    return [
      name,
      reportNumber(c.last),
      String(c.lastStep),
      reportNumber(c.min),
      reportNumber(c.max),
      step === null ? '—' : String(step),
      ...(withBaseline ? [r.id === data.baseline ? 'baseline' : reportDelta(c.deltaVsBaseline)] : []),
    ];
  });
  const source = best.direction === inferDirection(row.key) ? 'going by the name' : 'as set in the comparison';
  const note =
    best.direction === null
      ? "The key's name does not say whether lower or higher is better, so no run is marked best."
      : best.direction === 'min'
        ? `Lower is better (${source}); ★ marks the run that reached the lowest value.`
        : `Higher is better (${source}); ★ marks the run that reached the highest value.`;
  return [`### ${mdText(row.key)}`, note, mdTable(header, rows, align)].join('\n\n');
}

function summarySection(ctx: Context): string {
  if (ctx.data.metrics.length === 0) return 'No metric is shared by the runs.';
  return [
    'Values are shown to 7 significant digits; the exact ones are in the JSON export (and in the data section when included).',
    ...ctx.data.metrics.map((row) => metricTable(row, ctx)),
  ].join('\n\n');
}

function chartsSection(ctx: Context): string {
  if (ctx.data.metrics.length === 0) return 'No metric is shared by the runs.';
  const colors = distinctRunColors(ctx.data.runs.map((r) => r.id));
  return ctx.data.metrics.map((row) => ctx.image('chart', row.key, row.key, metricChartSvg(ctx.data, row.key, colors))).join('\n\n');
}

function lineageSection(ctx: Context): string {
  const byRun = new Map((ctx.data.lineage ?? []).map((l) => [l.runId, l]));
  const drawn = ctx.data.runs.map((r) => {
    const lineage = byRun.get(r.id);
    return { run: r, svg: lineage ? lineageSvg(lineage, ctx.label.get(r.id)!) : '' };
  });
  if (drawn.every((d) => d.svg === '')) return 'No inputs were recorded for these runs.';
  return drawn
    .map(({ run, svg }) => {
      const name = ctx.label.get(run.id)!;
      const body = svg === '' ? 'No inputs were recorded for this run.' : ctx.image('lineage', name, `Inputs of ${name}`, svg);
      return `### ${mdText(name)}\n\n${body}`;
    })
    .join('\n\n');
}

/**
 * The data behind the tables, folded away (GitHub renders <details>): runs, params and the exact
 * metric summaries. Series and lineage stay out — they are in the pictures, and at full size in
 * the JSON export — so the Markdown stays small enough for a pull-request comment.
 */
function dataSection({ data }: Context): string {
  const { baseline, runs, params, metrics } = data;
  const json = JSON.stringify({ baseline, runs, params, metrics }, null, 2);
  return [
    '<details>',
    '<summary>The runs, params and exact metric summaries as JSON (series and lineage: <code>runlens report --format json</code>)</summary>',
    '',
    mdFence(json, 'json'),
    '',
    '</details>',
  ].join('\n');
}

const SECTIONS: Record<ReportSection, (ctx: Context) => string> = {
  runs: runsSection,
  params: paramsSection,
  summary: summarySection,
  charts: chartsSection,
  lineage: lineageSection,
  data: dataSection,
};

export function reportMarkdown(data: ReportData, opts: MarkdownReportOptions): MarkdownReport {
  const files: MarkdownReport['files'] = [];
  const ctx: Context = { data, opts, label: runLabels(data.runs), image: imageSink(opts, files) };
  const baseline = data.runs.find((r) => r.id === data.baseline);
  const parts = [
    `# Comparison of ${data.runs.length} run${data.runs.length === 1 ? '' : 's'}`,
    `Generated at ${opts.generatedAt.toISOString()} by Runlens`,
    ...(baseline ? [`Baseline: ${mdText(ctx.label.get(baseline.id)!)}`] : []),
    ...REPORT_SECTIONS.filter((s) => opts.sections.includes(s)).flatMap((s) => [`## ${SECTION_LABELS[s]}`, SECTIONS[s](ctx)]),
  ];
  return { markdown: `${parts.join('\n\n')}\n`, files };
}
