// SECURITY: the window loads the UI from app://runlens/ rather than file://, so the page has a
// real origin (no file:// privileges) and can only ever load files inside the built UI folder.
import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../core/server/security';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://runlens`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveAppProtocol(uiDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'runlens') return new Response('Not found', { status: 404 });
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
    const file = join(uiDir, rel);
    if (!file.startsWith(uiDir + sep)) return new Response('Forbidden', { status: 403 });
    const res = await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    // Client-side routes fall back to the app page, as in serve mode.
    const body = res?.ok ? res : await net.fetch(pathToFileURL(join(uiDir, 'index.html')).toString());
    const headers = new Headers(body.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(body.body, { status: 200, headers });
  });
}
