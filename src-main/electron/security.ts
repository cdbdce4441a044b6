// SECURITY — Electron's checklist (https://www.electronjs.org/docs/latest/tutorial/security),
// item by item in its own numbering, ticked off in one place; where an item lives elsewhere it
// is named.
//  1. Secure content only: the UI comes from app://runlens/ (app-protocol.ts), nothing remote;
//     the logging server is loopback only and token-guarded (core/server/security.ts).
//  2. No Node integration: nodeIntegration (and in subframes and workers) false, below.
//  3. Context isolation on; the preload exposes one narrow bridge (src-main/preload/index.ts).
//  4. Sandbox: sandbox true below, and app.enableSandbox() for every renderer (main.ts); the
//     preload is one CommonJS bundle (electron.vite.config.ts).
//  5. Session permissions: requests and checks denied but our own page writing to the
//     clipboard (isPermissionAllowed); the PDF printer's session uses the same policy.
//  6. webSecurity stays on.
//  7. CSP: app-protocol.ts sends CONTENT_SECURITY_POLICY with every response (serve mode sends
//     the same header: core/server/static-ui.ts).
//  8. allowRunningInsecureContent off.
//  9. experimentalFeatures off.
// 10. No enableBlinkFeatures.
// 11–12. <webview>: webviewTag off, and 'will-attach-webview' prevented for every web contents.
// 13. Navigation: 'will-navigate' and 'will-redirect' allow only app://runlens/ (isAppUrl).
// 14. New windows: setWindowOpenHandler denies every one; a safe https link opens in the browser.
// 15. shell.openExternal only through openExternalSafely (safeExternalUrl: parsed https:, ASCII
//     host, no credentials, no whitespace tricks).
// 16. A current Electron (package.json).
// 17. IPC sender: ipc.ts answers only our window's main frame on app://runlens/; the core's
//     dispatcher validates every payload against the shared contract's schemas.
// 18. A custom protocol, not file:// (app-protocol.ts; paths vetted by ui-path.ts, realpath
//     contained).
// 19. Fuses: electron-builder.yml electronFuses (no run-as-Node, NODE_OPTIONS or --inspect; asar only, integrity checked).
// 20. No Electron API reaches the page: the preload passes messages on, never the IPC objects.
import { shell, type App, type Session, type WebContents, type WebPreferences } from 'electron';
import { isAppUrl } from './app-origin';
import { safeExternalUrl } from './external-url';

export function windowPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Opens `raw` in the system browser if it is a safe https URL; reports whether it did. */
export function openExternalSafely(raw: unknown): boolean {
  const url = safeExternalUrl(raw);
  if (url) void shell.openExternal(url);
  return url !== null;
}

/**
 * The one permission the UI has: writing text to the clipboard (its copy buttons use
 * navigator.clipboard.writeText, which Chromium checks as 'clipboard-sanitized-write'), and only
 * from our own page. Camera, location, notifications from the page, reading the clipboard,
 * everything else: denied.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, answer, details) => answer(isPermissionAllowed(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
}

/** Guards every web contents the app ever creates (windows, and any frame a bug might open). */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}

/** Call once, before any window: every web contents is hardened as it is created. */
export function hardenApp(app: App, session: Session): void {
  restrictPermissions(session);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
