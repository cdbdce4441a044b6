import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSecretStore, SECRETS_FILE, secretEnvName, withEnvOverride } from './secret-store';
import { useTempDirs } from '../test-support/temp-dir';

const tempDir = useTempDirs();

describe('registry secrets', () => {
  it('keeps them in a 0600 file, replaced whole (no temp file left), and forgets them', () => {
    const dir = tempDir();
    const store = new FileSecretStore(dir);
    expect(store.get('hub')).toBeNull();
    store.set('hub', 's3cret-token');
    store.set('team-mlflow', 'pw');
    expect(statSync(join(dir, SECRETS_FILE)).mode & 0o777).toBe(0o600);
    expect(new FileSecretStore(dir).get('hub')).toBe('s3cret-token');
    store.set('hub', null);
    expect(store.get('hub')).toBeNull();
    expect(store.get('team-mlflow')).toBe('pw');
    expect(statSync(join(dir, SECRETS_FILE)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([SECRETS_FILE]);
  });

  it('writes what a codec makes of a secret (the desktop app encrypts with safeStorage)', () => {
    const dir = tempDir();
    const codec = { encode: (s: string) => Buffer.from(s).reverse().toString('base64'), decode: (s: string) => Buffer.from(s, 'base64').reverse().toString() };
    const store = new FileSecretStore(dir, { fileName: 'safe.json', codec });
    store.set('hub', 'plain-secret');
    expect(store.get('hub')).toBe('plain-secret');
    expect(readFileSync(join(dir, 'safe.json'), 'utf8')).not.toContain('plain-secret');
    expect(statSync(join(dir, 'safe.json')).mode & 0o777).toBe(0o600);
  });

  it('lets an environment variable override the stored secret', () => {
    const store = new FileSecretStore(tempDir());
    store.set('team-mlflow', 'from-file');
    expect(secretEnvName('team-mlflow.eu')).toBe('RUNLENS_REGISTRY_TEAM_MLFLOW_EU_SECRET');
    const env = { RUNLENS_REGISTRY_TEAM_MLFLOW_SECRET: 'from-env' };
    expect(withEnvOverride(store, env).get('team-mlflow')).toBe('from-env');
    expect(withEnvOverride(store, {}).get('team-mlflow')).toBe('from-file');
    expect(withEnvOverride(store, env).get('other')).toBeNull();
  });

  it('never quotes a damaged file in its error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, SECRETS_FILE), '{"hub": "half-a-secret', { mode: 0o600 });
    expect(() => new FileSecretStore(dir).get('hub')).toThrow(/is not a JSON object/);
    try {
      new FileSecretStore(dir).get('hub');
    } catch (e) {
      expect(String(e)).not.toContain('half-a-secret');
    }
    expect(readFileSync(join(dir, SECRETS_FILE), 'utf8')).toContain('half-a-secret');
  });
});
