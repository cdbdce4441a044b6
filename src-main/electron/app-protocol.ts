// SECURITY: the window loads the UI from app://runlens/ rather than file://, so the page has a
// real origin (no file:// privileges) and can only ever load files inside the built UI folder
// (ui-path.ts decides which; this file only serves its answer).
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../core/server/security';
import { APP_SCHEME } from './app-origin';
import { resolveUiPath } from './ui-path';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function serveAppProtocol(uiDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveUiPath(uiDir, request.url);
    if (resolved.status !== 200) {
      return new Response(resolved.status === 403 ? 'Forbidden' : 'Not found', { status: resolved.status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain' } });
    }
    const body = await net.fetch(pathToFileURL(resolved.file).toString());
    const headers = new Headers(body.headers);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    return new Response(body.body, { status: body.ok ? 200 : 404, headers });
  });
}
