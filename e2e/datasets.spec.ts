// Dataset versions from a scripted pipeline: a prepare run turns raw.csv into clean.csv, a
// training run reads it; then clean.csv changes (a column added, one retyped, rows added) and a
// second training run reads it. The dataset page lists both versions and their exact diff, the
// first training run is flagged as trained on outdated data, and the runs table can show just it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishedRun } from './fixtures/runs-api';
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
  const raw = join(dir, 'raw.csv');
  const clean = join(dir, 'clean.csv');
  await writeFile(raw, 'id,text,label\n1, good ,1\n2,bad,0\n2,bad,0\n3,fine,1\n4,,0\n5,meh,0\n');
  await writeFile(clean, 'id,text,label\n1,good,1\n2,bad,0\n3,fine,1\n5,meh,0\n');

  const prepare = await finishedRun(server, { experiment: 'pipeline', name: 'prepare' }, { rows_out: [4] });
  await server.api('POST', `/api/v1/runs/${prepare}/inputs`, { inputs: [{ path: raw, name: 'reviews/raw' }] });
  await server.api('POST', `/api/v1/runs/${prepare}/outputs`, { outputs: [{ path: clean, name: 'reviews/clean' }] });
  const trainOld = await finishedRun(server, { experiment: 'pipeline', name: 'train-old' }, { loss: [1, 0.5] });
  await server.api('POST', `/api/v1/runs/${trainOld}/inputs`, { inputs: [{ path: clean, name: 'reviews/clean', context: 'train' }] });

  // The cleaned data changes: `lang` is added, `label` becomes text, three rows are added.
  await writeFile(clean, 'id,text,label,lang\n1,good,pos,en\n2,bad,neg,en\n3,fine,pos,fr\n5,meh,neg,en\n6,great,pos,de\n7,awful,neg,en\n8,ok,pos,en\n');
  const trainNew = await finishedRun(server, { experiment: 'pipeline', name: 'train-new' }, { loss: [0.9, 0.4] });
  await server.api('POST', `/api/v1/runs/${trainNew}/inputs`, { inputs: [{ path: clean, name: 'reviews/clean', context: 'train' }] });

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
  const [v1, v2] = await datasets.diffBase.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
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

  // The runs table: the badge on the stale run only, and the toggle shows just it.
  await runsPage.open();
  await expect(runsPage.rowCount).toHaveText('3 runs');
  await expect(runsPage.row(trainOld).getByTestId('row-newer-data')).toBeVisible();
  await expect(runsPage.row(trainNew).getByTestId('row-newer-data')).toHaveCount(0);
  await expect(runsPage.row(prepare).getByTestId('row-newer-data')).toHaveCount(0);
  await expect(runsPage.newerDataToggle).toHaveText(/Newer data available \(1\)/);
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
