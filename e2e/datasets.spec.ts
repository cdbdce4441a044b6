// Dataset versions from a scripted pipeline (fixtures/dataset-pipeline): the dataset page lists
// both versions of the changed CSV and their exact diff, the first training run is flagged as
// trained on outdated data, and the runs table can show just it.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLEAN_V2, scriptedPipeline } from './fixtures/dataset-pipeline';
import { expect, test } from './fixtures/test';
import { DatasetsPage } from './pages/datasets-page';

const SAMPLE_MODEL_RUN = 'a7e0b1c2d3e4f5a6b7c8d9e0f1a2b301';
const SAMPLE_PREPARE_RUN = 'a7e0b1c2d3e4f5a6b7c8d9e0f1a2b300';

let dir = '';
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runlens-e2e-datasets-'));
});
test.afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('dataset versions, their diff, the runs that used them, and the newer-data flag', async ({ page, server, runsPage, runPage }) => {
  const { prepare, trainOld, trainNew } = await scriptedPipeline(server, dir);

  // The list: both names, the cleaned one with two versions; a row opens its page.
  const datasets = new DatasetsPage(page, server.url);
  await datasets.openList();
  await expect(datasets.listRows).toHaveCount(2);
  await expect(datasets.listRow('reviews/clean').getByTestId('dataset-versions')).toHaveText('2');
  await expect(datasets.listRow('reviews/raw').getByTestId('dataset-versions')).toHaveText('1');
  await datasets.listRow('reviews/clean').getByRole('link').click();
  await expect(page).toHaveURL(/#\/datasets\/reviews\/clean$/);

  // The page: two versions, who made and read each, rows and size over versions.
  await expect(datasets.versionCount).toHaveText('2 versions');
  await expect(datasets.versionRows).toHaveCount(2);
  await expect(datasets.versionRow(1).getByTestId('version-rows')).toHaveText('4');
  await expect(datasets.versionRow(2).getByTestId('version-rows')).toHaveText('7');
  await expect(datasets.versionRow(1).getByTestId('version-produced-by')).toHaveText('prepare');
  await expect(datasets.versionRow(1).getByTestId('version-used-by')).toHaveText(/train-old\s*train/);
  await expect(datasets.versionRow(2).getByTestId('version-used-by')).toHaveText(/train-new\s*train/);
  await expect(datasets.chart.locator('.recharts-line')).toHaveCount(2);

  // The diff, latest against the one before by default: exactly the changes made.
  await expect(datasets.diffRowsDelta).toHaveText('+3');
  await expect(datasets.columnsAdded).toHaveCount(1);
  await expect(datasets.columnsAdded).toHaveAttribute('data-name', 'lang');
  await expect(datasets.columnsRetyped).toHaveCount(1);
  await expect(datasets.columnsRetyped).toHaveAttribute('data-name', 'label');
  await expect(datasets.columnsRetyped).toContainText(/int\w*\s*→\s*string/);
  await expect(datasets.columnsRemoved).toHaveCount(0);
  await expect(page.getByTestId('diff-digest')).toContainText('changed');
  // Picking the same version on both sides shows no change.
  const v1 = await datasets.diffBase.locator('option').nth(0).getAttribute('value');
  const v2 = await datasets.diffBase.locator('option').nth(1).getAttribute('value');
  await datasets.diffNext.selectOption(v1!);
  await expect(datasets.diffRowsDelta).toHaveText('±0');
  await expect(page.getByTestId('diff-columns-same')).toContainText('Same 3 columns');
  await datasets.diffNext.selectOption(v2!);
  await expect(datasets.lineageLink).toHaveAttribute('href', /#\/lineage\?focus=dataset(%3A|:)\d+$/);

  // The old training run: its input is outdated, and the run says so.
  await datasets.versionRow(1).getByRole('link', { name: /train-old/ }).click();
  await expect(runPage.root).toHaveAttribute('data-run-id', trainOld);
  await expect(runPage.newerData).toBeVisible();
  await expect(runPage.newerData).toHaveAttribute('title', /reviews\/clean has a newer version/);
  const oldInput = runPage.datasetInput('reviews/clean');
  await expect(oldInput.getByTestId('dataset-context')).toHaveText('train');
  await expect(oldInput.getByTestId('dataset-version')).toHaveText('v1');
  await expect(oldInput.getByTestId('dataset-rows')).toHaveText('4 rows');
  await expect(oldInput.getByTestId('dataset-format')).toContainText('csv');
  await expect(oldInput.getByTestId('dataset-newer')).toBeVisible();
  await expect(runPage.lineageLink).toHaveAttribute('href', new RegExp(`#/lineage\\?focus=run(%3A|:)${trainOld}$`));

  // The new one reads the latest version: no badge.
  await runPage.open(trainNew);
  await expect(runPage.datasetInput('reviews/clean').getByTestId('dataset-version')).toHaveText('v2');
  await expect(runPage.datasetInput('reviews/clean').getByTestId('dataset-newer')).toHaveCount(0);
  await expect(runPage.newerData).toHaveCount(0);

  // The prepare run: raw in, clean out, each linked to its dataset page.
  await runPage.open(prepare);
  await expect(runPage.datasetInput('reviews/raw')).toBeVisible();
  await expect(runPage.datasetOutput('reviews/clean').getByTestId('dataset-version')).toHaveText('v1');
  await runPage.datasetInput('reviews/raw').getByTestId('dataset-link').click();
  await expect(datasets.versionCount).toHaveText('1 version');
  await expect(datasets.diff).toHaveCount(0);
  await expect(page.getByTestId('version-schema')).toContainText(/id\s*int\w*/);

  // The runs table: the badge on the stale run only, and the toggle shows just it.
  await runsPage.open();
  await expect(runsPage.rowCount).toHaveText('3 runs');
  await expect(runsPage.row(trainOld).getByTestId('row-newer-data')).toBeVisible();
  await expect(runsPage.row(trainNew).getByTestId('row-newer-data')).toHaveCount(0);
  await expect(runsPage.row(prepare).getByTestId('row-newer-data')).toHaveCount(0);
  await expect(runsPage.newerDataToggle).toHaveAccessibleName('Newer data available (1)');
  await runsPage.newerDataToggle.click();
  await expect(runsPage.newerDataToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(runsPage.rowCount).toHaveText('1 of 3 runs');
  await expect(runsPage.row(trainOld)).toBeVisible();
  await runsPage.newerDataToggle.click();
  await expect(runsPage.rowCount).toHaveText('3 runs');
});

test('the sample runs bring a dataset chain and a model', async ({ page, runsPage, runPage, server }) => {
  await runsPage.open();
  await runsPage.loadSamplesButton.click();
  await expect(runsPage.rows.first()).toBeVisible();

  await runPage.open(SAMPLE_MODEL_RUN);
  await expect(runPage.datasetInput('imdb-reviews/clean').getByTestId('dataset-context')).toHaveText('train');
  await expect(runPage.datasetInput('imdb-reviews/eval').getByTestId('dataset-context')).toHaveText('validation');
  await expect(runPage.datasetInput('imdb-reviews/clean').getByTestId('dataset-rows')).toHaveText(/^\d+ rows$/);
  await expect(runPage.models.getByTestId('model-output')).toContainText('distilbert-sentiment');

  await runPage.open(SAMPLE_PREPARE_RUN);
  await expect(runPage.datasetInput('imdb-reviews/raw')).toBeVisible();
  await expect(runPage.datasetOutput('imdb-reviews/clean')).toBeVisible();

  const datasets = new DatasetsPage(page, server.url);
  await datasets.openList();
  await expect(datasets.listRows).toHaveCount(3);
  await datasets.open('imdb-reviews/clean');
  await expect(datasets.versionRow(1).getByTestId('version-produced-by')).toHaveText('prepare-reviews');
  await expect(datasets.versionRow(1).getByTestId('version-used-by')).toContainText('distilbert-lr2e-5');
});

/** A finished run folder that read `data/clean.csv` (train) and, optionally, output a model. */
async function trainingFolder(watchDir: string, name: string, csv: string, model: boolean): Promise<string> {
  const id = `${name}-0123456789abcdef`.replace(/[^\w-]/g, '');
  const source = join(dir, name);
  await mkdir(join(source, 'data'), { recursive: true });
  await writeFile(join(source, 'data', 'clean.csv'), csv);
  await writeFile(join(source, 'run.json'), JSON.stringify({ id, experiment: 'folders', name, status: 'FINISHED', startTime: Date.now(), endTime: Date.now() }));
  await writeFile(join(source, 'inputs.json'), JSON.stringify([{ path: 'data/clean.csv', name: 'folder/clean', context: 'train' }]));
  if (model) {
    await mkdir(join(source, 'artifacts', 'model'), { recursive: true });
    await writeFile(join(source, 'artifacts', 'model', 'MLmodel'), 'artifact_path: model\nflavors: {}\n');
    await writeFile(join(source, 'outputs.json'), JSON.stringify([{ kind: 'model', name: 'folder-model', path: 'artifacts/model' }]));
  }
  // Copied in whole, so the watcher never reads a half-written folder.
  await cp(source, join(watchDir, name), { recursive: true });
  return id;
}

test('a model trained on data that changed since shows the newer-data badge', async ({ server, runsPage, runPage }) => {
  await runsPage.open();
  const withModel = await trainingFolder(server.watchDir, 'folder-train-c', 'id,text,label\n1,good,1\n2,bad,0\n', true);
  await expect(runsPage.row(withModel)).toBeVisible();
  await runPage.open(withModel);
  await expect(runPage.models.getByTestId('model-output')).toContainText('folder-model');
  await expect(runPage.models.getByTestId('model-newer-data')).toHaveCount(0);

  // Another run reads a newer version of the same dataset: the first run's model is now stale.
  const later = await trainingFolder(server.watchDir, 'folder-train-d', CLEAN_V2, false);
  await runsPage.open();
  await expect(runsPage.row(later)).toBeVisible();
  await expect(runsPage.row(withModel).getByTestId('row-newer-data')).toBeVisible();
  await runPage.open(withModel);
  await expect(runPage.newerData).toHaveAttribute('title', /folder\/clean has a newer version/);
  await expect(runPage.models.getByTestId('model-newer-data')).toBeVisible();
});
