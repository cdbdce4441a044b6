// GET /api/v1/reports/<exportId>/files/<name>: one file an export produced, as a download.
// Outside the contract because the answer is the file's bytes, not JSON (as artifact downloads).
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { ApiError } from '../../../src-shared/errors';
import { REPORT_FILE_ROUTE } from '../../../src-shared/report-export';
import type { ReportExports } from '../report/report-exports';
import { decodePath } from './decode-path';
import type { ExtraRoutes } from './http-server';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Quoted ASCII name for old clients, RFC 5987 `filename*` for the exact one. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\w.-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function createReportFileRoute(reports: ReportExports): ExtraRoutes {
  return async (req, res, url) => {
    const m = REPORT_FILE_ROUTE.exec(url.pathname);
    if (!m) return false;
    if (req.method !== 'GET') throw new ApiError('ENDPOINT_NOT_FOUND', `Method ${req.method} is not allowed on ${url.pathname}`);
    // Decoded segment by segment, so `..%2F` stays inside one segment and the path check sees it.
    const { path, bytes } = reports.file(decodePath(m[1]!), decodePath(m[2]!));
    // SECURITY: a report is a download, never a page of our origin (an HTML report holds script).
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'content-length': bytes,
      'content-disposition': attachment(basename(path)),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'no-store',
    });
    // The headers are out: a read error can only cut the answer short.
    createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res);
    return true;
  };
}
