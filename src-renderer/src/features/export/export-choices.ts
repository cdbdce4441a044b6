// What the Export dialog lets one choose, its defaults taken from the comparison on screen, and
// the exportReport input those choices make. Pure, so the rules are tested without a DOM.
import type { Input } from '../../../../src-shared/contract';
import type { RunSummary } from '../../../../src-shared/domain';
import { DEFAULT_CHART_BUCKETS, REPORT_SECTIONS, type MarkdownImages, type ReportFormat, type ReportSection } from '../../../../src-shared/report';
import { EXPORT_SERIES_LEVELS, type ExportSeriesLevel } from '../../../../src-shared/report-export';
import type { CompareView, MetricDirection } from '../../lib/compare-view';
import { allMetricKeys, sharedMetricKeys } from '../compare/compare-model';

export const FORMAT_INFO: Record<ReportFormat, { label: string; hint: string }> = {
  html: { label: 'HTML', hint: 'One file that opens offline: tables, charts, lineage, data.' },
  pdf: { label: 'PDF', hint: 'The same report on pages, for email and review meetings.' },
  md: { label: 'Markdown', hint: 'Tables and SVG charts for a pull request or a notebook.' },
  csv: { label: 'CSV', hint: 'The params diff and the metric summary as two spreadsheets.' },
  json: { label: 'JSON', hint: 'The comparison’s data for scripts, with series if asked.' },
};

/** Formats laid out as documents with sections and charts. */
export const DOCUMENT_FORMATS: readonly ReportFormat[] = ['html', 'pdf', 'md'];

/** JSON's series: none (summaries only), a level, or every step. */
export type JsonSeries = 'none' | ExportSeriesLevel;
export type ChartPoints = (typeof EXPORT_SERIES_LEVELS)[number];

export interface ExportChoices {
  format: ReportFormat;
  sections: ReportSection[];
  metrics: string[];
  baseline: string;
  chartPoints: ChartPoints;
  jsonSeries: JsonSeries;
  markdownImages: MarkdownImages;
  /** Carried from the compare view, not chosen here: the report shows a metric as the view does. */
  logKeys: string[];
  directions: Record<string, MetricDirection>;
}

export function initialChoices(view: CompareView, runs: readonly RunSummary[]): ExportChoices {
  const known = new Set(allMetricKeys([...runs]));
  const shown = (view.keys ?? sharedMetricKeys([...runs])).filter((k) => known.has(k));
  const baseline = runs.find((r) => r.id === view.baseline)?.id ?? runs[0]?.id ?? '';
  return {
    format: 'html',
    sections: [...REPORT_SECTIONS],
    metrics: shown,
    baseline,
    chartPoints: DEFAULT_CHART_BUCKETS as ChartPoints,
    jsonSeries: 'none',
    markdownImages: 'inline',
    logKeys: [...view.logKeys],
    directions: { ...view.directions },
  };
}

/** Whether the chosen format draws charts, so the points per chart matter. */
export function drawsCharts(c: ExportChoices): boolean {
  return DOCUMENT_FORMATS.includes(c.format) && c.sections.includes('charts');
}

/** Why the choices cannot be exported yet, or null. */
export function choicesProblem(c: ExportChoices, metricCount: number): string | null {
  if (DOCUMENT_FORMATS.includes(c.format) && c.sections.length === 0) return 'Choose at least one section.';
  if (metricCount > 0 && c.metrics.length === 0) return 'Choose at least one metric.';
  return null;
}

/** Keeps the order of `all` (the picker's), so the report's metric order does not follow click order. */
export function toggled<T>(chosen: readonly T[], value: T, on: boolean, all: readonly T[]): T[] {
  const set = new Set(chosen);
  if (on) set.add(value);
  else set.delete(value);
  return all.filter((v) => set.has(v));
}

export function exportInput(runIds: readonly string[], c: ExportChoices): Input<'exportReport'> {
  const document = DOCUMENT_FORMATS.includes(c.format);
  // Only for the metrics exported: the API refuses a key the report does not show.
  const chosen = new Set(c.metrics);
  const logKeys = c.logKeys.filter((k) => chosen.has(k));
  const directions = Object.entries(c.directions).filter(([k]) => chosen.has(k));
  const series = c.format === 'json' ? (c.jsonSeries === 'none' ? undefined : c.jsonSeries) : drawsCharts(c) ? c.chartPoints : undefined;
  return {
    runIds: [...runIds],
    baseline: c.baseline || undefined,
    metrics: c.metrics.length > 0 ? c.metrics : undefined,
    logKeys: logKeys.length > 0 ? logKeys : undefined,
    directions: directions.length > 0 ? Object.fromEntries(directions) : undefined,
    format: c.format,
    sections: document ? c.sections : undefined,
    series,
    markdownImages: c.format === 'md' ? c.markdownImages : undefined,
  };
}
