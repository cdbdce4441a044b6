// A real `mlflow server` (SQLite backend) for the benches that measure Runlens beside it, started
// as e2e/mlflow/servers.py starts it but with MLflow's own default worker count, as people run it;
// and a run created through MLflow's REST API, on it or on `runlens serve`.
import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import { mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { post } from './load-client';

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
  const env: NodeJS.ProcessEnv = { ...process.env, MLFLOW_DISABLE_TELEMETRY: 'true', MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false', DO_NOT_TRACK: 'true' };
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

/** An experiment and a run through MLflow's REST API, as the mlflow client creates them. */
export async function createMlflowRun(url: URL, token: string | null): Promise<string> {
  const agent = new Agent();
  const ok = async (path: string, body: unknown): Promise<unknown> => {
    const res = await post(agent, url, `/api/2.0/mlflow/${path}`, JSON.stringify(body), token);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    return JSON.parse(res.text);
  };
  const { experiment_id } = (await ok('experiments/create', { name: `bench-${Date.now()}` })) as { experiment_id: string };
  const { run } = (await ok('runs/create', { experiment_id, start_time: Date.now() })) as { run: { info: { run_id: string } } };
  agent.destroy();
  return run.info.run_id;
}
