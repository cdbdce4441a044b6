// SECURITY: which file an app://runlens/… request may read. Electron-free so every hostile
// shape of URL is tested under Node; app-protocol.ts only fetches what this allows. The path
// itself is fenced by the same code as serve mode's (core/server/ui-file.ts).
import { resolveUiFile, type UiPath } from '../core/server/ui-file';
import { APP_HOST, APP_SCHEME } from './app-origin';

export type { UiPath };

/** Resolves an app:// URL to a file of the built UI in `uiDir`; another scheme or host is 404. */
export function resolveUiPath(uiDir: string, url: string): UiPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 403 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return { status: 404 };
  return resolveUiFile(uiDir, parsed.pathname);
}
