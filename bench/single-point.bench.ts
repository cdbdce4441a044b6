// Single-point logging: one point per request, one request at a time on a keep-alive connection
// (a training loop calling log_metric with no batching), for BENCH_SECONDS each (20; BENCH_QUICK=1:
// 5): Runlens's native log route with a one-point body, Runlens's MLflow `runs/log-metric`, and a
// real `mlflow server`'s (SQLite backend, warmed up first). Prints requests/s and p50/p99 and
// RESULT lines (bench/run-all.ts); asserts only that every request was acknowledged.
//   npm run build && npx tsx bench/single-point.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, post } from './lib/load-client';
import { createMlflowRun, startMlflowServer } from './lib/mlflow-server';
import { QUICK, report } from './lib/result';
import { startServe } from './lib/serve-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 5 : 20));
const WARM_UP_SECONDS = 3;
const T0 = 1_764_000_000_000;

interface Rate {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Sequential requests for `seconds` over one keep-alive socket; `body(i)` is the i-th point. */
async function sequential(url: URL, path: string, token: string | null, seconds: number, body: (i: number) => string): Promise<Rate> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + seconds * 1000;
  for (let i = 0; performance.now() < deadline; i++) {
    const t0 = performance.now();
    const res = await post(agent, url, path, body(i), token);
    if (res.status !== 200) throw new Error(`${path} refused: ${res.status} ${res.text}`);
    latencies.push(performance.now() - t0);
  }
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

async function mlflowLogMetric(url: URL, token: string | null, seconds: number): Promise<Rate> {
  const runId = await createMlflowRun(url, token);
  return sequential(url, '/api/2.0/mlflow/runs/log-metric', token, seconds, (i) => JSON.stringify({ run_id: runId, key: 'loss', value: 1 / (i + 1), timestamp: T0 + i, step: i }));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'runlens-bench-'));
  try {
    const mlflow = await startMlflowServer(join(dir, 'mlflow'));
    const peer = await mlflowLogMetric(mlflow.url, null, WARM_UP_SECONDS)
      .then(() => mlflowLogMetric(mlflow.url, null, SECONDS))
      .finally(() => mlflow.stop());

    const serve = await startServe(join(dir, 'runlens'));
    const agent = new Agent();
    const runId = (JSON.parse((await post(agent, serve.url, '/api/v1/runs', '{"name":"single"}', serve.token)).text) as { run: { id: string } }).run.id;
    agent.destroy();
    const native = await sequential(serve.url, `/api/v1/runs/${runId}/log`, serve.token, SECONDS, (i) => JSON.stringify({ metrics: [{ key: 'loss', value: 1 / (i + 1), step: i, timestamp: T0 + i }] }));
    const viaMlflowRoute = await mlflowLogMetric(serve.url, serve.token, SECONDS);
    await serve.stop();

    console.log(`\nSingle-point logging, 1 request in flight, keep-alive, ${SECONDS} s each (mlflow server ${mlflow.version})`);
    console.log('| route | requests/s | p50 ms | p99 ms |\n|---|---|---|---|');
    const rows: [string, Rate][] = [['runlens serve, native log (1 point)', native], ['runlens serve, MLflow log-metric', viaMlflowRoute], ['mlflow server, log-metric', peer]];
    for (const [name, r] of rows) console.log(`| ${name} | ${r.perSecond.toFixed(0)} | ${r.p50Ms.toFixed(2)} | ${r.p99Ms.toFixed(2)} |`);

    const mlflowPeer = (value: number) => ({ name: `mlflow server ${mlflow.version}, log-metric`, value });
    for (const [name, r] of [['native log route, one point per request', native], ['MLflow log-metric route', viaMlflowRoute]] as const) {
      report({ area: 'single', name: `${name} (keep-alive, 1 in flight, ${SECONDS} s)`, value: r.perSecond, unit: 'requests/s', better: 'higher', peer: mlflowPeer(peer.perSecond) });
      report({ area: 'single', name: `${name}, p99 latency`, value: r.p99Ms, unit: 'ms', better: 'lower', peer: mlflowPeer(peer.p99Ms) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
