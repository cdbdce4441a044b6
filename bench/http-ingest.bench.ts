// HTTP ingest and chart-query throughput of `runlens serve`, beside the bare ceiling server of
// PERFORMANCE.md measured in the same run. Prints figures; asserts nothing.
//   npm run build && npx tsx bench/http-ingest.bench.ts        (BENCH_SECONDS=10 by default)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, get } from 'node:http';
import { percentile, post, runLoad, batchBody } from './lib/load-client';
import { startBareServer } from './lib/bare-ceiling-server';
import { startServe } from './lib/serve-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BATCH = 1000;
const M = (n: number) => `${(n / 1e6).toFixed(2)} M`;

function getJson(url: URL, path: string, token: string | null): Promise<unknown> {
  return new Promise((done, fail) => {
    get({ host: url.hostname, port: url.port, path, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => done(JSON.parse(Buffer.concat(parts).toString())));
    }).on('error', fail);
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'runlens-bench-'));
  try {
    const rows: string[][] = [];
    for (const inFlight of [2, 4]) {
      const bare = await startBareServer(join(dir, `bare-${inFlight}.db`));
      const peer = await runLoad({ url: bare.url, path: '/', token: null, seconds: SECONDS, inFlight, batch: BATCH });
      await bare.close();

      const serve = await startServe(join(dir, `runlens-${inFlight}`));
      const agent = new Agent({ keepAlive: true });
      const created = await post(agent, serve.url, '/api/v1/runs', '{"name":"bench"}', serve.token);
      const runId = (JSON.parse(created.text) as { run: { id: string } }).run.id;
      const ours = await runLoad({ url: serve.url, path: `/api/v1/runs/${runId}/log`, token: serve.token, seconds: SECONDS, inFlight, batch: BATCH });
      agent.destroy();
      await serve.stop();
      rows.push([`${inFlight} in flight`, M(ours.pointsPerSecond), M(peer.pointsPerSecond), (ours.pointsPerSecond / peer.pointsPerSecond).toFixed(2), ours.p50Ms.toFixed(1), ours.p99Ms.toFixed(1)]);
    }
    console.log(`\nHTTP ingest, ${BATCH}-point batches, ${SECONDS} s each (points/s; ack after commit)`);
    console.log('| load | runlens serve | bare ceiling | ratio | p50 ms | p99 ms |\n|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);

    // Chart query: one 1M-point series reduced to 2,000 buckets, through the full HTTP path.
    const serve = await startServe(join(dir, 'query'));
    const agent = new Agent({ keepAlive: true });
    const runId = (JSON.parse((await post(agent, serve.url, '/api/v1/runs', '{"name":"query"}', serve.token)).text) as { run: { id: string } }).run.id;
    for (let step = 0; step < 1_000_000; step += 10_000) {
      await post(agent, serve.url, `/api/v1/runs/${runId}/log`, batchBody('loss', step, 10_000), serve.token);
    }
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const s = (await getJson(serve.url, `/api/v1/runs/${runId}/metrics/loss?points=2000`, serve.token)) as { total: number };
      times.push(performance.now() - t0);
      if (s.total !== 1_000_000) throw new Error(`expected 1M points, got ${s.total}`);
    }
    times.sort((a, b) => a - b);
    agent.destroy();
    await serve.stop();
    console.log(`\nChart query, 1M points → 2,000 buckets over HTTP: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (PERFORMANCE.md: 34 ms for the decode alone)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
