// `runlens report`: a comparison report from the command line, for CI pipelines. Opens the data
// dir's store directly (no server) and writes the files; `--format csv` writes a directory
// holding params.csv and metrics.csv, `--format json` one file, `--format pdf` the HTML report
// printed by a headless Chromium found on the machine (RUNLENS_CHROMIUM, else PATH).
// `--format md` writes the .md and, unless `--images inline`, its SVGs in `<name>_files/` beside it.
// `--log`, `--lower` and `--higher` set what the compare view's log scale and ↓/↑ set; a key
// among them that is not one of the report's metrics is an error (buildReportData names it).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from './cli-promotion';
import { defaultDataDir, ensureDataDir } from './core/data-dir';
import type { ReportOptions } from './core/report/report-data';
import type { MetricDirection } from '../src-shared/metric-direction';
import { findChromium } from './core/report/chromium-finder';
import { chromiumPdfPrinter } from './core/report/report-pdf';
import { writeReport } from './core/report/write-report';
import { MARKDOWN_IMAGES, REPORT_FORMATS, REPORT_SECTIONS, type MarkdownImages, type ReportFormat, type ReportSection } from '../src-shared/report';
import { openStore } from './core/store/store';

export const REPORT_USAGE = `runlens report (--runs ID,ID,… | --filter "QUERY") [--baseline ID] [--metrics K1,K2] [--log K1,K2] [--lower K1,K2] [--higher K1,K2] [--series BUCKETS] [--sections S1,S2] [--images files|inline] --format ${REPORT_FORMATS.join('|')} --out PATH [--data DIR]`;


export interface ReportArgs {
  options: ReportOptions;
  format: ReportFormat;
  /** HTML/PDF/Markdown sections; undefined: all. */
  sections: ReportSection[] | undefined;
  /** Markdown: charts as SVG files beside the .md, or data URIs inside it; undefined: files. */
  markdownImages: MarkdownImages | undefined;
  out: string;
  data: string | undefined;
}

const list = (s: string) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0);

/** `--lower` and `--higher` as one map; a key in both is an error, since it cannot go both ways. */
function metricDirections(lower: string | undefined, higher: string | undefined): Record<string, MetricDirection> | undefined {
  if (lower === undefined && higher === undefined) return undefined;
  const down = list(lower ?? '');
  const up = list(higher ?? '');
  const both = down.filter((k) => up.includes(k));
  if (both.length > 0) throw new Error(`--lower and --higher both name ${both.join(', ')}`);
  return Object.fromEntries([...down.map((k) => [k, 'min'] as const), ...up.map((k) => [k, 'max'] as const)]);
}

/** Parses and checks the arguments; throws a message naming what is wrong. */
export function parseReportArgs(args: string[]): ReportArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: 'string' },
      filter: { type: 'string' },
      baseline: { type: 'string' },
      metrics: { type: 'string' },
      log: { type: 'string' },
      lower: { type: 'string' },
      higher: { type: 'string' },
      series: { type: 'string' },
      sections: { type: 'string' },
      images: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new Error(`unexpected argument '${positionals[0]}'\nusage: ${REPORT_USAGE}`);
  if ((values.runs === undefined) === (values.filter === undefined)) throw new Error(`give --runs or --filter (one of them)\nusage: ${REPORT_USAGE}`);
  if (values.runs !== undefined && list(values.runs).length === 0) throw new Error('--runs needs at least one run id');
  if (!values.format) throw new Error(`--format is required (${REPORT_FORMATS.join('|')})\nusage: ${REPORT_USAGE}`);
  if (!(REPORT_FORMATS as readonly string[]).includes(values.format)) throw new Error(`--format must be one of ${REPORT_FORMATS.join(', ')}, not '${values.format}'`);
  const buckets = values.series === undefined ? undefined : Number(values.series);
  if (buckets !== undefined && !(Number.isInteger(buckets) && buckets >= 1 && buckets <= 100_000)) throw new Error(`--series must be a bucket count from 1 to 100000, not '${values.series}'`);
  if (buckets !== undefined && values.format === 'csv') throw new Error('--series does not go with --format csv (CSV holds the summaries only)');
  const sections = values.sections === undefined ? undefined : list(values.sections);
  const unknownSections = (sections ?? []).filter((s) => !(REPORT_SECTIONS as readonly string[]).includes(s));
  if (sections !== undefined && (sections.length === 0 || unknownSections.length > 0)) throw new Error(`--sections takes a comma list of ${REPORT_SECTIONS.join(', ')}${unknownSections.length > 0 ? `, not '${unknownSections.join(', ')}'` : ''}`);
  if (sections !== undefined && (values.format === 'csv' || values.format === 'json')) throw new Error(`--sections goes with --format html, pdf or md`);
  if (values.images !== undefined && !(MARKDOWN_IMAGES as readonly string[]).includes(values.images)) throw new Error(`--images must be one of ${MARKDOWN_IMAGES.join(', ')}, not '${values.images}'`);
  if (values.images !== undefined && values.format !== 'md') throw new Error('--images goes with --format md');
  if (!values.out) throw new Error(`--out is required\nusage: ${REPORT_USAGE}`);
  const directions = metricDirections(values.lower, values.higher);
  return {
    options: {
      runs: values.runs !== undefined ? { ids: list(values.runs) } : { filter: values.filter! },
      baseline: values.baseline,
      metrics: values.metrics !== undefined ? list(values.metrics) : undefined,
      logKeys: values.log !== undefined ? list(values.log) : undefined,
      directions,
      seriesBuckets: buckets,
    },
    format: values.format as ReportFormat,
    sections: sections as ReportSection[] | undefined,
    markdownImages: values.images as MarkdownImages | undefined,
    out: values.out,
    data: values.data,
  };
}

export async function reportCommand(args: string[], io: CliIo, now: () => Date = () => new Date()): Promise<number> {
  const parsed = parseReportArgs(args);
  // Found before any work, so a machine without a browser hears so at once.
  const printPdf = parsed.format === 'pdf' ? chromiumPdfPrinter(findChromium(io.env)) : undefined;
  const dataDir = resolve(parsed.data ?? defaultDataDir(io.env));
  ensureDataDir(dataDir);
  const store = openStore(join(dataDir, 'runlens.db'));
  try {
    const written = await writeReport(store, { ...parsed.options, format: parsed.format, sections: parsed.sections, markdownImages: parsed.markdownImages, out: resolve(parsed.out) }, { now, printPdf });
    io.out(`Wrote ${written.files.join(' and ')} (${written.runs} run(s), ${written.metrics} metric(s)).`);
    return 0;
  } finally {
    store.close();
  }
}
