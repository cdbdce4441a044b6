// Comparison chart query: 10 runs × one 1M-point key reduced to 2,000 shared buckets with
// querySeries, through the core's dispatch (as IPC calls it) and once over HTTP with its JSON,
// plus a zoom to 1% of the steps. Prints figures against the 50 ms per 1M-point series target;
// asserts only that every point was seen.
//   npx tsx bench/series-query.bench.ts        (SERIES_BENCH_RUNS=10, SERIES_BENCH_POINTS=1000000)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../src-main/core/core';
import type { SeriesQueryResult } from '../src-shared/domain';
import type { NewPoint } from '../src-main/core/store/metric-point';
import { medianMs } from './lib/median-ms';

const RUNS = Number(process.env.SERIES_BENCH_RUNS ?? 10);
const POINTS = Number(process.env.SERIES_BENCH_POINTS ?? 1_000_000);
const BUCKETS = 2000;
const REPEATS = 7;
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
    const per = (ms: number) => (ms / RUNS).toFixed(1);
    console.log(`\nquerySeries, ${RUNS} runs × 1 key × ${(POINTS / 1e6).toFixed(2)} M points → ${BUCKETS} buckets (median of ${REPEATS})`);
    console.log('| query | total ms | ms per series | target per series |\n|---|---|---|---|');
    console.log(`| whole range, dispatch (IPC path) | ${wholeMs.toFixed(1)} | ${per(wholeMs)} | ${TARGET_MS_PER_SERIES} |`);
    console.log(`| whole range, HTTP + JSON (${(bytes / 1e6).toFixed(2)} MB) | ${httpMs.toFixed(1)} | ${per(httpMs)} | — |`);
    console.log(`| zoom to 1% of the steps, dispatch | ${zoomMs.toFixed(1)} | ${per(zoomMs)} | — |`);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
