// The OCI adapter against Debian's docker-registry started here on 127.0.0.1: anonymous, Basic
// (htpasswd) and Bearer (token service with a JWT signed by a key made here).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryConfig } from '../../../../src-shared/promotion';
import { DOCKER_REGISTRY, OPENSSL, startOciRegistry, type OciRegistry, type RegistryAuth } from '../../test-support/oci-registry';
import { requireBinaries } from '../../test-support/server-process';
import { RegistryError, type ModelFile, type PushRequest } from '../registry-adapter';
import { createOciAdapter } from './oci-adapter';

const skip = requireBinaries([DOCKER_REGISTRY, OPENSSL]);
const USER = { username: 'ci', password: 'runlens-registry-pw' };

function writeModel(dir: string, files: Record<string, string | Buffer>): ModelFile[] {
  return Object.entries(files)
    .map(([path, content]) => {
      const abs = join(dir, path);
      mkdirSync(join(abs, '..'), { recursive: true });
      writeFileSync(abs, content);
      const bytes = Buffer.from(content);
      return { path, absPath: abs, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

function pushRequest(files: ModelFile[], over: Partial<PushRequest> = {}): PushRequest {
  const modelDigest = `sha256:${createHash('sha256').update(files.map((f) => `${f.path}\0${f.sha256}\n`).join('')).digest('hex')}`;
  return {
    remoteName: 'iris',
    alias: 'champion',
    files,
    runId: 'run-a',
    modelDigest,
    annotations: { 'metric.val_accuracy': '0.93', 'dataset.iris': 'sha256:abc' },
    onProgress: () => {},
    signal: new AbortController().signal,
    ...over,
  };
}

const local = (files: ModelFile[]) => files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 }));
const signal = () => new AbortController().signal;

/** Raw registry answers, to check what the adapter left behind (anonymous registry only). */
function status(url: string, method = 'HEAD'): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(url, { method, headers: { accept: 'application/vnd.oci.image.manifest.v1+json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    r.on('error', reject);
    r.end();
  });
}

describe.skipIf(skip !== null)('OCI registry adapter against docker-registry', () => {
  const work = mkdtempSync(join(tmpdir(), 'runlens-oci-registry-'));
  const servers: Partial<Record<RegistryAuth['kind'], OciRegistry>> = {};
  let modelA: ModelFile[];
  let modelB: ModelFile[];
  const config = (kind: RegistryAuth['kind'], prefix = '/acme/models'): RegistryConfig => ({ name: kind, kind: 'oci', url: `${servers[kind]!.url}${prefix}`, username: USER.username, hasSecret: kind !== 'none' });

  beforeAll(async () => {
    const auths: RegistryAuth[] = [{ kind: 'none' }, { kind: 'basic', ...USER }, { kind: 'token', ...USER }];
    await Promise.all(
      auths.map(async (auth) => {
        const dir = join(work, auth.kind);
        mkdirSync(dir);
        servers[auth.kind] = await startOciRegistry(dir, auth);
      }),
    );
    modelA = writeModel(join(work, 'model-a'), { MLmodel: 'flavors: {}\n', 'model.pkl': Buffer.alloc(300_000, 1), 'sub/notes.txt': 'a' });
    modelB = writeModel(join(work, 'model-b'), { MLmodel: 'flavors: {}\n', 'model.pkl': Buffer.alloc(300_000, 2) });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    rmSync(work, { recursive: true, force: true });
  }, 30_000);

  it('anonymous: pushes, reads back the same digests, a retry makes nothing new, a new model moves the tag', async () => {
    const adapter = createOciAdapter(config('none'), { username: '', secret: null });
    expect(await adapter.aliasHolder('iris', 'champion', signal())).toBeNull();
    const progress: [string, number, number][] = [];
    const first = await adapter.push(pushRequest(modelA, { onProgress: (f, d, t) => progress.push([f, d, t]) }));
    expect(first.created).toBe(true);
    expect(first.remoteVersion).toMatch(/^sha256:[0-9a-f]{64}$/);
    for (const f of modelA) expect(progress.filter(([p]) => p === f.path).at(-1)).toEqual([f.path, f.size, f.size]);
    expect(await adapter.readBack('iris', first.remoteVersion, signal())).toEqual(local(modelA));
    expect(await adapter.aliasHolder('iris', 'champion', signal())).toEqual({ remoteVersion: first.remoteVersion, runId: 'run-a' });

    expect(await adapter.push(pushRequest(modelA))).toEqual({ remoteVersion: first.remoteVersion, created: false });

    const second = await adapter.push(pushRequest(modelB, { runId: 'run-b' }));
    expect(second.created).toBe(true);
    expect(await adapter.aliasHolder('iris', 'champion', signal())).toEqual({ remoteVersion: second.remoteVersion, runId: 'run-b' });
    // The earlier manifest is still there by digest.
    expect(await adapter.readBack('iris', first.remoteVersion, signal())).toEqual(local(modelA));
  });

  it('a push aborted mid-upload leaves no manifest; the retry completes with every blob present', async () => {
    const adapter = createOciAdapter(config('none'), { username: '', secret: null });
    const files = writeModel(join(work, 'model-big'), { MLmodel: 'flavors: {}\n', 'weights.bin': Buffer.alloc(8 * 1024 * 1024, 9) });
    const ac = new AbortController();
    const req = pushRequest(files, { remoteName: 'big', signal: ac.signal, onProgress: (f, done) => f === 'weights.bin' && done > 1024 * 1024 && ac.abort() });
    await expect(adapter.push(req)).rejects.toThrow();
    const base = `${servers.none!.url}/v2/acme/models/big`;
    expect(await status(`${base}/manifests/champion`)).toBe(404);
    expect(await status(`${base}/blobs/sha256:${files[1]!.sha256}`)).toBe(404);

    const retried = await adapter.push({ ...req, signal: signal(), onProgress: () => {} });
    expect(retried.created).toBe(true);
    expect(await status(`${base}/manifests/${retried.remoteVersion}`)).toBe(200);
    for (const f of files) expect(await status(`${base}/blobs/sha256:${f.sha256}`)).toBe(200);
    expect(await adapter.push({ ...req, signal: signal(), onProgress: () => {} })).toEqual({ remoteVersion: retried.remoteVersion, created: false });
  });

  it('the registry killed mid-upload, then restarted: the retry makes one manifest with every blob', async () => {
    const dir = join(work, 'killed');
    mkdirSync(dir);
    let registry = await startOciRegistry(dir, { kind: 'none' });
    const port = Number(new URL(registry.url).port);
    try {
      const adapter = createOciAdapter({ name: 'k', kind: 'oci', url: registry.url, username: '', hasSecret: false }, { username: '', secret: null });
      const files = writeModel(join(work, 'model-killed'), { MLmodel: 'flavors: {}\n', 'weights.bin': Buffer.alloc(8 * 1024 * 1024, 5) });
      let killing: Promise<void> | null = null;
      const req = pushRequest(files, { remoteName: 'killed', onProgress: (f, done) => f === 'weights.bin' && done > 1024 * 1024 && (killing ??= registry.kill()) });
      const err = await adapter.push(req).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RegistryError);
      await killing;

      registry = await startOciRegistry(dir, { kind: 'none' }, port);
      const base = `${registry.url}/v2/killed`;
      expect(await status(`${base}/manifests/champion`)).toBe(404);
      const retried = await adapter.push({ ...req, onProgress: () => {} });
      expect(retried.created).toBe(true);
      for (const f of files) expect(await status(`${base}/blobs/sha256:${f.sha256}`)).toBe(200);
      expect(await adapter.readBack('killed', retried.remoteVersion, signal())).toEqual(local(files));
      expect(await adapter.push({ ...req, onProgress: () => {} })).toEqual({ remoteVersion: retried.remoteVersion, created: false });
    } finally {
      await registry.stop();
    }
  });

  it('a model file gone before its upload → a RegistryError saying so, and no manifest', async () => {
    const adapter = createOciAdapter(config('none'), { username: '', secret: null });
    const files = writeModel(join(work, 'model-gone'), { MLmodel: 'flavors: {}\n', 'model.pkl': 'gone soon' });
    rmSync(files[1]!.absPath);
    const err = await adapter.push(pushRequest(files, { remoteName: 'gone' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as Error).message).toMatch(/could not read the file being uploaded: .*ENOENT/);
    expect(await status(`${servers.none!.url}/v2/acme/models/gone/manifests/champion`)).toBe(404);
  });

  it('Basic auth (htpasswd): pushes and reads back with the password; a wrong one or none → RegistryError', async () => {
    const adapter = createOciAdapter(config('basic'), { username: USER.username, secret: USER.password });
    const pushed = await adapter.push(pushRequest(modelA));
    expect(await adapter.readBack('iris', pushed.remoteVersion, signal())).toEqual(local(modelA));

    const wrong = await createOciAdapter(config('basic'), { username: USER.username, secret: 'wrong-pw' }).push(pushRequest(modelA)).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(RegistryError);
    expect((wrong as RegistryError).message).toBe(`authentication failed at ${servers.basic!.url}`);
    const none = await createOciAdapter(config('basic'), { username: '', secret: null }).aliasHolder('iris', 'champion', signal()).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(RegistryError);
    expect(String((none as Error).message)).not.toContain('wrong-pw');
  });

  it('Bearer token challenge: fetches a token from the realm and pushes; a wrong password → RegistryError', async () => {
    const adapter = createOciAdapter(config('token', ''), { username: USER.username, secret: USER.password });
    const pushed = await adapter.push(pushRequest(modelA));
    expect(servers.token!.tokensIssued()).toBeGreaterThan(0);
    expect(await adapter.readBack('iris', pushed.remoteVersion, signal())).toEqual(local(modelA));
    expect(await adapter.aliasHolder('iris', 'champion', signal())).toEqual({ remoteVersion: pushed.remoteVersion, runId: 'run-a' });

    const wrong = await createOciAdapter(config('token', ''), { username: USER.username, secret: 'wrong-pw' }).push(pushRequest(modelA)).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(RegistryError);
    expect((wrong as RegistryError).message).toBe(`authentication failed at ${servers.token!.url}`);
  });
});

if (skip) it.skip(skip, () => {});
