// Makes a report's files from the store: the one entry point of the CLI and the export API.
// Each format has its own renderer module; this file only picks one and writes what it returns.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_CHART_BUCKETS, REPORT_SECTIONS, type MarkdownImages, type ReportFormat, type ReportSection } from '../../../src-shared/report';
import type { Store } from '../store/store';
import { loadReportData, type ReportData, type ReportOptions, type ReportProgress } from './report-data';
import { metricsCsv, paramsCsv } from './report-csv';
import { reportHtml } from './report-html';
import { reportJson } from './report-json';
import { writeMarkdown } from './write-markdown';
import { findChromium } from './chromium-finder';
import { chromiumPdfPrinter, type PdfPrinter } from './report-pdf';

export interface WriteReportOptions extends ReportOptions {
  format: ReportFormat;
  /** File to write; for csv a folder. */
  out: string;
  /** HTML/PDF/Markdown sections; default all. */
  sections?: readonly ReportSection[] | undefined;
  markdownImages?: MarkdownImages | undefined;
}

export interface ReportEnv {
  now: () => Date;
  /** Called as the report is made: phase names what is happening, done/total how far along. */
  onProgress?: ((p: ReportProgress) => void) | undefined;
  /** Where a run opens in Runlens, when a server is known (the export API); reports link run names there. */
  runUrl?: ((runId: string) => string) | undefined;
  /** Prints the PDF format: the desktop app passes Electron's; absent, a headless Chromium found on the machine. */
  printPdf?: PdfPrinter;
}

export interface WrittenReport {
  /** Every file written, the main one first. */
  files: string[];
  runs: number;
  metrics: number;
}

/** Documents (html, md, pdf) get series for their charts and lineage when those sections are chosen. */
function dataOptions(opts: WriteReportOptions, sections: readonly ReportSection[]): ReportOptions {
  if (opts.format === 'csv' || opts.format === 'json') return opts;
  return {
    ...opts,
    seriesBuckets: opts.seriesBuckets ?? (sections.includes('charts') ? DEFAULT_CHART_BUCKETS : undefined),
    lineage: opts.lineage ?? sections.includes('lineage'),
  };
}

/** The HTML report: written as it is for html, printed for pdf. */
function htmlReport(data: ReportData, sections: readonly ReportSection[], env: ReportEnv): string {
  return reportHtml(data, { generatedAt: env.now(), sections, runUrl: env.runUrl });
}

export async function writeReport(store: Store, opts: WriteReportOptions, env: ReportEnv): Promise<WrittenReport> {
  const sections = opts.sections ?? REPORT_SECTIONS;
  const data = await loadReportData(store, dataOptions(opts, sections), env.onProgress);
  // Whatever the format, the file (or csv folder) lands where asked, its folders made as needed.
  mkdirSync(opts.format === 'csv' ? opts.out : dirname(opts.out), { recursive: true });
  const counts = { runs: data.runs.length, metrics: data.metrics.length };
  switch (opts.format) {
    case 'json':
      writeFileSync(opts.out, reportJson(data, env.now()));
      return { files: [opts.out], ...counts };
    case 'html':
      writeFileSync(opts.out, htmlReport(data, sections, env));
      return { files: [opts.out], ...counts };
    case 'pdf': {
      const print = env.printPdf ?? chromiumPdfPrinter(findChromium(process.env));
      env.onProgress?.({ phase: 'printing PDF', done: 0, total: 1 });
      await print(htmlReport(data, sections, env), opts.out);
      env.onProgress?.({ phase: 'printing PDF', done: 1, total: 1 });
      return { files: [opts.out], ...counts };
    }
    case 'md': {
      const images = opts.markdownImages ?? 'files';
      return { files: writeMarkdown(data, { out: opts.out, generatedAt: env.now(), sections, images, runUrl: env.runUrl }), ...counts };
    }
    case 'csv': {
      const files = [join(opts.out, 'params.csv'), join(opts.out, 'metrics.csv')];
      writeFileSync(files[0]!, paramsCsv(data));
      writeFileSync(files[1]!, metricsCsv(data));
      return { files, ...counts };
    }
  }
}
