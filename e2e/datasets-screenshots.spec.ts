// Not an assertion of behaviour: renders the datasets list, a dataset page with its version diff
// and chart, a run page's inputs and outputs, and the runs table's newer-data toggle, in both
// themes, into e2e/screenshots/ for a person to look at.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptedPipeline } from './fixtures/dataset-pipeline';
import { finishedRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';
import { DatasetsPage } from './pages/datasets-page';

const OUT = fileURLToPath(new URL('./screenshots/', import.meta.url));

test('screenshots of datasets, a version diff and a run’s inputs and outputs', async ({ page, server, runsPage, runPage }) => {
  await mkdir(OUT, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'runlens-e2e-dataset-shots-'));
  try {
    const { clean, prepare, trainOld, trainNew } = await scriptedPipeline(server, dir);
    // A third version (more rows, `text` renamed to `review`, a float score) and an eval set.
    const rows = Array.from({ length: 40 }, (_, i) => `${i + 1},review ${i + 1},${i % 3 ? 'pos' : 'neg'},en,${(0.5 + (i % 7) / 14).toFixed(3)}`);
    await writeFile(clean, ['id,review,label,lang,score', ...rows].join('\n') + '\n');
    const evalSet = join(dir, 'eval.jsonl');
    await writeFile(evalSet, Array.from({ length: 12 }, (_, i) => JSON.stringify({ text: `eval ${i}`, label: i % 2 })).join('\n') + '\n');
    const trainLatest = await finishedRun(server, { experiment: 'pipeline', name: 'train-latest' }, { loss: [0.8, 0.3] });
    await server.api('POST', `/api/v1/runs/${trainLatest}/inputs`, {
      inputs: [
        { path: clean, name: 'reviews/clean', context: 'train' },
        { path: evalSet, name: 'reviews/eval', context: 'validation' },
      ],
    });
    await server.api('POST', `/api/v1/runs/${trainNew}/inputs`, { inputs: [{ path: evalSet, name: 'reviews/eval', context: 'validation' }] });
    await server.api('POST', `/api/v1/runs/${trainLatest}/outputs`, { outputs: [{ path: join(dir, 'raw.csv'), name: 'reports/confusion', kind: 'artifact' }] });

    const datasets = new DatasetsPage(page, server.url);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await datasets.openList();
      await expect(datasets.listRows).toHaveCount(4);
      await page.screenshot({ path: `${OUT}datasets-list-${scheme}.png` });

      await datasets.open('reviews/clean');
      await expect(datasets.versionRows).toHaveCount(3);
      await expect(datasets.chart.locator('.recharts-line')).toHaveCount(2);
      await page.screenshot({ path: `${OUT}dataset-diff-${scheme}.png`, fullPage: true });

      await datasets.open('reviews/eval');
      await expect(page.getByTestId('version-schema')).toBeVisible();
      await page.screenshot({ path: `${OUT}dataset-one-version-${scheme}.png` });

      await runPage.open(trainNew);
      await expect(runPage.newerData).toBeVisible();
      await expect(runPage.datasetInput('reviews/clean').getByTestId('dataset-newer')).toBeVisible();
      await page.screenshot({ path: `${OUT}run-io-${scheme}.png`, fullPage: true });

      await runPage.open(prepare);
      await expect(runPage.datasetOutput('reviews/clean')).toBeVisible();
      await page.getByTestId('outputs-panel').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}run-io-outputs-${scheme}.png`, fullPage: true });

      await runsPage.open();
      await expect(runsPage.row(trainOld).getByTestId('row-newer-data')).toBeVisible();
      await page.screenshot({ path: `${OUT}runs-newer-data-${scheme}.png` });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('screenshots of the sample runs’ dataset chain and model', async ({ page, server, runsPage, runPage }) => {
  await mkdir(OUT, { recursive: true });
  await runsPage.open();
  await runsPage.loadSamplesButton.click();
  await expect(runsPage.rows.first()).toBeVisible();
  const datasets = new DatasetsPage(page, server.url);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await runPage.open('a7e0b1c2d3e4f5a6b7c8d9e0f1a2b301');
    await expect(runPage.models.getByTestId('model-output')).toBeVisible();
    await runPage.inputs.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}samples-run-io-${scheme}.png` });
    await datasets.openList();
    await expect(datasets.listRows).toHaveCount(3);
    await page.screenshot({ path: `${OUT}samples-datasets-${scheme}.png` });
  }
});
