// Browser-side time from asking for a comparison to its charts drawn: 20 runs × 6 metric keys
// (issue 5's target: ≤ 1 s), measured in Debian's Chromium driven by Playwright against the
// built `runlens serve`. Prints figures; asserts nothing.
//   npm run build && npx tsx bench/compare-browser.bench.ts   (POINTS=50000 per series by default)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { chromium } from '@playwright/test';
import { percentile, post } from './lib/load-client';
import { startServe } from './lib/serve-process';

const RUNS = 20;
const KEYS = ['train/loss', 'val/loss', 'train/acc', 'val/acc', 'lr', 'grad_norm'];
const POINTS = Number(process.env.POINTS ?? 50_000);
const REPEATS = 5;
const TARGET_MS = 1000;
/**
 * Page-side code, as text because this file is type-checked without the DOM: resolves with the
 * milliseconds from the hash change to every chart saying it has drawn (compare-chart.tsx sets
 * `data-drawn`). A MutationObserver, not requestAnimationFrame polling: headless Chromium here
 * delays rAF callbacks by seconds when nothing is being painted.
 */
const MEASURE_SWITCH = `(hash) => new Promise((done) => {
  const drawn = () => {
    const charts = [...document.querySelectorAll('[data-testid="compare-chart"]')];
    return charts.length > 0 && charts.every((c) => c.getAttribute('data-drawn') === 'true');
  };
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (!drawn()) return;
    observer.disconnect();
    done(performance.now() - t0);
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
  window.location.hash = hash;
})`;
const ALL_DRAWN = `(() => {
  const charts = [...document.querySelectorAll('[data-testid="compare-chart"]')];
  return charts.length > 0 && charts.every((c) => c.getAttribute('data-drawn') === 'true');
})()`;

/** A plausible training curve per key, with noise, so the reduction has real work to do. */
function curve(key: string, run: number, step: number): number {
  const t = step / POINTS;
  const noise = Math.sin(step * 12.9898 + run * 78.233) * 0.02;
  if (key.endsWith('loss')) return 2 * Math.exp(-4 * t) * (1 + run * 0.01) + 0.1 + noise;
  if (key.endsWith('acc')) return 1 - 0.9 * Math.exp(-5 * t) - run * 0.002 + noise;
  if (key === 'lr') return 0.001 * 0.5 * (1 + Math.cos(Math.PI * t));
  return 1 + Math.abs(noise) * 20;
}

async function logRuns(url: URL, token: string | null): Promise<string[]> {
  const agent = new Agent({ keepAlive: true });
  const ids: string[] = [];
  for (let r = 0; r < RUNS; r++) {
    const created = await post(agent, url, '/api/v1/runs', JSON.stringify({ name: `bench-${r}`, params: { seed: r, lr: 0.001 * (1 + (r % 4)) } }), token);
    const id = (JSON.parse(created.text) as { run: { id: string } }).run.id;
    ids.push(id);
    const batch = 10_000;
    for (const key of KEYS) {
      for (let from = 0; from < POINTS; from += batch) {
        const metrics = [];
        for (let step = from; step < Math.min(POINTS, from + batch); step++) metrics.push({ key, step, value: curve(key, r, step), timestamp: 1_700_000_000_000 + step * 100 });
        const res = await post(agent, url, `/api/v1/runs/${id}/log`, JSON.stringify({ metrics }), token);
        if (res.status !== 200) throw new Error(`log failed: ${res.status} ${res.text}`);
      }
    }
  }
  agent.destroy();
  return ids;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'runlens-bench-compare-'));
  const serve = await startServe(dir, ['--no-auth']);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    console.log(`Logging ${RUNS} runs × ${KEYS.length} keys × ${POINTS.toLocaleString('en')} points…`);
    const ids = await logRuns(serve.url, serve.token);
    const compareHash = `#/compare?runs=${ids.join(',')}&keys=${KEYS.map(encodeURIComponent).join(',')}`;
    // The page's CSP forbids eval, which Playwright needs for a predicate given as text.
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });

    // Cold: a fresh page load of the compare link (app start, runs list, series query, draw).
    const cold: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      await page.goto('about:blank');
      await page.goto(new URL(`/${compareHash}`, serve.url).href);
      await page.waitForFunction(ALL_DRAWN, undefined, { timeout: 60_000, polling: 20 });
      cold.push(await page.evaluate(() => performance.now()));
    }

    // Warm: from the runs table (app and run list loaded) to a drawn comparison.
    const warm: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      await page.goto(new URL('/#/runs', serve.url).href);
      await page.waitForSelector('[data-testid="runs-table"]');
      warm.push(await page.evaluate(`(${MEASURE_SWITCH})(${JSON.stringify(compareHash)})`) as number);
    }

    const fmt = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `${percentile(s, 50).toFixed(0)} ms median (min ${s[0]!.toFixed(0)}, max ${s[s.length - 1]!.toFixed(0)})`;
    };
    console.log(`\nCompare ${RUNS} runs × ${KEYS.length} keys (${POINTS.toLocaleString('en')} points per series), Chromium headless, software rendering`);
    console.log(`| measure | time | target ${TARGET_MS} ms |\n|---|---|---|`);
    console.log(`| runs table → charts drawn | ${fmt(warm)} | ${(percentile([...warm].sort((a, b) => a - b), 50) / TARGET_MS).toFixed(2)} of target |`);
    console.log(`| fresh page load → charts drawn | ${fmt(cold)} | (includes app start) |`);
  } finally {
    await browser.close();
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
