// What a comparison report can be: its formats and sections. Shared by the CLI, the export API
// and the compare view's Export dialog, so all three offer the same choices.

export const REPORT_FORMATS = ['html', 'pdf', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Sections of an HTML/PDF/Markdown report, in the order they appear. */
export const REPORT_SECTIONS = ['runs', 'params', 'summary', 'charts', 'lineage', 'data'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const SECTION_LABELS: Record<ReportSection, string> = {
  runs: 'Runs',
  params: 'Params diff',
  summary: 'Summary table',
  charts: 'Metric charts',
  lineage: 'Input lineage',
  data: 'Embedded data (JSON)',
};

/** Markdown charts: SVG files in a folder beside the .md, or one file with data URIs. */
export const MARKDOWN_IMAGES = ['files', 'inline'] as const;
export type MarkdownImages = (typeof MARKDOWN_IMAGES)[number];

/** Step buckets per chart series when nothing else is asked: enough for a page-wide chart. */
export const DEFAULT_CHART_BUCKETS = 500;

/** File name extension of each format's main output; csv writes a folder. */
export const REPORT_EXTENSION: Record<ReportFormat, string> = { html: '.html', pdf: '.pdf', md: '.md', csv: '', json: '.json' };
