// Cold start of `runlens serve` on a large database: time from spawn to the first 200 of the
// runs list and of a 1M-point chart query, and the server's resident memory after them. The
// database (BENCH_DB_GB, default 10; BENCH_QUICK=1: 0.5) is built once in-process and cached
// under BENCH_CACHE_DIR (default bench/.cache). Before each start the OS page cache is dropped
// when the machine permits it (root); otherwise the figures are marked "warm cache". Reports the
// median of the starts to the bench runner (bench/run-all.ts).
//   npm run build && npx tsx bench/cold-start.bench.ts
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ensureBigDatabase, HEADLINE } from './lib/big-database';
import { percentile } from './lib/load-client';
import { QUICK, report } from './lib/result';
import { startServe } from './lib/serve-process';

const GB = Number(process.env.BENCH_DB_GB ?? (QUICK ? 0.5 : 10));
const CACHE_DIR = process.env.BENCH_CACHE_DIR ?? join(import.meta.dirname, '.cache');
const STARTS = 3;

/** Empties the OS page cache so the start reads the database from disk; false when not permitted. */
function dropPageCache(): boolean {
  try {
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

/** Resident and peak resident memory of a process, in MB, from /proc/<pid>/status. */
function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function getOk(url: URL, path: string, token: string | null): Promise<unknown> {
  const res = await fetch(new URL(path, url), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

interface Start {
  cold: boolean;
  listeningMs: number;
  runsMs: number;
  seriesMs: number;
  rssMb: number;
  peakMb: number;
}

async function measureStart(dataDir: string, expectedRuns: number): Promise<Start> {
  const cold = dropPageCache();
  const t0 = performance.now();
  const serve = await startServe(dataDir);
  try {
    const listeningMs = performance.now() - t0;
    const { runs } = (await getOk(serve.url, '/api/v1/runs', serve.token)) as { runs: unknown[] };
    const runsMs = performance.now() - t0;
    if (runs.length !== expectedRuns) throw new Error(`listed ${runs.length} runs, expected ${expectedRuns}`);
    const series = (await getOk(serve.url, `/api/v1/runs/${HEADLINE.runId}/metrics/${HEADLINE.key}?points=2000`, serve.token)) as { total: number };
    const seriesMs = performance.now() - t0;
    if (series.total !== HEADLINE.points) throw new Error(`series has ${series.total} points, expected ${HEADLINE.points}`);
    const mem = memoryMb(serve.child.pid!);
    return { cold, listeningMs, runsMs, seriesMs, rssMb: mem.rss, peakMb: mem.peak };
  } finally {
    await serve.stop();
  }
}

async function main(): Promise<void> {
  const db = await ensureBigDatabase(CACHE_DIR, GB, (m) => console.log(m));
  const rate = db.points / db.builtInSeconds;
  console.log(
    `Database: ${(db.bytes / 1e9).toFixed(2)} GB, ${db.runs} runs, ${(db.points / 1e6).toFixed(0)} M points; ` +
      `built in ${db.builtInSeconds.toFixed(0)} s (${(rate / 1e6).toFixed(2)} M points/s, ${(db.bytes / 1e6 / db.builtInSeconds).toFixed(0)} MB/s)${db.fromCache ? ', reused from the cache' : ''}`,
  );
  const starts: Start[] = [];
  for (let i = 0; i < STARTS; i++) starts.push(await measureStart(db.dataDir, db.runs));
  const cache = starts.every((s) => s.cold) ? 'page cache dropped before each start' : 'warm cache (dropping the page cache was not permitted)';
  console.log(`\nCold start of runlens serve on ${(db.bytes / 1e9).toFixed(1)} GB, ${cpus().length} cores, ${cache}`);
  console.log('| start | listening ms | GET /api/v1/runs 200 ms | 1M-point series → 2,000 buckets 200 ms | RSS after MB | peak RSS MB |\n|---|---|---|---|---|---|');
  starts.forEach((s, i) =>
    console.log(`| ${i + 1} | ${s.listeningMs.toFixed(0)} | ${s.runsMs.toFixed(0)} | ${s.seriesMs.toFixed(0)} | ${s.rssMb.toFixed(0)} | ${s.peakMb.toFixed(0)} |`),
  );
  const median = (pick: (s: Start) => number) => percentile(starts.map(pick).sort((a, b) => a - b), 50);
  const size = `${(db.bytes / 1e9).toFixed(1)} GB database (${db.runs} runs, ${(db.points / 1e6).toFixed(0)} M points)`;
  const note = `median of ${STARTS} starts; ${starts.every((s) => s.cold) ? 'page cache dropped before each' : 'warm cache'}`;
  report({ area: 'query', name: `cold start on a ${size}: spawn → first 200 of GET /api/v1/runs`, value: median((s) => s.runsMs), unit: 'ms', better: 'lower', note: `${note}; the database took ${db.builtInSeconds.toFixed(0)} s to build in-process` });
  report({ area: 'query', name: `cold start on a ${size}: spawn → first 1M-point series → 2,000 buckets`, value: median((s) => s.seriesMs), unit: 'ms', better: 'lower', note });
  report({ area: 'query', name: `resident memory of serve after those answers, ${size}`, value: median((s) => s.rssMb), unit: 'MB', better: 'lower', note: `VmRSS; peak (VmHWM) ${median((s) => s.peakMb).toFixed(0)} MB; ${note}` });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
