// A real `mlflow server` (SQLite backend) for the benches that measure Runlens beside it, started
// as e2e/mlflow/servers.py starts it but with MLflow's own default worker count, as people run it.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const MLFLOW = join(import.meta.dirname, '..', '..', '.venv', 'bin', 'mlflow');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

export async function startMlflowServer(workdir: string, timeoutMs = 120_000): Promise<{ url: URL; version: string; stop(): Promise<void> }> {
  mkdirSync(workdir, { recursive: true });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, MLFLOW_DISABLE_TELEMETRY: 'true', DO_NOT_TRACK: 'true' };
  delete env.MLFLOW_TRACKING_URI;
  // Its own process group: `mlflow server` runs uvicorn workers as children, all stopped together.
  const child = spawn(MLFLOW, ['server', '--backend-store-uri', `sqlite:///${join(workdir, 'mlflow.db')}`, '--artifacts-destination', join(workdir, 'artifacts'), '--host', '127.0.0.1', '--port', String(port)], {
    cwd: workdir,
    env,
    detached: true,
    // Logs to a file: a pipe nobody drains would block the server.
    stdio: ['ignore', openSync(join(workdir, 'mlflow.log'), 'w'), openSync(join(workdir, 'mlflow.err.log'), 'w')],
  });
  const url = new URL(`http://127.0.0.1:${port}/`);
  const stop = (): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      process.kill(-child.pid!, 'SIGTERM');
    });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mlflow server exited with ${child.exitCode}; see ${workdir}/mlflow.err.log`);
    const ok = await fetch(new URL('health', url)).then((r) => r.ok, () => false);
    if (ok) {
      const version = await fetch(new URL('version', url)).then((r) => r.text(), () => 'unknown');
      return { url, version, stop };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`mlflow server did not answer /health within ${timeoutMs / 1000} s`);
}
