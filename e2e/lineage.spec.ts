// The scripted pipeline through the native API: raw.csv → run A → clean.csv → runs B and
// C (train) → a model from C; then raw.csv changes on disk. The lineage page must draw exactly
// those nodes and edges, focus on the model must light exactly the chain that made it, and the
// model must say newer data is available. Screenshots of it, light and dark, for a person.
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LineageGraph, RunSummary } from '../src-shared/domain';
import type { RunlensServer } from './fixtures/runlens-server';
import { createRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';
import { LineagePage } from './pages/lineage-page';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

interface Pipeline {
  dir: string;
  raw: string;
  runs: Record<'A' | 'B' | 'C', RunSummary>;
  modelId: string;
}

async function scriptedPipeline(server: RunlensServer, dir: string): Promise<Pipeline> {
  const raw = join(dir, 'raw.csv');
  const clean = join(dir, 'clean.csv');
  await writeFile(raw, 'id,text,label\n1,great film,1\n2, awful ,0\n3,,1\n4,fine,1\n');
  const a = await createRun(server, { experiment: 'reviews', name: 'clean-reviews' });
  await server.api('POST', `/api/v1/runs/${a.id}/inputs`, { inputs: [{ path: raw }] });
  await writeFile(clean, 'id,text,label\n1,great film,1\n2,awful,0\n4,fine,1\n');
  await server.api('POST', `/api/v1/runs/${a.id}/outputs`, { outputs: [{ path: clean }] });
  const b = await createRun(server, { experiment: 'reviews', name: 'train-small', params: { lr: '0.01' } });
  const c = await createRun(server, { experiment: 'reviews', name: 'train-large', params: { lr: '0.001' } });
  for (const run of [b, c]) await server.api('POST', `/api/v1/runs/${run.id}/inputs`, { inputs: [{ path: clean, context: 'train' }] });
  const { model } = await server.api<{ model: { info: { model_id: string } } }>('POST', '/api/2.0/mlflow/logged-models', {
    experiment_id: c.experimentId,
    name: 'sentiment-classifier',
    source_run_id: c.id,
  });
  return { dir, raw, runs: { A: a, B: b, C: c }, modelId: model.info.model_id };
}

const lineage = (server: RunlensServer) => server.api<LineageGraph>('GET', '/api/v1/lineage');

test.describe('lineage page', () => {
  let dir: string;
  test.beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'runlens-e2e-lineage-'));
  });
  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('draws the scripted pipeline, focuses a model on what made it, flags newer data', async ({ page, server }) => {
    test.setTimeout(90_000);
    const p = await scriptedPipeline(server, dir);
    const ids = (await lineage(server)).nodes;
    const id = (label: string) => ids.find((n) => n.label === label)?.id ?? `missing ${label}`;
    const [raw1, clean1] = [id('raw.csv'), id('clean.csv')];
    const [runA, runB, runC] = [`run:${p.runs.A.id}`, `run:${p.runs.B.id}`, `run:${p.runs.C.id}`];
    const model = `model:${p.modelId}`;

    const lineagePage = new LineagePage(page, server.url);
    await lineagePage.open();
    await lineagePage.waitDrawn();
    await expect(lineagePage.nodes).toHaveCount(6);
    expect(await lineagePage.nodeIds()).toEqual([clean1, raw1, runA, runB, runC, model].sort());
    await expect(lineagePage.nodesOfKind('dataset')).toHaveCount(2);
    await expect(lineagePage.nodesOfKind('run')).toHaveCount(3);
    await expect(lineagePage.nodesOfKind('model')).toHaveCount(1);
    // The derived raw → clean edge is not drawn: the path through run A already says it.
    expect(await lineagePage.edgePairs()).toEqual(
      [`input ${raw1}>${runA}`, `output ${runA}>${clean1}`, `input ${clean1}>${runB}`, `input ${clean1}>${runC}`, `output ${runC}>${model}`].sort(),
    );
    await expect(lineagePage.edgeLabels).toHaveText(['train', 'train']);
    await expect(page.getByTestId('lineage-newer-data')).toHaveCount(0);

    // Focus on the model: exactly raw → A → clean → C → model lights up, B stays dim.
    await lineagePage.node(model).click();
    await expect(page).toHaveURL(new RegExp(`#/lineage\\?focus=${encodeURIComponent(model)}`));
    await expect(lineagePage.node(model)).toHaveAttribute('data-tone', 'focus');
    expect(await lineagePage.nodeIds('lit')).toEqual([raw1, runA, clean1, runC].sort());
    expect(await lineagePage.nodeIds('dim')).toEqual([runB]);
    expect(await lineagePage.edgePairs('lit')).toEqual([`input ${raw1}>${runA}`, `output ${runA}>${clean1}`, `input ${clean1}>${runC}`, `output ${runC}>${model}`].sort());
    await expect(lineagePage.panel).toHaveAttribute('data-node-id', model);
    await expect(page.getByTestId('lineage-model-run')).toHaveText('train-large');
    await expect(page.getByTestId('lineage-open-model')).toHaveAttribute('href', `#/runs/${p.runs.C.id}`);

    // A reload keeps the focus; Esc clears it.
    await page.reload();
    await lineagePage.waitDrawn();
    await expect(lineagePage.node(model)).toHaveAttribute('data-tone', 'focus');
    await page.keyboard.press('Escape');
    await expect(lineagePage.panel).toHaveCount(0);
    await expect(lineagePage.nodes.and(page.locator('[data-tone="dim"]'))).toHaveCount(0);

    // Focus on clean.csv: what it fed; its panel compares the two runs that trained on it.
    await lineagePage.node(clean1).click();
    expect(await lineagePage.nodeIds('lit')).toEqual([runB, runC, model].sort());
    await expect(page.getByTestId('lineage-panel-version')).toHaveText('1 of 1');
    await expect(page.getByTestId('lineage-panel-columns').locator('li')).toHaveCount(3);
    await page.getByTestId('lineage-compare-runs').click();
    await expect(page).toHaveURL(/#\/compare\?/);
    expect(decodeURIComponent(page.url())).toContain(`runs=${p.runs.B.id},${p.runs.C.id}`);

    // Search: matches light up, Enter centres the first.
    await lineagePage.open('q=train');
    await lineagePage.waitDrawn();
    await expect(lineagePage.matchCount).toContainText('2 of 6');
    expect(await lineagePage.nodeIds('match')).toEqual([runB, runC].sort());

    // raw.csv changes on disk: the core notices, and everything made from v1 has newer data.
    await lineagePage.open();
    await lineagePage.waitDrawn();
    await appendFile(p.raw, '5,new review,0\n');
    await expect(lineagePage.nodes).toHaveCount(7, { timeout: 30_000 });
    await expect(lineagePage.nodesOfKind('dataset')).toHaveCount(3);
    await expect(lineagePage.node(raw1).getByTestId('lineage-newer-version')).toBeVisible();
    await expect(lineagePage.node(model).getByTestId('lineage-newer-data')).toBeVisible();
    await expect(lineagePage.node(runC).getByTestId('lineage-newer-data')).toBeVisible();
    expect((await lineagePage.edgePairs()).length).toBe(5);

    await mkdir(SHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // A reload, not only a new hash: the page keeps its viewport across hash changes.
      await lineagePage.open();
      await page.reload();
      await lineagePage.waitDrawn();
      await page.screenshot({ path: `${SHOTS}lineage-pipeline-${scheme}.png` });
      await lineagePage.node(model).click();
      await expect(lineagePage.panel).toBeVisible();
      await page.screenshot({ path: `${SHOTS}lineage-focus-model-${scheme}.png` });
      await lineagePage.node(clean1).click();
      await expect(page.getByTestId('lineage-panel-columns')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}lineage-focus-dataset-${scheme}.png` });
    }
  });

  test('says how to record lineage when there is none', async ({ page, server }) => {
    const lineagePage = new LineagePage(page, server.url);
    await lineagePage.open();
    await expect(lineagePage.empty).toBeVisible();
    await expect(page.getByTestId('lineage-curl')).toContainText(`${server.url}api/v1/runs/RUN_ID/inputs`.replace(/\/api/, '/api'));
    await page.screenshot({ path: `${SHOTS}lineage-empty-light.png` });
  });
});
