// Chart queries: one 1M-point series reduced to 2,000 buckets over HTTP (the run page's GET,
// p50/p95), and the comparison query, 10 runs × one 1M-point key reduced to 2,000 shared
// buckets with querySeries, through the core's dispatch (as IPC calls it) and over HTTP with its
// JSON, plus a zoom to 1% of the steps. Reports to the bench runner (bench/run-all.ts) against
// the 50 ms per 1M-point series target; asserts only that every point was seen.
//   npx tsx bench/series-query.bench.ts        (SERIES_BENCH_RUNS=10, BENCH_QUICK=1: 2; SERIES_BENCH_POINTS=1000000)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../src-main/core/core';
import type { SeriesQueryResult } from '../src-shared/domain';
import type { NewPoint } from '../src-main/core/store/metric-point';
import { percentile } from './lib/load-client';
import { medianMs } from './lib/median-ms';
import { QUICK, report } from './lib/result';

const RUNS = Number(process.env.SERIES_BENCH_RUNS ?? (QUICK ? 2 : 10));
const POINTS = Number(process.env.SERIES_BENCH_POINTS ?? 1_000_000);
const BUCKETS = 2000;
const REPEATS = 7;
/** Enough single-series queries for a p95 that is not just the slowest one. */
const SINGLE_REPEATS = 40;
const TARGET_MS_PER_SERIES = 50;
const BATCH = 100_000;

/** A noisy decaying loss with a few one-step spikes, as a diverging batch would log. */
function fill(core: Core, runId: string, seed: number): void {
  const { store } = core;
  store.tx(() =>
    store.runs.insert({ id: runId, experiment: 'bench', name: runId, status: 'FINISHED', startTime: 1_764_000_000_000, endTime: null, sourceKind: 'api', sourcePath: null }),
  );
  for (let from = 0; from < POINTS; from += BATCH) {
    const points: NewPoint[] = [];
    for (let step = from; step < Math.min(POINTS, from + BATCH); step++) {
      const spike = (step * 7919 + seed) % 250_007 === 0 ? 50 : 0;
      const value = 2 * Math.exp(-step / (POINTS / 5)) + 0.05 * Math.sin(step * 0.37 + seed) * Math.random() + spike;
      points.push({ key: 'loss', value, step, timestamp: 1_764_000_000_000 + step * 20 });
    }
    store.tx(() => store.metrics.append(runId, points));
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'runlens-bench-'));
  const core = await createCore({ dataDir: dir, uiDir: dir, resourcesDir: dir, version: 'bench', port: 0, auth: false, log: () => {} });
  try {
    const runIds = Array.from({ length: RUNS }, (_, i) => `run${i}`);
    const t0 = performance.now();
    runIds.forEach((id, i) => fill(core, id, i));
    console.log(`Stored ${RUNS} runs × ${(POINTS / 1e6).toFixed(2)} M points in ${((performance.now() - t0) / 1000).toFixed(1)} s (load average ${loadavg()[0]!.toFixed(2)})`);

    const whole = { runIds, keys: ['loss'], buckets: BUCKETS };
    const zoom = { ...whole, range: { min: POINTS / 2, max: POINTS / 2 + POINTS / 100 - 1 } };
    const check = (r: SeriesQueryResult, expected: number) => {
      const seen = r.series.reduce((n, s) => n + s.total, 0);
      if (seen !== expected) throw new Error(`expected ${expected} points, saw ${seen}`);
    };
    await core.dispatch('querySeries', whole); // warm the page cache and the JIT
    const wholeMs = await medianMs(REPEATS, async () => check((await core.dispatch('querySeries', whole)) as SeriesQueryResult, RUNS * POINTS));
    const zoomMs = await medianMs(REPEATS, async () => check((await core.dispatch('querySeries', zoom)) as SeriesQueryResult, (RUNS * POINTS) / 100));
    let bytes = 0;
    const httpMs = await medianMs(REPEATS, async () => {
      const res = await fetch(`${core.server!.url}api/v1/series/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(whole) });
      const text = await res.text();
      bytes = text.length;
      check(JSON.parse(text) as SeriesQueryResult, RUNS * POINTS);
    });
    const single: number[] = [];
    const seriesUrl = `${core.server!.url}api/v1/runs/${runIds[0]}/metrics/loss?points=${BUCKETS}`;
    for (let i = 0; i < SINGLE_REPEATS; i++) {
      const t0 = performance.now();
      const s = (await (await fetch(seriesUrl)).json()) as { total: number };
      single.push(performance.now() - t0);
      if (s.total !== POINTS) throw new Error(`expected ${POINTS} points, saw ${s.total}`);
    }
    single.sort((a, b) => a - b);
    const per = (ms: number) => (ms / RUNS).toFixed(1);
    const M = `${(POINTS / 1e6).toFixed(POINTS % 1e6 === 0 ? 0 : 2)}M-point`;
    console.log(`\nOne ${M} series → ${BUCKETS} buckets over HTTP (GET /api/v1/runs/:id/metrics/:key, ${SINGLE_REPEATS} queries): p50 ${percentile(single, 50).toFixed(1)} ms, p95 ${percentile(single, 95).toFixed(1)} ms`);
    console.log(`\nquerySeries, ${RUNS} runs × 1 key × ${(POINTS / 1e6).toFixed(2)} M points → ${BUCKETS} buckets (median of ${REPEATS})`);
    console.log('| query | total ms | ms per series | target per series |\n|---|---|---|---|');
    console.log(`| whole range, dispatch (IPC path) | ${wholeMs.toFixed(1)} | ${per(wholeMs)} | ${TARGET_MS_PER_SERIES} |`);
    console.log(`| whole range, HTTP + JSON (${(bytes / 1e6).toFixed(2)} MB) | ${httpMs.toFixed(1)} | ${per(httpMs)} | — |`);
    console.log(`| zoom to 1% of the steps, dispatch | ${zoomMs.toFixed(1)} | ${per(zoomMs)} | — |`);
    const goal = { value: TARGET_MS_PER_SERIES, text: `≤ ${TARGET_MS_PER_SERIES} ms per 1M-point series` };
    report({ area: 'query', name: `one ${M} series → ${BUCKETS.toLocaleString('en-US')} buckets over HTTP, p50`, value: percentile(single, 50), unit: 'ms', better: 'lower', goal });
    report({ area: 'query', name: `one ${M} series → ${BUCKETS.toLocaleString('en-US')} buckets over HTTP, p95`, value: percentile(single, 95), unit: 'ms', better: 'lower' });
    report({ area: 'query', name: `compare ${RUNS} runs × ${M} series → ${BUCKETS.toLocaleString('en-US')} shared buckets, dispatch (IPC path), per series`, value: wholeMs / RUNS, unit: 'ms', better: 'lower', goal, note: `median of ${REPEATS}; ${wholeMs.toFixed(0)} ms in all` });
    report({ area: 'query', name: `compare ${RUNS} runs × ${M} series over HTTP + JSON, per series`, value: httpMs / RUNS, unit: 'ms', better: 'lower', note: `median of ${REPEATS}; ${(bytes / 1e6).toFixed(2)} MB answer` });
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
