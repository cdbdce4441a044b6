// SECURITY: registry secrets (passwords, tokens) live only behind this interface. They never
// enter SQLite, never leave the core through the contract (the API answers `hasSecret`), and
// are never logged: callers hand them to an adapter and nowhere else.
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

export interface SecretStore {
  get(registry: string): string | null;
  /** `null` forgets the registry's secret. */
  set(registry: string, secret: string | null): void;
}

/** What a secret belongs to: a model registry, or a team remote (an MLflow tracking server). */
export type SecretOwner = 'REGISTRY' | 'REMOTE';

/** `RUNLENS_REGISTRY_<NAME>_SECRET` (or `RUNLENS_REMOTE_…`): the name upper-cased, anything not a letter or digit as `_`. */
export function secretEnvName(name: string, owner: SecretOwner = 'REGISTRY'): string {
  return `RUNLENS_${owner}_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_SECRET`;
}

/** Environment variables (a CI pipeline's secrets) take precedence over what a store keeps. */
export function withEnvOverride(inner: SecretStore, env: NodeJS.ProcessEnv = process.env, owner: SecretOwner = 'REGISTRY'): SecretStore {
  return {
    get: (name) => env[secretEnvName(name, owner)] || inner.get(name),
    set: (name, secret) => inner.set(name, secret),
  };
}

/**
 * The secrets of one kind of owner kept in a store shared with others, under `<prefix><name>`:
 * remotes keep theirs as `remote:<name>` beside the registries' (whose names hold no `:`), so
 * the desktop app's one OS-encrypted file holds both.
 */
export function withPrefix(inner: SecretStore, prefix: string): SecretStore {
  return {
    get: (name) => inner.get(prefix + name),
    set: (name, secret) => inner.set(prefix + name, secret),
  };
}

export const SECRETS_FILE = 'registry-secrets.json';

/** How a secret is written in the file: as is (serve mode) or encrypted by the OS (Electron's safeStorage). */
export interface SecretCodec {
  encode(secret: string): string;
  decode(stored: string): string;
}

const PLAIN: SecretCodec = { encode: (s) => s, decode: (s) => s };

/**
 * Serve mode's secrets: `<dataDir>/registry-secrets.json`, readable by the user only (0600),
 * replaced atomically (a temp file in the same folder, then a rename) so a crash mid-write
 * never leaves a half-written file or a moment where the secrets are readable by others.
 * The desktop app uses the same file handling with an OS-encrypting codec and its own file.
 */
export class FileSecretStore implements SecretStore {
  private readonly file: string;
  private readonly codec: SecretCodec;

  constructor(dataDir: string, opts: { fileName?: string; codec?: SecretCodec } = {}) {
    this.file = join(dataDir, opts.fileName ?? SECRETS_FILE);
    this.codec = opts.codec ?? PLAIN;
  }

  get(registry: string): string | null {
    const stored = this.read()[registry];
    return stored === undefined ? null : this.codec.decode(stored);
  }

  set(registry: string, secret: string | null): void {
    const all = this.read();
    if (secret === null) {
      if (!(registry in all)) return;
      delete all[registry];
    } else {
      all[registry] = this.codec.encode(secret);
    }
    const temp = `${this.file}.${randomUUID()}.tmp`;
    try {
      writeFileSync(temp, JSON.stringify(all, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
      chmodSync(temp, 0o600);
      renameSync(temp, this.file);
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    }
  }

  private read(): Record<string, string> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
    // JSON.parse's message quotes the text around a syntax error: never let it out, it is secrets.
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${this.file} is not a JSON object of registry secrets`);
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
}
