// Makes a report's files from the store: the one entry point of the CLI and the export API.
// Each format has its own renderer module; this file only picks one and writes what it returns.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarkdownImages, ReportFormat, ReportSection } from '../../../src-shared/report';
import type { Store } from '../store/store';
import { buildReportData, type ReportOptions } from './report-data';
import { metricsCsv, paramsCsv } from './report-csv';
import { reportJson } from './report-json';
import type { PdfPrinter } from './report-pdf';

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
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
  /** Prints the PDF format: the desktop app passes Electron's; absent, a headless Chromium found on the machine. */
  printPdf?: PdfPrinter;
}

export interface WrittenReport {
  /** Every file written, the main one first. */
  files: string[];
  runs: number;
  metrics: number;
}

export async function writeReport(store: Store, opts: WriteReportOptions, env: ReportEnv): Promise<WrittenReport> {
  const data = buildReportData(store, opts);
  const counts = { runs: data.runs.length, metrics: data.metrics.length };
  switch (opts.format) {
    case 'json':
      writeFileSync(opts.out, reportJson(data, env.now()));
      return { files: [opts.out], ...counts };
    case 'csv': {
      mkdirSync(opts.out, { recursive: true });
      const files = [join(opts.out, 'params.csv'), join(opts.out, 'metrics.csv')];
      writeFileSync(files[0]!, paramsCsv(data));
      writeFileSync(files[1]!, metricsCsv(data));
      return { files, ...counts };
    }
    default:
      throw new Error(`--format ${opts.format} is not built yet`);
  }
}
