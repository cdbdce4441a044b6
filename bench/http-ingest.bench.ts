// HTTP ingest, sustained: 1,000-point batches with 4 requests in flight, each acknowledged only
// after its commit, for BENCH_SECONDS (60; BENCH_QUICK=1: 10) per server, measured in one run:
//   - `runlens serve`, native API (POST /api/v1/runs/{id}/log), its columnar body (`columns`,
//     as the Python client sends points) and, beside it, the same points as objects (`metrics`)
//   - `runlens serve`, MLflow's route (POST /api/2.0/mlflow/runs/log-batch)
//   - a real `mlflow server` (SQLite backend), the same route and load client, with 1 and with 4
//     in flight, the faster taken as the peer
//   - the bare node:http + SQLite ceiling of PERFORMANCE.md
// Prints figures and RESULT lines (bench/run-all.ts); asserts only that every batch was acknowledged.
//   npm run build && npx tsx bench/http-ingest.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { batchBody, columnarBatchBody, post, runLoad, mlflowBatchBody, type LoadResult } from './lib/load-client';
import { startBareServer } from './lib/bare-ceiling-server';
import { startServe } from './lib/serve-process';
import { createMlflowRun, startMlflowServer } from './lib/mlflow-server';
import { QUICK, report } from './lib/result';

const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 10 : 60));
const BATCH = 1000;
const IN_FLIGHT = 4;
const WARM_UP_SECONDS = 5;
const M = (n: number) => `${(n / 1e6).toFixed(2)} M`;

/** A fresh `runlens serve` loaded through the native log route with the given body builder. */
async function loadNative(dataDir: string, body: (key: string, firstStep: number, size: number) => string): Promise<LoadResult> {
  const serve = await startServe(dataDir);
  const agent = new Agent({ keepAlive: true });
  try {
    const created = await post(agent, serve.url, '/api/v1/runs', '{"name":"bench"}', serve.token);
    const runId = (JSON.parse(created.text) as { run: { id: string } }).run.id;
    return await runLoad({ url: serve.url, path: `/api/v1/runs/${runId}/log`, token: serve.token, seconds: SECONDS, inFlight: IN_FLIGHT, batch: BATCH, body: (first, size) => body('loss', first, size) });
  } finally {
    agent.destroy();
    await serve.stop();
  }
}

async function loadMlflowRoute(url: URL, token: string | null, inFlight = IN_FLIGHT): Promise<LoadResult> {
  const runId = await createMlflowRun(url, token);
  return runLoad({ url, path: '/api/2.0/mlflow/runs/log-batch', token, seconds: SECONDS, inFlight, batch: BATCH, body: mlflowBody(runId) });
}

function mlflowBody(runId: string): (firstStep: number, size: number) => string {
  return (firstStep, size) => mlflowBatchBody(runId, 'loss', firstStep, size);
}

/**
 * mlflow server at its best: its SQLite store serialises writers, so concurrent batches from its
 * workers wait on each other's locks and one request at a time can be faster.
 */
async function loadMlflowServer(url: URL): Promise<{ best: LoadResult; inFlight: number }> {
  // Each of its workers opens and checks its store on its first request: seconds, not measured.
  await runLoad({ url, path: '/api/2.0/mlflow/runs/log-batch', token: null, seconds: WARM_UP_SECONDS, inFlight: IN_FLIGHT, batch: BATCH, body: mlflowBody(await createMlflowRun(url, null)) });
  const serial = await loadMlflowRoute(url, null, 1);
  const parallel = await loadMlflowRoute(url, null, IN_FLIGHT);
  console.log(`mlflow server: ${serial.pointsPerSecond.toFixed(0)} points/s with 1 in flight, ${parallel.pointsPerSecond.toFixed(0)} with ${IN_FLIGHT}`);
  return serial.pointsPerSecond >= parallel.pointsPerSecond ? { best: serial, inFlight: 1 } : { best: parallel, inFlight: IN_FLIGHT };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'runlens-bench-'));
  try {
    const mlflow = await startMlflowServer(join(dir, 'mlflow'));
    const { best: peer, inFlight: peerInFlight } = await loadMlflowServer(mlflow.url).finally(() => mlflow.stop());

    const bare = await startBareServer(join(dir, 'bare.db'));
    const ceiling = await runLoad({ url: bare.url, path: '/', token: null, seconds: SECONDS, inFlight: IN_FLIGHT, batch: BATCH });
    await bare.close();

    const native = await loadNative(join(dir, 'native'), columnarBatchBody);
    const nativeObjects = await loadNative(join(dir, 'native-objects'), batchBody);

    const serveMlflow = await startServe(join(dir, 'mlflow-route'));
    const viaMlflowRoute = await loadMlflowRoute(serveMlflow.url, serveMlflow.token).finally(() => serveMlflow.stop());

    console.log(`\nHTTP ingest, ${BATCH}-point batches, ${IN_FLIGHT} in flight, ${SECONDS} s each (ack after commit; mlflow server ${mlflow.version})`);
    console.log('| server | points/s | p50 ms | p99 ms |\n|---|---|---|---|');
    const rows: [string, LoadResult][] = [['runlens serve, native API, columnar', native], ['runlens serve, native API, point objects', nativeObjects], ['runlens serve, MLflow log-batch', viaMlflowRoute], [`mlflow server, log-batch (${peerInFlight} in flight)`, peer], ['bare node:http + SQLite ceiling', ceiling]];
    for (const [name, r] of rows) console.log(`| ${name} | ${M(r.pointsPerSecond)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} |`);

    const setup = `${BATCH}-point batches, ${IN_FLIGHT} in flight, ${SECONDS} s`;
    const mlflowPeer = (value: number) => ({ name: `mlflow server ${mlflow.version}, log-batch, ${peerInFlight} in flight`, value });
    report({ area: 'ingest', name: `native API, columnar (${setup})`, value: native.pointsPerSecond, unit: 'points/s', better: 'higher', peer: mlflowPeer(peer.pointsPerSecond), goal: { value: 1e6, ratio: 20, text: '≥ 1 M points/s, ≥ 20× MLflow' } });
    report({ area: 'ingest', name: 'native API, columnar, p50 ack', value: native.p50Ms, unit: 'ms', better: 'lower', peer: mlflowPeer(peer.p50Ms) });
    report({ area: 'ingest', name: 'native API, columnar, p99 ack', value: native.p99Ms, unit: 'ms', better: 'lower', peer: mlflowPeer(peer.p99Ms) });
    report({ area: 'ingest', name: `native API, point objects (${setup})`, value: nativeObjects.pointsPerSecond, unit: 'points/s', better: 'higher', peer: mlflowPeer(peer.pointsPerSecond), goal: { ratio: 20, text: '≥ 20× MLflow' } });
    report({ area: 'ingest', name: 'native API, point objects, p99 ack', value: nativeObjects.p99Ms, unit: 'ms', better: 'lower', peer: mlflowPeer(peer.p99Ms) });
    report({ area: 'ingest', name: `MLflow log-batch route (${setup})`, value: viaMlflowRoute.pointsPerSecond, unit: 'points/s', better: 'higher', peer: mlflowPeer(peer.pointsPerSecond), goal: { ratio: 20, text: '≥ 20× MLflow' } });
    report({ area: 'ingest', name: 'MLflow log-batch route, p50 ack', value: viaMlflowRoute.p50Ms, unit: 'ms', better: 'lower', peer: mlflowPeer(peer.p50Ms) });
    report({ area: 'ingest', name: 'MLflow log-batch route, p99 ack', value: viaMlflowRoute.p99Ms, unit: 'ms', better: 'lower', peer: mlflowPeer(peer.p99Ms) });
    report({ area: 'ingest', name: `native API, columnar, beside the bare ceiling (${setup})`, value: native.pointsPerSecond, unit: 'points/s', better: 'higher', peer: { name: 'bare node:http + SQLite, one chunk row per batch', value: ceiling.pointsPerSecond }, note: 'the ceiling only stores each batch: no auth, validation, summaries or events' });

  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
