import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The OS's per-user app-data folder, as Electron's `userData` would place it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RUNLENS_DATA) return env.RUNLENS_DATA;
  const home = homedir();
  switch (platform()) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'runlens');
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'runlens');
    default:
      return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'runlens');
  }
}

/**
 * Where the Python client writes runs (in the run-folder format) while no server answers; the
 * core watches it on every start. RUNLENS_SPOOL moves it for the client only.
 */
export function spoolDir(dataDir: string): string {
  return join(dataDir, 'spool');
}

export function ensureDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** The per-install API token in `<data>/token`, created on first start, readable by the user only. */
export function loadOrCreateToken(dir: string): string {
  const file = join(dir, 'token');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return token;
}

/** Tells clients (the Python client, `runlens ingest`) where the running server is. */
export function writeServerFile(dir: string, info: { url: string; port: number; pid: number }): void {
  writeFileSync(join(dir, 'server.json'), JSON.stringify(info) + '\n', { mode: 0o600 });
}

/** A stopped server must not leave clients pointed at a dead port. */
export function removeServerFile(dir: string): void {
  rmSync(join(dir, 'server.json'), { force: true });
}
