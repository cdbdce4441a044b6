// A run logged through MLflow's REST routes (as the `mlflow` client would): its page shows the
// artifacts (browsable, previewed), the dataset inputs, and follows deletion live.
import { createMlflowRun, gradientPng, logDatasetInputs, mlflowPost, putArtifact, type MlflowRun } from './fixtures/mlflow-rest';
import type { RunlensServer } from './fixtures/runlens-server';
import { expect, test } from './fixtures/test';

const PARAMS_JSON = '{"lr":0.01,"layers":[64,32],"optimizer":{"name":"adam","betas":[0.9,0.999]}}';

async function logRun(server: RunlensServer): Promise<MlflowRun> {
  const run = await createMlflowRun(server, 'mlflow-e2e');
  const now = Date.now();
  await mlflowPost(server, 'runs/log-batch', {
    run_id: run.runId,
    metrics: Array.from({ length: 20 }, (_, step) => ({ key: 'loss', value: 1 / (1 + step), timestamp: now + step, step })),
    params: [
      { key: 'lr', value: '0.01' },
      { key: 'epochs', value: '20' },
    ],
  });
  await putArtifact(server, run, 'config/params.json', PARAMS_JSON);
  await putArtifact(server, run, 'plots/curve.png', gradientPng(48, 32));
  await putArtifact(server, run, 'notes.txt', 'first epoch looked fine\n');
  await putArtifact(server, run, 'weights.bin', new Uint8Array([0, 1, 2, 3, 0, 255, 0, 7]));
  await logDatasetInputs(server, run, [
    {
      name: 'train',
      digest: 'abc123',
      context: 'training',
      uri: '/data/train.csv',
      columns: [
        { type: 'double', name: 'x' },
        { type: 'long', name: 'label' },
      ],
      rows: 42,
    },
  ]);
  return run;
}

test('the run page browses and previews an MLflow run’s artifacts and shows its inputs', async ({ server, runsPage, runPage, page }) => {
  const run = await logRun(server);
  await runsPage.open();
  await runsPage.openRun(run.runId);
  await expect(runPage.name).toHaveText('mlflow-e2e');
  await expect(runPage.source).toHaveText('MLflow API');

  // Folders come first, collapsed; sizes are human-readable.
  const config = runPage.artifact('config');
  await expect(config).toHaveAttribute('aria-expanded', 'false');
  await expect(runPage.artifact('notes.txt')).toContainText('24 B');
  await expect(runPage.artifact('config/params.json')).toHaveCount(0);

  // Keyboard: → opens the folder, ↓ moves into it, Enter previews the file.
  await config.focus();
  await page.keyboard.press('ArrowRight');
  await expect(config).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(runPage.artifact('config/params.json')).toBeFocused();
  await page.keyboard.press('Enter');
  const text = runPage.preview.getByTestId('artifact-preview-text');
  await expect(text).toHaveAttribute('data-pretty', 'true');
  expect(await text.textContent()).toBe(JSON.stringify(JSON.parse(PARAMS_JSON), null, 2));

  // Mouse: open another folder, preview the image inline.
  await runPage.artifact('plots').click();
  await runPage.artifact('plots/curve.png').click();
  const image = runPage.preview.getByTestId('artifact-preview-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(48);

  // A binary file is named as such, with its size, not dumped as text.
  await runPage.artifact('weights.bin').click();
  await expect(runPage.preview.getByTestId('artifact-preview-binary')).toHaveText('Binary file · 8 B');

  // The dataset input, with MLflow's JSON fields read.
  const train = runPage.datasetInput('train');
  await expect(train.getByTestId('dataset-context')).toHaveText('training');
  await expect(train.getByTestId('dataset-digest')).toHaveText('abc123');
  await expect(train.getByTestId('dataset-source')).toHaveText('/data/train.csv');
  await expect(train.getByTestId('dataset-rows')).toHaveText('42 rows');
  await expect(train.getByTestId('dataset-columns').locator('tr')).toHaveText([/x\s*double/, /label\s*long/]);

  // A file logged while the page is open appears with the run's next update.
  await putArtifact(server, run, 'late.txt', 'logged later');
  await mlflowPost(server, 'runs/log-batch', { run_id: run.runId, metrics: [{ key: 'loss', value: 0.01, timestamp: Date.now(), step: 20 }] });
  await expect(runPage.artifact('late.txt')).toBeVisible();
});

test('deleting an MLflow run removes it from the runs table live; restoring brings it back', async ({ server, runsPage, runPage }) => {
  const kept = await createMlflowRun(server, 'kept');
  const doomed = await createMlflowRun(server, 'doomed');
  await runsPage.open();
  await expect(runsPage.row(doomed.runId)).toBeVisible();
  await expect(runsPage.rowCount).toHaveText('2 runs');

  await mlflowPost(server, 'runs/delete', { run_id: doomed.runId });
  await expect(runsPage.row(doomed.runId)).toHaveCount(0);
  await expect(runsPage.row(kept.runId)).toBeVisible();
  await expect(runsPage.rowCount).toHaveText('1 run');

  // Its page still opens by URL, and says why it is not in the table.
  await runPage.open(doomed.runId);
  await expect(runPage.deletedBadge).toBeVisible();

  await mlflowPost(server, 'runs/restore', { run_id: doomed.runId });
  await expect(runPage.deletedBadge).toHaveCount(0);
  await runsPage.open();
  await expect(runsPage.row(doomed.runId)).toBeVisible();
  await expect(runsPage.rowCount).toHaveText('2 runs');
});
