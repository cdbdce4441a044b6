// Writes a Markdown report: PATH.md and, when its images are files, the folder beside it that the
// .md links to (`report.md` → `report_files/`), named after the report so several reports can
// share a directory and the pair is easy to commit together.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { MarkdownImages, ReportSection } from '../../../src-shared/report';
import type { ReportData } from './report-data';
import { reportMarkdown } from './report-markdown';

export interface WriteMarkdownOptions {
  out: string;
  generatedAt: Date;
  sections: readonly ReportSection[];
  images: MarkdownImages;
  runUrl?: ((runId: string) => string) | undefined;
}

/** The folder a Markdown report's image files go to, relative to the report. */
export function markdownImageDir(out: string): string {
  return `${basename(out, extname(out))}_files`;
}

/** Writes the report and its images; returns every path written, the .md first. */
export function writeMarkdown(data: ReportData, opts: WriteMarkdownOptions): string[] {
  const imageDir = markdownImageDir(opts.out);
  const { markdown, files } = reportMarkdown(data, {
    generatedAt: opts.generatedAt,
    sections: opts.sections,
    images: opts.images,
    imageDir,
    ...(opts.runUrl ? { runUrl: opts.runUrl } : {}),
  });
  writeFileSync(opts.out, markdown);
  if (files.length === 0) return [opts.out];
  const dir = join(dirname(opts.out), imageDir);
  mkdirSync(dir, { recursive: true });
  const paths = files.map((f) => join(dir, f.name));
  files.forEach((f, i) => writeFileSync(paths[i]!, f.content));
  return [opts.out, ...paths];
}
