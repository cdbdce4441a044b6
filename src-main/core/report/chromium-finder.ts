// Finds a Chromium-family browser that can print a report to PDF headlessly, for the CLI and
// `runlens serve` (the desktop app prints with Electron's own Chromium instead). Pure apart from
// the probe it is given, so every platform's search order is testable on any machine.
import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

export const CHROMIUM_ENV = 'RUNLENS_CHROMIUM';

export const NO_CHROMIUM_MESSAGE =
  'PDF export needs Chromium or Google Chrome: install one (e.g. `apt install chromium`) or set RUNLENS_CHROMIUM=/path/to/chrome; HTML export needs nothing.';

export class ChromiumNotFoundError extends Error {}

/** Browser names looked up on PATH, most likely first. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

const WINDOWS_INSTALLS = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];

export type Env = Readonly<Record<string, string | undefined>>;

/** True when `path` is a file this process may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function candidates(env: Env, platform: NodeJS.Platform): string[] {
  const path = platform === 'win32' ? win32 : posix;
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => d.length > 0);
  const names = platform === 'win32' ? PATH_NAMES.map((n) => `${n}.exe`).concat('chrome.exe', 'msedge.exe') : PATH_NAMES;
  const onPath = dirs.flatMap((dir) => names.map((name) => path.join(dir, name)));
  if (platform === 'darwin') {
    const roots = ['/Applications', ...(env.HOME ? [path.join(env.HOME, 'Applications')] : [])];
    return [...onPath, ...roots.flatMap((root) => MAC_APPS.map((app) => path.join(root, app)))];
  }
  if (platform === 'win32') {
    // Per-machine installs first, then Chrome's per-user install under LOCALAPPDATA.
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return [...onPath, ...roots.flatMap((root) => WINDOWS_INSTALLS.map((rel) => path.join(root, rel)))];
  }
  return onPath;
}

/**
 * The browser to print with: $RUNLENS_CHROMIUM when set (an explicit choice that does not work is
 * an error, not a reason to fall back), else the first one on PATH, else the platform's usual
 * install places. Throws ChromiumNotFoundError with a message saying what to do.
 */
export function findChromium(env: Env, exists: (path: string) => boolean = isExecutableFile, platform: NodeJS.Platform = process.platform): string {
  const chosen = env[CHROMIUM_ENV];
  if (chosen !== undefined && chosen !== '') {
    if (exists(chosen)) return chosen;
    throw new ChromiumNotFoundError(`${CHROMIUM_ENV}=${chosen} is not an executable file. ${NO_CHROMIUM_MESSAGE}`);
  }
  const found = candidates(env, platform).find((p) => exists(p));
  if (found === undefined) throw new ChromiumNotFoundError(NO_CHROMIUM_MESSAGE);
  return found;
}
