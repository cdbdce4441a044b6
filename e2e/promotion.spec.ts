// Model promotion in the UI: registries settings (the secret goes in and never comes back out),
// the Promote model… dialog from the run page (gate judged per rule with its values, a failed
// gate unlocked only by a typed reason, rules edited inline), and the Models page. Screenshots of
// the dialog and the page go to e2e/screenshots/ in both themes.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { GateResult, PromotionRecord, RegistryConfig } from '../src-shared/promotion';
import { createMlflowRun, logModel, mlflowPost } from './fixtures/mlflow-rest';
import { startMlflow } from './fixtures/mlflow-server';
import { startHeldProxy } from './fixtures/held-proxy';
import type { RunlensServer } from './fixtures/runlens-server';
import { expect, test } from './fixtures/test';
import { ModelsPage, PromoteDialog, RegistriesPage } from './pages/promotion-pages';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const SECRET = 's3cret-token-never-shown';

/** A finished MLflow run with val_accuracy 0.82, val_loss 0.31 and one logged model (`weights` bytes of model.pkl). */
async function runWithModel(server: RunlensServer, weights = 4096) {
  const run = await createMlflowRun(server, 'iris-train');
  const now = Date.now();
  await mlflowPost(server, 'runs/log-batch', {
    run_id: run.runId,
    metrics: [
      { key: 'val_accuracy', value: 0.82, timestamp: now, step: 0 },
      { key: 'val_loss', value: 0.31, timestamp: now, step: 0 },
    ],
  });
  const modelId = await logModel(server, run, 'iris-classifier', {
    MLmodel: 'flavors:\n  python_function:\n    loader_module: mlflow.sklearn\n',
    'model.pkl': new Uint8Array(weights).fill(7),
  });
  await mlflowPost(server, 'runs/update', { run_id: run.runId, status: 'FINISHED', end_time: Date.now() });
  return { runId: run.runId, modelId };
}

async function addRegistry(server: RunlensServer, name = 'team-mlflow') {
  await server.api('PUT', '/api/v1/registries', { name, kind: 'mlflow', url: 'http://127.0.0.1:9/', username: '' });
}

test('registries: add with a secret, which is never shown back; edit keeps it; delete asks first', async ({ page, server }) => {
  const registries = new RegistriesPage(page, server.url);
  await page.goto(server.url);
  await page.getByTestId('nav-registries').click();
  await expect(registries.empty).toContainText('No registry yet');

  await registries.add.click();
  await registries.fill({ name: 'ghcr', kind: 'oci', url: 'https://ghcr.io/acme/models', username: 'bot', secret: SECRET });
  await registries.form.getByTestId('registry-save').click();
  const row = registries.row('ghcr');
  await expect(row).toContainText('OCI registry');
  await expect(row).toContainText('https://ghcr.io/acme/models');
  await expect(row.getByTestId('registry-has-secret')).toHaveText('yes');

  await mkdir(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}registries-${scheme}.png` });
  }
  const listed = await server.api<{ registries: RegistryConfig[] }>('GET', '/api/v1/registries');
  expect(JSON.stringify(listed)).not.toContain(SECRET);
  expect(await page.content()).not.toContain(SECRET);

  // Editing: the secret field is empty with a placeholder; leaving it empty keeps the stored one.
  await row.getByTestId('registry-edit').click();
  const secret = registries.form.getByTestId('registry-secret');
  await expect(secret).toHaveValue('');
  await expect(secret).toHaveAttribute('placeholder', 'stored — leave empty to keep');
  await page.screenshot({ path: `${SHOTS}registries-edit-dark.png` });
  await registries.fill({ username: 'robot' });
  await registries.form.getByTestId('registry-save').click();
  await expect(row).toContainText('robot');
  await expect(row.getByTestId('registry-has-secret')).toHaveText('yes');

  await row.getByTestId('registry-delete').click();
  await expect(row).toContainText('Delete ghcr?');
  await row.getByTestId('registry-delete-confirm').click();
  await expect(registries.empty).toBeVisible();
  expect((await server.api<{ registries: RegistryConfig[] }>('GET', '/api/v1/registries')).registries).toEqual([]);
});

test('promote dialog opens from the lineage panel, the compare header and the run header; without a registry it points to the settings', async ({ page, server }) => {
  const { runId, modelId } = await runWithModel(server);
  const other = await createMlflowRun(server, 'no-model');
  const dialog = new PromoteDialog(page);

  await page.goto(`${server.url}#/lineage?focus=${encodeURIComponent(`model:${modelId}`)}`);
  await page.getByTestId('lineage-promote-model').click();
  await expect(dialog.root).toContainText('iris-classifier');
  await page.keyboard.press('Escape');
  await expect(dialog.root).toHaveCount(0);

  await page.goto(`${server.url}#/compare?runs=${runId},${other.runId}`);
  const chips = page.getByTestId('compare-run');
  await chips.nth(1).getByTestId('promote-model-menu-button').click();
  await expect(page.getByTestId('promote-no-model')).toHaveText('This run logged no model to promote.');
  await page.keyboard.press('Escape');
  await chips.nth(0).getByTestId('promote-model-menu-button').click();
  await page.getByTestId('promote-choice').filter({ hasText: 'iris-classifier' }).click();
  await expect(dialog.root).toContainText('iris-classifier');
  await page.keyboard.press('Escape');

  await page.goto(`${server.url}#/runs/${runId}`);
  await page.getByTestId('promote-model-button').click();
  await expect(dialog.noRegistries).toContainText('No registry is set up yet');
  await dialog.root.getByTestId('promote-add-registry').click();
  await expect(dialog.root).toHaveCount(0);
  await expect(page.getByTestId('registries-page')).toBeVisible();
});

test('gate: each rule with its values; a failed gate needs a reason; rules edited inline; Esc closes', async ({ page, server, runPage }) => {
  await mkdir(SHOTS, { recursive: true });
  const { runId, modelId } = await runWithModel(server);
  await addRegistry(server);
  await server.api('PUT', '/api/v1/gates', {
    registry: 'team-mlflow',
    model: 'iris-classifier',
    rules: [{ expression: 'metrics.val_accuracy >= 0.9', description: 'good enough to ship' }, { expression: 'metrics.val_loss < 0.5' }],
  });

  await page.goto(`${server.url}#/runs/${runId}`);
  await runPage.models.getByTestId('model-promote').click();
  const dialog = new PromoteDialog(page);
  await expect(dialog.registry).toHaveValue('team-mlflow');
  await expect(dialog.remoteName).toHaveValue('iris-classifier');
  await expect(dialog.alias).toHaveValue('champion');
  await dialog.remoteName.press('Enter');

  await expect(dialog.verdict).toContainText('Gate failed');
  await expect(dialog.verdict).toContainText('1/2 rules passed');
  await expect(dialog.rules.nth(0)).toHaveAttribute('data-passed', 'false');
  await expect(dialog.rules.nth(0)).toContainText('metrics.val_accuracy >= 0.9');
  await expect(dialog.rules.nth(0).getByTestId('gate-rule-detail')).toContainText('0.82');
  await expect(dialog.rules.nth(1)).toHaveAttribute('data-passed', 'true');
  await expect(dialog.rules.nth(1).getByTestId('gate-rule-detail')).toContainText('0.31');
  await expect(dialog.baseline).toContainText('no baseline');

  await expect(dialog.promote).toBeDisabled();
  await dialog.overrideReason.fill('ok');
  await expect(dialog.promote).toBeDisabled();
  await dialog.overrideReason.fill('demo for the review board');
  await expect(dialog.promote).toBeEnabled();
  await expect(dialog.promote).toHaveText('Promote anyway');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}promote-gate-failed-${scheme}.png` });
  }

  // The same check the core would make: a failed gate without a reason is refused as blocked.
  const judged = await server.api<GateResult>('POST', '/api/v1/promotions/check', { runId, model: modelId, registry: 'team-mlflow', remoteName: 'iris-classifier', alias: 'champion' });
  expect(judged.passed).toBe(false);

  // Inline edit: lower the bar; the gate is judged again and passes without a reason.
  await dialog.editRules.click();
  await expect(dialog.rulesEditor).toHaveValue('metrics.val_accuracy >= 0.9  # good enough to ship\nmetrics.val_loss < 0.5');
  await dialog.rulesEditor.fill('metrics.val_accuracy >= 0.8  # good enough to ship\nmetrics.val_loss < 0.5');
  await dialog.saveRules.click();
  await expect(dialog.verdict).toContainText('Gate passed');
  await expect(dialog.verdict).toContainText('2/2 rules passed');
  await expect(dialog.overrideReason).toHaveCount(0);
  await expect(dialog.promote).toBeEnabled();
  await expect(dialog.promote).toHaveText('Promote');
  const { rules } = await server.api<{ rules: { expression: string }[] }>('GET', '/api/v1/gates?registry=team-mlflow&model=iris-classifier');
  expect(rules.map((r) => r.expression)).toEqual(['metrics.val_accuracy >= 0.8', 'metrics.val_loss < 0.5']);

  await page.keyboard.press('Escape');
  await expect(dialog.root).toHaveCount(0);
});

test('models page: empty state, then records newest first with outcome, gate summary and reason, filtered', async ({ page, server }) => {
  await mkdir(SHOTS, { recursive: true });
  const models = new ModelsPage(page, server.url);
  await page.goto(server.url);
  await page.getByTestId('nav-models').click();
  await expect(models.empty).toContainText('Nothing promoted yet');

  const { runId, modelId } = await runWithModel(server);
  await addRegistry(server);
  await server.api('PUT', '/api/v1/gates', { registry: 'team-mlflow', model: 'iris-classifier', rules: [{ expression: 'metrics.val_accuracy >= 0.9' }] });
  const target = { runId, model: modelId, registry: 'team-mlflow', remoteName: 'iris-classifier', alias: 'champion' };
  // A failed gate without a reason is recorded as blocked; with one it goes on (and, with no
  // registry listening on port 9, fails with the registry's error).
  await server.api('POST', '/api/v1/promotions', target);
  const { record } = await server.api<{ record: PromotionRecord }>('POST', '/api/v1/promotions', { ...target, overrideReason: 'demo for the review board' });

  // Live: both arrive through promotion.updated, without a reload.
  await expect(models.rows).toHaveCount(2);
  await expect(models.rows.nth(0)).toHaveAttribute('data-id', record.id);
  await expect(models.rows.nth(0).getByTestId('promotion-override')).toHaveText('demo for the review board');
  await expect(models.rows.nth(0)).not.toHaveAttribute('data-outcome', 'running');
  await expect(models.rows.nth(1)).toHaveAttribute('data-outcome', 'blocked');
  await expect(models.rows.nth(1).getByTestId('promotion-gate')).toHaveText('0/1 rule passed');
  await expect(models.rows.nth(1)).toContainText('iris-train');

  await models.filter('blocked').click();
  await expect(models.rows).toHaveCount(1);
  await expect(page).toHaveURL(/#\/models\?outcome=blocked$/);
  await models.filter('all').click();
  await expect(models.rows).toHaveCount(2);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}models-page-${scheme}.png` });
  }

  // The run page lists the same records.
  await page.goto(`${server.url}#/runs/${runId}`);
  await expect(page.getByTestId('run-promotions').getByTestId('promotion-row')).toHaveCount(2);
});

test('push to a real mlflow server: per-file progress held mid-upload, cancel, promote again → verified, alias set', async ({ page, server }) => {
  test.setTimeout(240_000);
  await mkdir(SHOTS, { recursive: true });
  const [mlflow, { runId }] = await Promise.all([startMlflow(), runWithModel(server, 24 * 1024 * 1024)]);
  // Between Runlens and MLflow: bodies held after 2 MB, so the upload stays mid-way on cue.
  const proxy = await startHeldProxy(mlflow.url);
  try {
    const registries = new RegistriesPage(page, server.url);
    await registries.open();
    await registries.add.click();
    await registries.fill({ name: 'team-mlflow', kind: 'mlflow', url: proxy.url });
    await registries.page.keyboard.press('Enter');
    await expect(registries.row('team-mlflow')).toBeVisible();

    const dialog = new PromoteDialog(page);
    await page.goto(`${server.url}#/runs/${runId}`);
    await page.getByTestId('promote-model-button').click();
    await dialog.remoteName.press('Enter');
    await expect(dialog.verdict).toContainText('Gate passed');
    await expect(dialog.verdict).toContainText('No rules');

    proxy.hold(2 * 1024 * 1024);
    await dialog.promote.click();
    await proxy.held();
    const file = dialog.files.filter({ hasText: 'model.pkl' });
    await expect(file).toBeVisible();
    // Mid-way: some of the file sent (what passed the proxy and the sockets' buffers), not all.
    await expect(file.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow', /^(0|100)$/);
    await expect(file).toContainText('/ 24 MB');
    await expect(dialog.files.filter({ hasText: 'MLmodel' }).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}promote-upload-${scheme}.png` });
    }

    // Esc while it runs asks first: the promotion would go on in the core.
    await page.keyboard.press('Escape');
    await expect(dialog.root.getByTestId('promote-confirm-close')).toContainText('keeps running');
    await dialog.root.getByRole('button', { name: 'Keep open' }).click();
    await expect(dialog.root.getByTestId('promote-confirm-close')).toHaveCount(0);

    await dialog.cancel.click();
    await expect(dialog.result).toHaveAttribute('data-outcome', 'cancelled');
    proxy.release();
    await dialog.root.getByTestId('promote-done').click();

    await page.getByTestId('promote-model-button').click();
    await dialog.remoteName.press('Enter');
    await expect(dialog.verdict).toContainText('Gate passed');
    await dialog.promote.click();
    await expect(dialog.result).toHaveAttribute('data-outcome', 'verified', { timeout: 60_000 });
    await expect(dialog.result).toContainText('iris-classifier v1 on team-mlflow as “champion”');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${SHOTS}promote-verified-light.png` });

    // What MLflow itself says: the alias points at the version the record names.
    const alias = await fetch(`${mlflow.url}/api/2.0/mlflow/registered-models/alias?name=iris-classifier&alias=champion`).then((r) => r.json() as Promise<{ model_version: { version: string; run_id?: string } }>);
    expect(alias.model_version.version).toBe('1');

    await dialog.root.getByTestId('promote-done').click();
    const rows = page.getByTestId('run-promotions').getByTestId('promotion-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-outcome', 'verified');
    await expect(rows.nth(1)).toHaveAttribute('data-outcome', 'cancelled');
    // The model's own card says where it went.
    const onModel = page.getByTestId('model-promotions').getByTestId('model-promotion');
    await expect(onModel).toHaveCount(2);
    await expect(onModel.nth(0)).toContainText('team-mlflow · iris-classifier v1 @champion');
    await expect(onModel.nth(0).getByTestId('promotion-outcome')).toHaveAttribute('data-outcome', 'verified');

    const models = new ModelsPage(page, server.url);
    await models.open();
    await expect(models.rows.nth(0)).toContainText('v1');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}models-page-verified-${scheme}.png` });
    }
  } finally {
    proxy.release();
    await proxy.close();
    await mlflow.dispose();
  }
});
