// Real servers for integration tests (mlflow server, docker-registry): spawned in their own
// process group on 127.0.0.1, logging to files (a pipe nobody drains would block them), waited for
// by polling a URL with a bounded deadline, and killed as a group.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or `kill -9` would: no shutdown work. Resolves once it is gone. */
  kill(): Promise<void>;
  log(): string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The binaries a test needs: missing locally → skip with a message; missing in CI (`.ci/run`
 * installs them and sets RUNLENS_REQUIRE_SERVERS) → the test fails instead of passing silently.
 */
export function requireBinaries(paths: string[]): string | null {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return null;
  if (process.env.CI || process.env.RUNLENS_REQUIRE_SERVERS) throw new Error(`missing in CI: ${missing.join(', ')} (.ci/run installs them)`);
  return `skipped: ${missing.join(', ')} not installed (sudo apt-get install docker-registry; npm run setup:python)`;
}

export async function startServer(opts: {
  cmd: string;
  args: string[];
  workdir: string;
  env?: NodeJS.ProcessEnv;
  url: string;
  /** Polled until it answers with any HTTP status below 500. */
  readyPath: string;
  timeoutMs: number;
}): Promise<ServerProcess> {
  const logPath = join(opts.workdir, 'server.log');
  const out = openSync(logPath, 'a');
  const child: ChildProcess = spawn(opts.cmd, opts.args, {
    cwd: opts.workdir,
    env: opts.env ?? process.env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const log = () => (existsSync(logPath) ? readFileSync(logPath, 'utf8').slice(-4000) : '');
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => !exited && process.kill(-child.pid!, 'SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  };
  const kill = async () => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    process.kill(-child.pid, 'SIGKILL');
    await gone;
  };
  const deadline = Date.now() + opts.timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${opts.cmd} exited before answering:\n${log()}`);
    try {
      const res = await fetch(new URL(opts.readyPath, opts.url), { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return { url: opts.url, stop, kill, log };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`${opts.cmd} did not answer within ${opts.timeoutMs} ms:\n${log()}`);
}

/** The venv's mlflow (npm run setup:python). */
export const MLFLOW_BIN = join(process.cwd(), '.venv', 'bin', 'mlflow');

/**
 * A real `mlflow server` on `port` with a SQLite store and proxied artifacts in `work`: started
 * again with the same arguments after a kill, it finds what was written. No telemetry, and no
 * MLflow job runner (a dozen worker processes on a SQL store that no test needs, and files a
 * SIGKILLed server would leave behind).
 */
export function startMlflowServer(opts: { work: string; port: number; artifacts?: string; extraArgs?: string[]; env?: NodeJS.ProcessEnv }): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, MLFLOW_DISABLE_TELEMETRY: 'true', MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false', ...opts.env };
  delete env.MLFLOW_TRACKING_URI;
  return startServer({
    cmd: MLFLOW_BIN,
    args: ['server', '--host', '127.0.0.1', '--port', String(opts.port), '--workers', '1', ...(opts.extraArgs ?? []),
      '--backend-store-uri', `sqlite:///${join(opts.work, 'mlflow.db')}`, '--artifacts-destination', join(opts.work, opts.artifacts ?? 'artifacts')],
    workdir: opts.work,
    env,
    url: `http://127.0.0.1:${opts.port}`,
    readyPath: '/health',
    timeoutMs: 120_000,
  });
}
