import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from './security';

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

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

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
    const ext = extname(pathname);
    // Paths without a file extension are the UI's own routes: they all get the app page.
    if (ext && ext !== '.html') {
      const rel = normalize(safeDecode(pathname)).replace(/^([/\\])+/, '');
      const file = join(uiDir, rel);
      // SECURITY: never serve a path that resolves outside the built UI folder.
      if (!file.startsWith(uiDir + sep)) return notFound(res, headers);
      const body = await readFile(file).catch(() => null);
      if (!body) return notFound(res, headers);
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        // Vite fingerprints asset names, so they can be cached for good.
        'cache-control': rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(body);
      return;
    }
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
