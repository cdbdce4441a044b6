// SECURITY: which file an app://runlens/… request may read. Electron-free so every hostile
// shape of URL is tested under Node; app-protocol.ts only fetches what this allows.
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

export type UiPath =
  | { status: 200; file: string }
  /** Another host, a missing asset, or the UI is not built. */
  | { status: 404 }
  /** The path leaves the UI folder, or is not something a browser would ask for. */
  | { status: 403 };

const FORBIDDEN: UiPath = { status: 403 };
const NOT_FOUND: UiPath = { status: 404 };

/** Decodes each segment on its own (like the HTTP server's decodePath), so `%2F` cannot add a segment; null for bad encoding. */
function decodeSegments(pathname: string): string[] | null {
  try {
    return pathname.split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** A dot segment, or one that could mean a path, a drive or a device to some OS. */
function isUnsafeSegment(segment: string): boolean {
  // eslint-disable-next-line no-control-regex -- NUL and other control characters are the point
  return segment === '.' || segment === '..' || /[\\/:\x00-\x1f]/.test(segment);
}

function realFile(path: string): string | null {
  try {
    return statSync(path).isFile() ? realpathSync(path) : null;
  } catch {
    return null;
  }
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Resolves `url` to a file of the built UI in `uiDir`. A path with no such file and no
 * extension is a route of the UI and gets index.html (as in serve mode); anything that would
 * leave `uiDir` — dot segments, encoded or not, backslashes, NUL, a drive letter, a symlink
 * pointing out — is 403.
 */
export function resolveUiPath(uiDir: string, url: string): UiPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return FORBIDDEN;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return NOT_FOUND;
  const segments = decodeSegments(parsed.pathname);
  if (!segments) return FORBIDDEN;
  const parts = segments.slice(1);
  if (parts.at(-1) === '') parts.pop();
  if (parts.some(isUnsafeSegment)) return FORBIDDEN;
  let root: string;
  try {
    root = realpathSync(uiDir);
  } catch {
    return NOT_FOUND;
  }
  const wanted = parts.length ? realFile(join(root, ...parts)) : null;
  // The symlink check: the real path, not the spelled one, must stay inside the UI folder.
  if (wanted) return isInside(root, wanted) ? { status: 200, file: wanted } : FORBIDDEN;
  // A missing script or image is a 404, not the app page in its place.
  const ext = extname(parts.at(-1) ?? '');
  if (ext && ext !== '.html') return NOT_FOUND;
  const index = realFile(join(root, 'index.html'));
  return index && isInside(root, index) ? { status: 200, file: index } : NOT_FOUND;
}
