// The MLflow adapter against a real `mlflow server` (SQLite, artifacts proxied, basic-auth app)
// started here on 127.0.0.1, with a real sklearn model, loaded back by the real mlflow client.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryConfig } from '../../../../src-shared/promotion';
import { freePort, requireBinaries, startMlflowServer, type ServerProcess } from '../../test-support/server-process';
import { RegistryError, type ModelFile, type PushRequest } from '../registry-adapter';
import { createMlflowAdapter } from './mlflow-adapter';

const VENV = resolve('.venv/bin');
const MLFLOW = join(VENV, 'mlflow');
const PYTHON = join(VENV, 'python');
const skip = requireBinaries([MLFLOW, PYTHON]);
const ADMIN = { username: 'admin', secret: 'runlens-test-pw-1' };

let work: string;
let server: ServerProcess;
let config: RegistryConfig;

function modelFiles(dir: string): ModelFile[] {
  const out: ModelFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push({ path: relative(dir, abs).split('\\').join('/'), absPath: abs, size: statSync(abs).size, sha256: createHash('sha256').update(readFileSync(abs)).digest('hex') });
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function modelDigest(files: ModelFile[]): string {
  return `sha256:${createHash('sha256').update(files.map((f) => `${f.path}\0${f.sha256}\n`).join('')).digest('hex')}`;
}

function request(files: ModelFile[], over: Partial<PushRequest> = {}): PushRequest {
  return {
    remoteName: 'iris-classifier',
    alias: 'champion',
    files,
    runId: 'run-a',
    modelDigest: modelDigest(files),
    annotations: { 'runlens.run_id': 'run-a', 'metric.val_accuracy': '0.93' },
    onProgress: () => {},
    signal: new AbortController().signal,
    ...over,
  };
}

/** Two real sklearn models (different weights, so different bytes), in one Python start. */
function saveSklearnModels(dirA: string, dirB: string): void {
  execFileSync(PYTHON, ['-c', `
import sys, mlflow.sklearn
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
X, y = load_iris(return_X_y=True)
mlflow.sklearn.save_model(LogisticRegression(C=1.0, max_iter=500).fit(X, y), sys.argv[1])
mlflow.sklearn.save_model(LogisticRegression(C=0.1, max_iter=500).fit(X, y), sys.argv[2])
`, dirA, dirB], { env: { ...process.env, MLFLOW_DISABLE_TELEMETRY: 'true' }, stdio: 'pipe' });
}

describe.skipIf(skip !== null)('MLflow registry adapter against a real mlflow server', () => {
  let modelA: ModelFile[];
  let modelB: ModelFile[];

  let port: number;
  /** The server on `port` over the same stores, so a restart after a kill finds what was written. */
  const startMlflow = () =>
    startMlflowServer({
      work,
      port,
      extraArgs: ['--app-name', 'basic-auth'],
      env: { MLFLOW_AUTH_CONFIG_PATH: join(work, 'auth.ini'), MLFLOW_FLASK_SERVER_SECRET_KEY: 'runlens-test' },
    });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'runlens-mlflow-registry-'));
    port = await freePort();
    writeFileSync(join(work, 'auth.ini'), [
      '[mlflow]',
      'default_permission = READ',
      `database_uri = sqlite:///${join(work, 'basic_auth.db')}`,
      `admin_username = ${ADMIN.username}`,
      `admin_password = ${ADMIN.secret}`,
      'authorization_function = mlflow.server.auth:authenticate_request_basic_auth',
      '',
    ].join('\n'));
    const [started] = await Promise.all([
      startMlflow(),
      Promise.resolve().then(() => saveSklearnModels(join(work, 'model-a'), join(work, 'model-b'))),
    ]);
    server = started;
    modelA = modelFiles(join(work, 'model-a'));
    modelB = modelFiles(join(work, 'model-b'));
    config = { name: 'team-mlflow', kind: 'mlflow', url: server.url, username: ADMIN.username, hasSecret: true };
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  }, 30_000);

  it('pushes a model, sets the alias, reads back the same digests, and mlflow loads it by alias', async () => {
    const adapter = createMlflowAdapter(config, ADMIN);
    expect(await adapter.aliasHolder('iris-classifier', 'champion', new AbortController().signal)).toBeNull();
    const progress: [string, number, number][] = [];
    const pushed = await adapter.push(request(modelA, { onProgress: (f, d, t) => progress.push([f, d, t]) }));
    expect(pushed).toEqual({ remoteVersion: '1', created: true });
    for (const f of modelA) expect(progress.filter(([p]) => p === f.path).at(-1)).toEqual([f.path, f.size, f.size]);

    expect(await adapter.aliasHolder('iris-classifier', 'champion', new AbortController().signal)).toEqual({ remoteVersion: '1', runId: 'run-a' });
    const back = await adapter.readBack('iris-classifier', '1', new AbortController().signal);
    expect(back).toEqual(modelA.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })));

    const out = execFileSync(PYTHON, ['-c', `
import mlflow
from sklearn.datasets import load_iris
X, _ = load_iris(return_X_y=True)
m = mlflow.pyfunc.load_model("models:/iris-classifier@champion")
print(len(m.predict(X[:5])))
`], { env: { ...process.env, MLFLOW_TRACKING_URI: server.url, MLFLOW_TRACKING_USERNAME: ADMIN.username, MLFLOW_TRACKING_PASSWORD: ADMIN.secret, MLFLOW_DISABLE_TELEMETRY: 'true' }, stdio: 'pipe' });
    expect(out.toString().trim().split('\n').at(-1)).toBe('5');
  }, 120_000);

  it('a retry of the same model makes no second version; a new model moves the alias', async () => {
    const adapter = createMlflowAdapter(config, ADMIN);
    expect(await adapter.push(request(modelA))).toEqual({ remoteVersion: '1', created: false });
    const b = await adapter.push(request(modelB, { runId: 'run-b', annotations: { 'runlens.run_id': 'run-b' } }));
    expect(b).toEqual({ remoteVersion: '2', created: true });
    expect(await adapter.aliasHolder('iris-classifier', 'champion', new AbortController().signal)).toEqual({ remoteVersion: '2', runId: 'run-b' });
    expect(await adapter.readBack('iris-classifier', '2', new AbortController().signal)).toEqual(modelB.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })));
  }, 60_000);

  it('a push cancelled mid-upload, then retried, makes exactly one version', async () => {
    const adapter = createMlflowAdapter(config, ADMIN);
    const big: ModelFile[] = [...modelA];
    const blobPath = join(work, 'model-a', 'weights.bin');
    writeFileSync(blobPath, Buffer.alloc(8 * 1024 * 1024, 7));
    big.push({ path: 'weights.bin', absPath: blobPath, size: 8 * 1024 * 1024, sha256: createHash('sha256').update(readFileSync(blobPath)).digest('hex') });
    const ac = new AbortController();
    const req = request(big, { remoteName: 'big-model', signal: ac.signal, onProgress: (f, done) => f === 'weights.bin' && done > 1024 * 1024 && ac.abort() });
    await expect(adapter.push(req)).rejects.toThrow();
    expect(await adapter.aliasHolder('big-model', 'champion', new AbortController().signal)).toBeNull();
    expect(await adapter.push({ ...req, signal: new AbortController().signal, onProgress: () => {} })).toEqual({ remoteVersion: '1', created: true });
    expect(await adapter.push({ ...req, signal: new AbortController().signal, onProgress: () => {} })).toEqual({ remoteVersion: '1', created: false });
    // The cancelled attempt and the retry wrote into one staging run, found again by the digest.
    const runs = await fetch(`${server.url}/api/2.0/mlflow/runs/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.secret}`).toString('base64')}` },
      body: JSON.stringify({ experiment_ids: ['1'], filter: `tags.\`runlens.model_digest\` = '${req.modelDigest}'` }),
    }).then((r) => r.json() as Promise<{ runs?: unknown[] }>);
    expect(runs.runs).toHaveLength(1);
    rmSync(blobPath);
  }, 60_000);

  it('the server killed mid-upload and restarted: the retry makes exactly one version', async () => {
    const adapter = createMlflowAdapter(config, ADMIN);
    const blobPath = join(work, 'weights-kill.bin');
    writeFileSync(blobPath, Buffer.alloc(16 * 1024 * 1024, 9));
    const files: ModelFile[] = [...modelB, { path: 'weights.bin', absPath: blobPath, size: 16 * 1024 * 1024, sha256: createHash('sha256').update(readFileSync(blobPath)).digest('hex') }];
    let killing: Promise<void> | null = null;
    const req = request(files, {
      remoteName: 'killed-model',
      onProgress: (f, done) => {
        if (f === 'weights.bin' && done > 2 * 1024 * 1024 && !killing) killing = server.kill();
      },
    });
    await expect(adapter.push(req)).rejects.toThrow();
    await killing;
    server = await startMlflow();
    const retry = { ...req, signal: new AbortController().signal, onProgress: () => {} };
    expect(await adapter.push(retry)).toEqual({ remoteVersion: '1', created: true });
    expect(await adapter.push(retry)).toEqual({ remoteVersion: '1', created: false });
    // What the registry holds is the whole model, byte for byte.
    const back = await adapter.readBack('killed-model', '1', new AbortController().signal);
    expect(new Map(back.map((f) => [f.path, f.sha256]))).toEqual(new Map(files.map((f) => [f.path, f.sha256])));
    rmSync(blobPath);
  }, 240_000);

  it('wrong credentials → a RegistryError naming the server, not the secret', async () => {
    const adapter = createMlflowAdapter(config, { username: 'admin', secret: 'not-the-password' });
    const err = await adapter.push(request(modelA)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).message).toBe(`authentication failed at ${server.url}`);
    expect((err as RegistryError).status).toBe(401);
  });
});

if (skip) it.skip(skip, () => {});
