// Where the UI comes from: app://runlens/ (see app-protocol.ts). Electron-free, so the checks
// built on it (navigation guards, IPC sender, protocol paths) are tested under Node, where
// `app:` is not a standard scheme and `new URL(...).origin` would be 'null'.

export const APP_SCHEME = 'app';
export const APP_HOST = 'runlens';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True for a URL of our own UI: scheme and host compared on the parsed URL, never by prefix. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password && !url.port;
  } catch {
    return false;
  }
}

/** The app page, opened at the UI's hash route `route` (`/runs/<id>`) when given. */
export function appPageUrl(route: string | null = null): string {
  return `${APP_ORIGIN}/index.html${route ? `#${route}` : ''}`;
}
