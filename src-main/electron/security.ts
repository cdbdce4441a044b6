// SECURITY — Electron's checklist (https://www.electronjs.org/docs/latest/tutorial/security),
// all of it, ticked off in one place. Where an item lives elsewhere, it is named here.
//  1. Only our own content: the UI loads from app://runlens/ (app-protocol.ts), never remote.
//  2. No Node in the renderer: nodeIntegration false (windowPreferences below).
//  3. Context isolation: contextIsolation true; the preload exposes one narrow bridge
//     (src-main/preload/index.ts) and never the IPC event object.
//  4. Sandbox: sandbox true, and app.enableSandbox() (main.ts) for every renderer; the preload
//     is one CommonJS bundle (electron.vite.config.ts).
//  5. Permissions: setPermissionRequestHandler and setPermissionCheckHandler deny everything
//     but our own page writing to the clipboard (isPermissionAllowed).
//  6. webSecurity stays on; no allowRunningInsecureContent, no experimental features.
//  7. CSP: app-protocol.ts sends CONTENT_SECURITY_POLICY on every response (serve mode sends
//     the same header: core/server/static-ui.ts).
//  8. No blink features enabled.
//  9. <webview> never attaches ('will-attach-webview' prevented for every web contents).
// 10. Navigation: 'will-navigate' and 'will-redirect' allow only app://runlens/ (isAppUrl).
// 11. New windows: setWindowOpenHandler denies every one; an https link opens in the browser.
// 12. openExternal only for safeExternalUrl (parsed https:, ASCII host, no credentials).
// 13. Custom protocol instead of file:// (app-protocol.ts, paths vetted by ui-path.ts).
// 14. IPC: ipc.ts answers only our window's main frame on app://runlens/, and the core's
//     dispatcher validates every payload against the shared contract's schemas.
// 15. Current Electron (package.json); fuses and signing are packaging's (electron-builder).
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
