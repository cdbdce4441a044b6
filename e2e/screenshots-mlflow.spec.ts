// Not an assertion of behaviour: renders an MLflow run's page (artifacts, inputs, a produced
// model) in both themes into e2e/screenshots/ for a person to look at.
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { RunSummary } from '../src-shared/domain';
import { fileURLToPath } from 'node:url';
import { createMlflowRun, gradientPng, logDatasetInputs, logModel, mlflowPost, putArtifact } from './fixtures/mlflow-rest';
import { createRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';

const OUT = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** The run page scrolls inside its own element, so a full-page shot needs a viewport that fits it. */
async function fitViewportToRunPage(page: Page, width: number) {
  await page.setViewportSize({ width, height: 900 });
  const height = await page.getByTestId('run-page').evaluate((el) => el.scrollHeight + (el.getBoundingClientRect().top));
  await page.setViewportSize({ width, height: Math.ceil(height) });
}

const MLMODEL = `artifact_path: model
flavors:
  python_function:
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.sklearn
    model_path: model.pkl
    predict_fn: predict
    python_version: 3.11.9
  sklearn:
    code: null
    pickled_model: model.pkl
    serialization_format: cloudpickle
    sklearn_version: 1.5.2
mlflow_version: 3.1.0
model_id: m-placeholder
`;

test('screenshots of an MLflow run page', async ({ page, server, runPage }) => {
  test.setTimeout(60_000);
  await mkdir(OUT, { recursive: true });

  const run = await createMlflowRun(server, 'rf-baseline-fold3', 'ada');
  const now = Date.now();
  const metrics = [];
  for (let step = 0; step < 120; step++) {
    metrics.push({ key: 'train_loss', value: 0.9 * Math.exp(-step / 40) + 0.08 + 0.01 * Math.sin(step), timestamp: now + step, step });
    if (step % 10 === 0) metrics.push({ key: 'val_accuracy', value: 0.93 - 0.4 * Math.exp(-step / 30), timestamp: now + step, step });
  }
  await mlflowPost(server, 'runs/log-batch', {
    run_id: run.runId,
    metrics,
    params: [
      { key: 'n_estimators', value: '400' },
      { key: 'max_depth', value: '12' },
      { key: 'min_samples_leaf', value: '3' },
      { key: 'class_weight', value: 'balanced' },
    ],
    tags: [
      { key: 'mlflow.user', value: 'ada' },
      { key: 'mlflow.source.name', value: 'train.py' },
    ],
  });
  await putArtifact(server, run, 'config/params.json', JSON.stringify({ n_estimators: 400, max_depth: 12, features: ['age', 'income', 'tenure_months', 'region'], cv: { folds: 5, shuffle: true } }));
  await putArtifact(server, run, 'config/features.yaml', 'features:\n  - age\n  - income\n  - tenure_months\n  - region\ntarget: churned\n');
  await putArtifact(server, run, 'plots/roc_curve.png', gradientPng(320, 200));
  await putArtifact(server, run, 'plots/confusion_matrix.png', gradientPng(200, 200));
  await putArtifact(server, run, 'train.log', Array.from({ length: 6000 }, (_, i) => `2025-06-01 12:00:${String(i % 60).padStart(2, '0')} INFO epoch ${i}: loss=${(1 / (1 + i)).toFixed(6)}`).join('\n'));
  await putArtifact(server, run, 'feature_importance.csv', 'feature,importance\nincome,0.41\ntenure_months,0.33\nage,0.18\nregion,0.08\n');
  await logDatasetInputs(server, run, [
    { name: 'churn-train', digest: '8f3a1c92', context: 'training', uri: 's3://datasets/churn/2025-06/train.parquet', columns: [{ name: 'age', type: 'long' }, { name: 'income', type: 'double' }, { name: 'tenure_months', type: 'long' }, { name: 'region', type: 'string' }, { name: 'churned', type: 'boolean' }], rows: 184_220 },
    { name: 'churn-val', digest: 'c01d77e4', context: 'validation', uri: 's3://datasets/churn/2025-06/val.parquet', columns: [{ name: 'age', type: 'long' }, { name: 'income', type: 'double' }], rows: 20_470 },
  ]);
  await logModel(server, run, 'churn-rf', {
    MLmodel: MLMODEL,
    'requirements.txt': 'mlflow==3.1.0\nscikit-learn==1.5.2\ncloudpickle==3.1.0\n',
    'model.pkl': new Uint8Array([0x80, 0x05, 0x95, 0, 0, 0, 1, 2, 3]),
  });

  await page.emulateMedia({ colorScheme: 'light' });
  await runPage.open(run.runId);
  await runPage.artifact('config').click();
  await runPage.artifact('config/params.json').click();
  await expect(runPage.preview.getByTestId('artifact-preview-text')).toBeVisible();
  await runPage.models.getByTestId('artifact-row').filter({ hasText: 'MLmodel' }).click();
  await expect(runPage.models.getByTestId('artifact-preview-text')).toBeVisible();
  await expect(runPage.chartLine('train_loss')).toBeVisible();
  await fitViewportToRunPage(page, 1440);
  await page.screenshot({ path: `${OUT}mlflow-run-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${OUT}mlflow-run-dark.png` });
  await runPage.models.screenshot({ path: `${OUT}mlflow-models-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await runPage.inputs.screenshot({ path: `${OUT}mlflow-inputs-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });

  await runPage.artifact('plots').click();
  await runPage.artifact('plots/roc_curve.png').click();
  await expect(runPage.preview.getByTestId('artifact-preview-image')).toBeVisible();
  await runPage.artifacts.screenshot({ path: `${OUT}mlflow-artifacts-image-dark.png` });
  await runPage.artifact('train.log').click();
  await expect(runPage.preview.getByTestId('artifact-preview-truncated')).toBeVisible();
  await page.emulateMedia({ colorScheme: 'light' });
  await runPage.artifacts.screenshot({ path: `${OUT}mlflow-artifacts-truncated-light.png` });

  await fitViewportToRunPage(page, 900);
  await page.screenshot({ path: `${OUT}mlflow-run-narrow-light.png` });
});

test('screenshots of the artifacts panel of runs without MLflow artifacts', async ({ page, server, runPage }) => {
  await mkdir(OUT, { recursive: true });
  await page.emulateMedia({ colorScheme: 'light' });
  const apiRun = await createRun(server, { experiment: 'e2e', name: 'native-api-run' });
  await runPage.open(apiRun.id);
  await expect(runPage.artifacts).toContainText('no artifact location');
  await runPage.artifacts.screenshot({ path: `${OUT}artifacts-no-root-light.png` });

  const empty = await createMlflowRun(server, 'nothing-logged-yet');
  await runPage.open(empty.runId);
  await expect(runPage.artifacts).toContainText('No artifacts.');
  await runPage.artifacts.screenshot({ path: `${OUT}artifacts-empty-light.png` });

  await server.api('POST', '/api/v1/samples', {});
  const { runs } = await server.api<{ runs: RunSummary[] }>('GET', '/api/v1/runs');
  await runPage.open(runs.find((r) => r.sourceKind === 'runlens-folder')!.id);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('run-header').screenshot({ path: `${OUT}run-folder-header-dark.png` });
  await runPage.artifacts.screenshot({ path: `${OUT}artifacts-run-folder-dark.png` });
});
