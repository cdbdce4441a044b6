// SECURITY: which file of the built UI a request path may read — for serve mode's HTTP server
// and the desktop app's app:// protocol alike, so both fence the same way.
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

export type UiPath =
  | { status: 200; file: string }
  /** A missing asset, or the UI is not built. */
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
 * Resolves a URL path (`/assets/app.js`, still percent-encoded) to a file of the built UI in
 * `uiDir`. A path with no such file and no extension (or `.html`) is a route of the UI and gets
 * index.html; anything that would leave `uiDir` — dot segments, encoded or not, backslashes,
 * NUL, a drive letter, a symlink pointing out — is 403.
 */
export function resolveUiFile(uiDir: string, pathname: string): UiPath {
  const segments = decodeSegments(pathname);
  if (!segments) return FORBIDDEN;
  const parts = segments.slice(1);
  if (parts.at(-1) === '') parts.pop();
  if (parts.some(isUnsafeSegment)) return FORBIDDEN;
  const root = uiRoot(uiDir);
  if (!root) return NOT_FOUND;
  const wanted = parts.length ? realFile(join(root, ...parts)) : null;
  // The symlink check: the real path, not the spelled one, must stay inside the UI folder.
  if (wanted) return isInside(root, wanted) ? { status: 200, file: wanted } : FORBIDDEN;
  // A missing script or image is a 404, not the app page in its place.
  const ext = extname(parts.at(-1) ?? '');
  if (ext && ext !== '.html') return NOT_FOUND;
  const index = uiIndex(uiDir);
  return index ? { status: 200, file: index } : NOT_FOUND;
}

function uiRoot(uiDir: string): string | null {
  try {
    return realpathSync(uiDir);
  } catch {
    return null;
  }
}

/** The real path of the UI's index.html when it is a file inside `uiDir`; null when the UI is not built. */
export function uiIndex(uiDir: string): string | null {
  const root = uiRoot(uiDir);
  const index = root ? realFile(join(root, 'index.html')) : null;
  return root && index && isInside(root, index) ? index : null;
}
