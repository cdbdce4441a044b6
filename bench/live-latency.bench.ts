// Live latency: one point logged over HTTP → its `points.appended` event received over SSE by a
// browser page (Debian's Chromium driven by Playwright against the built `runlens serve`, the
// page reading /api/v1/events with its token as the app's HTTP event feed does). Points are
// logged one at a time, each after the previous one's event and its chart update, so every point
// waits out the event hub's whole coalescing window: FLUSH_MS is the floor of these figures. The
// page is the app's run page, so also measured: until its chart's point count shows the point
// (the app refetched the series on the event and rendered it). Each point comes right after the
// previous refetch, so it meets the run page's own throttle, one refetch per key per 500 ms
// (series-store.ts): that figure sits near 500 ms by design. Prints figures; asserts only that
// every point's event arrived and the chart showed it. Reports to the bench runner (bench/run-all.ts).
//   npm run build && npx tsx bench/live-latency.bench.ts        (LIVE_BENCH_POINTS=200; BENCH_QUICK=1: 50)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { FLUSH_MS } from '../src-main/core/events/event-hub';
import { percentile } from './lib/load-client';
import { QUICK, report } from './lib/result';
import { startServe } from './lib/serve-process';

const POINTS = Number(process.env.LIVE_BENCH_POINTS ?? (QUICK ? 50 : 200));

/**
 * Page-side code, as text because this file is type-checked without the DOM. Both clocks are the
 * page's: t0 just before the POST, then the ack, the event and the chart's count. Resolves with
 * per-point [ack ms, event ms, chart ms], or rejects if an event or the chart is 10 s late.
 */
const MEASURE = `async ({ runId, points }) => {
  const token = document.querySelector('meta[name="runlens-token"]').content;
  const auth = token ? { Authorization: 'Bearer ' + token } : {};
  const res = await fetch('/api/v1/events', { headers: { ...auth, Accept: 'text/event-stream' }, cache: 'no-store' });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let waiting = null;
  let buffer = '';
  (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf('\\n\\n'); end >= 0; end = buffer.indexOf('\\n\\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (type === 'points.appended' && waiting && JSON.parse(data).runId === runId) waiting(performance.now());
      }
    }
  })();
  const chartShows = (count) => new Promise((done, fail) => {
    const shown = () => document.querySelector('[data-testid="run-chart"][data-metric-key="loss"] [data-testid="points-count"]')?.textContent === count.toLocaleString('en-US');
    const late = setTimeout(() => (observer.disconnect(), fail(new Error('the chart never showed ' + count + ' points'))), 10000);
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      clearTimeout(late);
      observer.disconnect();
      done(performance.now());
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const out = [];
  for (let step = 0; step < points; step++) {
    const event = new Promise((done, fail) => {
      const late = setTimeout(() => fail(new Error('no event for step ' + step)), 10000);
      waiting = (t) => { clearTimeout(late); waiting = null; done(t); };
    });
    const chart = chartShows(step + 1);
    const t0 = performance.now();
    const body = JSON.stringify({ metrics: [{ key: 'loss', value: Math.exp(-step / 50), step, timestamp: Date.now() }] });
    const ack = await fetch('/api/v1/runs/' + runId + '/log', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
    if (ack.status !== 200) throw new Error('log refused: ' + ack.status);
    const acked = performance.now();
    out.push([acked - t0, (await event) - t0, (await chart) - t0]);
  }
  reader.cancel();
  return out;
}`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'runlens-bench-live-'));
  const serve = await startServe(dir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const created = await fetch(new URL('/api/v1/runs', serve.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(serve.token ? { authorization: `Bearer ${serve.token}` } : {}) },
      body: JSON.stringify({ name: 'live' }),
    });
    const runId = ((await created.json()) as { run: { id: string } }).run.id;
    // The page's CSP forbids eval, which Playwright needs for a function given as text.
    const page = await browser.newPage({ bypassCSP: true });
    // The run's own page, so the app's feed and its refetches run beside the measurement as they would for a user.
    await page.goto(new URL(`/#/runs/${runId}`, serve.url).href);
    const pairs = (await page.evaluate(`(${MEASURE})(${JSON.stringify({ runId, points: POINTS })})`)) as [number, number, number][];
    if (pairs.length !== POINTS) throw new Error(`measured ${pairs.length} of ${POINTS} points`);
    const ack = pairs.map((p) => p[0]).sort((a, b) => a - b);
    const event = pairs.map((p) => p[1]).sort((a, b) => a - b);
    const chart = pairs.map((p) => p[2]).sort((a, b) => a - b);
    const row = (name: string, xs: number[]) => `| ${name} | ${percentile(xs, 50).toFixed(1)} | ${percentile(xs, 95).toFixed(1)} | ${xs[xs.length - 1]!.toFixed(1)} |`;
    console.log(`\nLive latency, ${POINTS} points logged one at a time from a Chromium page (floor: the event hub's ${FLUSH_MS} ms coalescing window)`);
    console.log('| from the POST to | p50 ms | p95 ms | max ms |\n|---|---|---|---|');
    console.log(row('its 200 (committed)', ack));
    console.log(row('its points.appended SSE event in the page', event));
    console.log(row("the run page's chart counting it", chart));
    console.log(`| the same, above the ${FLUSH_MS} ms floor | ${(percentile(event, 50) - FLUSH_MS).toFixed(1)} | ${(percentile(event, 95) - FLUSH_MS).toFixed(1)} | — |`);
    const note = `${POINTS} points one at a time; floor ${FLUSH_MS} ms (the event hub's coalescing window)`;
    report({ area: 'live', name: 'point logged over HTTP → its SSE event in a Chromium page, p50', value: percentile(event, 50), unit: 'ms', better: 'lower', note });
    report({ area: 'live', name: 'point logged over HTTP → its SSE event in a Chromium page, p95', value: percentile(event, 95), unit: 'ms', better: 'lower', note });
    report({ area: 'live', name: "point logged over HTTP → the run page's chart shows it, p50", value: percentile(chart, 50), unit: 'ms', better: 'lower', note: `p95 ${percentile(chart, 95).toFixed(1)} ms; floor: the run page refetches a key at most every 500 ms` });
    report({ area: 'live', name: 'the same point\'s 200 (committed), p50', value: percentile(ack, 50), unit: 'ms', better: 'lower', note: `p95 ${percentile(ack, 95).toFixed(1)} ms` });
  } finally {
    await browser.close();
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
