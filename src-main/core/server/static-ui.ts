import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from './security';
import { resolveUiFile, uiIndex } from './ui-file';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function notFound(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
  res.end('Not found');
}

/**
 * Serves the built renderer. Unknown paths get index.html (the UI routes on the client), which
 * carries the token in a meta tag: only a page from our own origin can read it, and the Host
 * check has already refused rebinding pages.
 */
export function createStaticUi(uiDir: string, token: string) {
  let indexHtml: string | null = null;

  async function index(): Promise<string> {
    if (indexHtml === null) {
      const raw = await readFile(join(uiDir, 'index.html'), 'utf8');
      const meta = `<meta name="runlens-token" content="${token}" />`;
      indexHtml = raw.replace('<head>', `<head>\n    ${meta}`);
    }
    return indexHtml;
  }

  return async function serve(pathname: string, res: ServerResponse): Promise<void> {
    const headers = {
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'referrer-policy': 'no-referrer',
    };
    // SECURITY: ui-file.ts fences the path (dot segments, encoded or not, and symlinks leaving
    // the UI folder); UI routes resolve to index.html, served with the token below.
    const resolved = resolveUiFile(uiDir, pathname);
    if (resolved.status === 200 && resolved.file !== uiIndex(uiDir)) {
      const body = await readFile(resolved.file).catch(() => null);
      if (!body) return notFound(res, headers);
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(resolved.file)] ?? 'application/octet-stream',
        // Vite fingerprints asset names, so they can be cached for good.
        'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(body);
      return;
    }
    // A refused path, or a missing asset: never the app page in its place.
    const ext = extname(pathname);
    if (resolved.status === 403 || (ext && ext !== '.html')) return notFound(res, headers);
    const html = await index().catch(() => null);
    if (html === null) {
      res.writeHead(503, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end('The Runlens UI is not built. Run `npm run build` first.');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };
}
