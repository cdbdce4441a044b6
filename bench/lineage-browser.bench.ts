// Browser-side time to a drawn lineage graph of ~5,000 nodes, and to a model's upstream focus
// on it, in Debian's Chromium driven by Playwright against the built `runlens serve`. The graph
// is made the way clients make it, over HTTP: chains raw → prepare run → clean → two training
// runs (train context) → a model of the second, each prepare run also reading one of a few
// shared vocabularies, datasets named by digest. Prints figures; asserts nothing beyond the
// graph having the size it was built to have.
//   npm run build && npx tsx bench/lineage-browser.bench.ts   (LINEAGE_CHAINS=830 by default)
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { LineageGraph } from '../src-shared/domain';
import { percentile, post } from './lib/load-client';
import { startServe } from './lib/serve-process';

const CHAINS = Number(process.env.LINEAGE_CHAINS ?? 830);
const VOCABULARIES = 20;
const IN_FLIGHT = 4;
const REPEATS = 5;

/**
 * Page-side code, as text because this file is type-checked without the DOM, and run with the
 * page's CSP bypassed (it forbids eval). Resolves with the milliseconds from setting the hash to
 * the canvas's `data-drawn` (lineage-canvas.tsx sets it two frames after a layout is committed)
 * or, for a focus, to the node drawn focused with its panel open. A MutationObserver, not rAF
 * polling: headless Chromium delays rAF by seconds when nothing is painted.
 */
const MEASURE = `([hash, ...selectors]) => new Promise((done) => {
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (!selectors.every((s) => document.querySelector(s))) return;
    observer.disconnect();
    done(performance.now() - t0);
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn', 'data-tone', 'data-node-id'] });
  window.location.hash = hash;
})`;
const DRAWN = '[data-testid="lineage-canvas"][data-drawn]';

const digest = (kind: string, i: number) => `sha256:${kind}${String(i).padStart(8, '0')}`.padEnd(71, '0');

async function buildGraph(url: URL, token: string | null): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const call = async (path: string, body: unknown) => {
    const res = await post(agent, url, path, JSON.stringify(body), token);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${res.text}`);
    return JSON.parse(res.text) as Record<string, unknown>;
  };
  const run = async (name: string) => (await call('/api/v1/runs', { experiment: 'lineage-bench', name })).run as { id: string; experimentId: string };
  const chain = async (i: number) => {
    const raw = { digest: digest('a', i), name: `raw-${i}.csv` };
    const clean = { digest: digest('b', i), name: `clean-${i}.parquet` };
    const vocab = { digest: digest('c', i % VOCABULARIES), name: `vocab-${i % VOCABULARIES}.json` };
    const prepare = await run(`prepare-${i}`);
    await call(`/api/v1/runs/${prepare.id}/inputs`, { inputs: [raw, vocab] });
    await call(`/api/v1/runs/${prepare.id}/outputs`, { outputs: [clean] });
    const trains = [await run(`train-${i}-a`), await run(`train-${i}-b`)];
    for (const t of trains) await call(`/api/v1/runs/${t.id}/inputs`, { inputs: [{ ...clean, context: 'train' }] });
    await call('/api/2.0/mlflow/logged-models', { experiment_id: trains[1]!.experimentId, name: `model-${i}`, source_run_id: trains[1]!.id });
  };
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < CHAINS) await chain(next++);
  }));
  agent.destroy();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'runlens-bench-lineage-'));
  const serve = await startServe(dir, ['--no-auth']);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const t0 = performance.now();
    await buildGraph(serve.url, serve.token);
    const fetchStart = performance.now();
    const graph = (await (await fetch(new URL('/api/v1/lineage', serve.url))).json()) as LineageGraph;
    const fetchMs = performance.now() - fetchStart;
    console.log(`Built ${graph.nodes.length.toLocaleString('en')} nodes, ${graph.edges.length.toLocaleString('en')} edges over HTTP in ${((fetchStart - t0) / 1000).toFixed(1)} s; GET /api/v1/lineage ${fetchMs.toFixed(0)} ms`);
    if (graph.nodes.length < CHAINS * 6) throw new Error(`expected ≥ ${CHAINS * 6} nodes, got ${graph.nodes.length}`);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    page.on('crash', () => console.error('page crashed'));
    page.on('pageerror', (e) => console.error('page error:', e.message));

    // Cold: a fresh page load of #/lineage (app start, graph fetch, layout in the worker, draw).
    const cold: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      await page.goto('about:blank');
      await page.goto(new URL('/#/lineage', serve.url).href);
      await page.waitForSelector(DRAWN, { timeout: 60_000 }).catch(async (error: unknown) => {
        const status = await page.locator('[data-testid="lineage-page"]').getAttribute('data-status').catch(() => 'no page');
        throw new Error(`not drawn (page status ${status}): ${String(error)}`);
      });
      cold.push(await page.evaluate(() => performance.now()));
    }

    // From the runs table (app loaded) to the drawn graph: the layout is cached while the
    // graph keeps its shape, so this is fetch + draw.
    const warm: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      await page.goto(new URL('/#/runs', serve.url).href);
      await page.waitForSelector('[data-testid="runs-table"]');
      warm.push((await page.evaluate(`(${MEASURE})(${JSON.stringify(['#/lineage', DRAWN])})`)) as number);
    }

    // Focus on a model on screen: its upstream chain lit, others dimmed, its panel open.
    const focus: number[] = [];
    await page.goto(new URL('/#/lineage', serve.url).href);
    await page.waitForSelector(DRAWN);
    const onScreen = (await page.locator('[data-testid="lineage-node"][data-kind="model"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-node-id')))) as string[];
    for (let i = 0; i < REPEATS; i++) {
      const model = onScreen[i % onScreen.length]!;
      const lit = [`[data-testid="lineage-node"][data-node-id="${model}"][data-tone="focus"]`, `[data-testid="lineage-panel"][data-node-id="${model}"]`, '[data-testid="lineage-node"][data-tone="dim"]'];
      focus.push((await page.evaluate(`(${MEASURE})(${JSON.stringify([`#/lineage?focus=${encodeURIComponent(model)}`, ...lit])})`)) as number);
      await page.evaluate(`(${MEASURE})(${JSON.stringify(['#/lineage', DRAWN])})`);
    }
    const drawnNodes = await page.locator('[data-testid="lineage-node"]').count();

    const fmt = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `${percentile(s, 50).toFixed(0)} ms median (min ${s[0]!.toFixed(0)}, max ${s[s.length - 1]!.toFixed(0)})`;
    };
    console.log(`\nLineage page, ${graph.nodes.length.toLocaleString('en')} nodes / ${graph.edges.length.toLocaleString('en')} edges, Chromium headless, software rendering, 1440×900 (${drawnNodes} nodes on screen)`);
    console.log('| measure | time |\n|---|---|');
    console.log(`| fresh page load → graph drawn (fetch, dagre in a worker, draw) | ${fmt(cold)} |`);
    console.log(`| runs table → graph drawn (layout cached) | ${fmt(warm)} |`);
    console.log(`| focus a model → upstream lit, panel open | ${fmt(focus)} |`);
  } finally {
    await browser.close();
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
