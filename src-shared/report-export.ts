// Exports made through the API (the compare view's Export…): what their events carry and where
// their files are fetched from. The files live in `<data>/exports/<exportId>/`.

/** Export ids are a UTC timestamp and a random suffix: sortable, and safe as a folder name. */
export const EXPORT_ID = /^\d{8}-\d{6}-[0-9a-f]{8}$/;

/** Points per chart series the Export dialog offers; `full` (JSON only) keeps every step. */
export const EXPORT_SERIES_LEVELS = [200, 500, 2000] as const;
export type ExportSeriesLevel = (typeof EXPORT_SERIES_LEVELS)[number] | 'full';

export interface ReportProgress {
  exportId: string;
  /** What is happening now: "reading runs", "writing", … */
  phase: string;
  done: number;
  total: number;
}

export interface ExportedFile {
  /** Relative to the export's folder, `/`-separated (Markdown images sit in a sub-folder). */
  name: string;
  bytes: number;
}

export interface ReportDone {
  exportId: string;
  /** Every file written, the main one first; empty when the export failed. */
  files: ExportedFile[];
  error?: string;
}

/** The path a produced file is downloaded from (serve mode); each part of `name` encoded on its own. */
export function reportFilePath(exportId: string, name: string): string {
  return `/api/v1/reports/${encodeURIComponent(exportId)}/files/${name.split('/').map(encodeURIComponent).join('/')}`;
}

/** The server's matcher for reportFilePath; the name part is still percent-encoded. */
export const REPORT_FILE_ROUTE = /^\/api\/v1\/reports\/([^/]+)\/files\/(.+)$/;
