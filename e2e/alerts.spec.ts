// Alerts in serve mode: rules made in the UI, points logged over the native API, and what the
// user sees: a toast, the bell's count, the panel, the run page; the built-in NaN rule, on and
// off; the core's refusal of a bad rule beside the form.
import type { Alert } from '../src-shared/alerts';
import { createRun } from './fixtures/runs-api';
import type { RunlensServer } from './fixtures/runlens-server';
import { expect, test } from './fixtures/test';
import { shootBothThemes as shoot } from './fixtures/theme-screenshots';
import { AlertsPage } from './pages/alerts-page';

async function log(server: RunlensServer, runId: string, key: string, values: (number | 'NaN')[], firstStep = 0) {
  await server.api('POST', `/api/v1/runs/${runId}/log`, { metrics: values.map((value, i) => ({ key, value, step: firstStep + i })) });
}

async function alertsOf(server: RunlensServer, runId: string): Promise<Alert[]> {
  return (await server.api<{ alerts: Alert[] }>('GET', `/api/v1/alerts?runId=${encodeURIComponent(runId)}`)).alerts;
}

test('a threshold rule made in the UI raises a toast, counts on the bell, lists in the panel and opens the run', async ({ page, server }) => {
  const alerts = new AlertsPage(page, server.url);
  const run = await createRun(server, { experiment: 'mnist', name: 'wide-resnet' });
  await log(server, run.id, 'val_loss', [0.9, 0.8, 0.7]);

  await alerts.goto('mnist');
  await expect(alerts.builtins).toHaveCount(4);
  await alerts.add.click();
  await expect(alerts.form.getByTestId('rule-experiment')).toHaveValue('mnist');
  // The experiment's metric keys are offered.
  await expect(alerts.form.locator('datalist option[value="val_loss"]')).toHaveCount(1);
  await alerts.fillRule({ kind: 'threshold', metric: 'val_loss', op: '<', value: '0.5' });
  await alerts.form.getByTestId('rule-save').click();
  await expect(alerts.form).toHaveCount(0);
  await expect(alerts.userRules).toHaveCount(1);
  await expect(alerts.userRules.getByTestId('user-rule-text')).toHaveText('val_loss < 0.5');
  await shoot(page, 'alerts-rules');

  // Toasts and the bell show on whatever page is open.
  await page.goto(server.url);
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  await expect(alerts.unread).toHaveCount(0);
  await log(server, run.id, 'val_loss', [0.6, 0.45], 3);

  const toast = alerts.toasts.filter({ hasText: 'wide-resnet' });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText('val_loss');
  await expect(alerts.unread).toHaveText('1');
  await shoot(page, 'alerts-toast');

  await alerts.bell.click();
  const row = alerts.panel.getByTestId('alert-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('wide-resnet');
  await expect(row).toHaveAttribute('data-read', 'false');
  await shoot(page, 'alerts-panel');

  await row.click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${run.id}$`));
  await expect(alerts.panel).toHaveCount(0);
  await expect(alerts.unread).toHaveCount(0);
  await expect.poll(async () => (await alertsOf(server, run.id)).map((a) => a.read)).toEqual([true]);
});

test('a NaN loss raises the built-in alert; with the rule turned off, none', async ({ page, server }) => {
  const alerts = new AlertsPage(page, server.url);
  await alerts.goto();
  const nanRule = alerts.builtin('non-finite');
  const enabled = nanRule.getByTestId('builtin-enabled');
  await expect(enabled).toBeChecked();

  const first = await createRun(server, { experiment: 'cifar', name: 'diverging' });
  await log(server, first.id, 'train/loss', [0.7, 'NaN']);
  await expect(alerts.toasts.filter({ hasText: 'diverging' })).toBeVisible();
  const raised = alerts.root.getByTestId('alert-row').filter({ hasText: 'diverging' });
  await expect(raised).toHaveAttribute('data-kind', 'non-finite');
  await expect(raised).toContainText('NaN');

  // A click on the toast opens the run and marks its alert read.
  await alerts.toasts.filter({ hasText: 'diverging' }).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${first.id}$`));
  await expect(alerts.toasts).toHaveCount(0);
  await expect(alerts.unread).toHaveCount(0);
  await alerts.goto();

  await enabled.click();
  await expect(enabled).not.toBeChecked();
  await expect.poll(async () => (await server.api<{ rules: { id: string; enabled: boolean }[] }>('GET', '/api/v1/alerts/rules')).rules.find((r) => r.id === 'builtin:non-finite')?.enabled).toBe(false);

  const second = await createRun(server, { experiment: 'cifar', name: 'quiet-nan' });
  await log(server, second.id, 'train/loss', [0.7, 'NaN']);
  // The run's end raises its own alert after anything the NaN raised: once it shows, the NaN had its chance.
  await server.api('POST', `/api/v1/runs/${second.id}/finish`, {});
  const rows = alerts.root.getByTestId('alert-row').filter({ hasText: 'quiet-nan' });
  await expect(rows.first()).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows).toHaveAttribute('data-kind', 'run-finished');
  expect((await alertsOf(server, second.id)).map((a) => a.kind)).toEqual(['run-finished']);
});

test('a rule the core refuses says why beside the form, and nothing is saved', async ({ page, server }) => {
  const alerts = new AlertsPage(page, server.url);
  await createRun(server, { experiment: 'mnist', name: 'r1' });
  await alerts.goto('mnist');
  await alerts.add.click();

  await alerts.fillRule({ kind: 'threshold', metric: 'val_loss', value: '' });
  await alerts.form.getByTestId('rule-save').click();
  await expect(alerts.form.getByTestId('rule-error')).toContainText('needs the value');

  await alerts.fillRule({ value: 'lots' });
  await alerts.form.getByTestId('rule-save').click();
  // Named by the contract: shown under the value field, which is marked.
  await expect(alerts.form.locator('.rule-field--value').getByTestId('rule-error')).toBeVisible();
  await expect(alerts.form.getByTestId('rule-value')).toHaveAttribute('aria-invalid', 'true');
  await shoot(page, 'alerts-rule-error');

  await alerts.fillRule({ kind: 'run-stalled', minutes: '0' });
  await alerts.form.getByTestId('rule-save').click();
  await expect(alerts.form.locator('.rule-field--minutes').getByTestId('rule-error')).toBeVisible();

  const userRulesOf = async (experiment: string) =>
    (await server.api<{ rules: { id: string; value: number | null }[] }>('GET', `/api/v1/alerts/rules?experiment=${experiment}`)).rules.filter((r) => !r.id.startsWith('builtin:'));
  expect(await userRulesOf('mnist')).toEqual([]);

  // Put right, it saves; then edited in place, and deleted after asking.
  await alerts.fillRule({ kind: 'threshold', op: '>', value: '2' });
  await alerts.form.getByTestId('rule-save').click();
  await expect(alerts.userRules.getByTestId('user-rule-text')).toHaveText('val_loss > 2');
  await alerts.userRules.getByTestId('user-rule-edit').click();
  await expect(alerts.form.getByTestId('rule-value')).toHaveValue('2');
  await alerts.fillRule({ value: '3.5' });
  await alerts.form.getByTestId('rule-save').click();
  await expect(alerts.userRules.getByTestId('user-rule-text')).toHaveText('val_loss > 3.5');
  expect((await userRulesOf('mnist')).map((r) => r.value)).toEqual([3.5]);
  await alerts.userRules.getByTestId('user-rule-delete').click();
  await alerts.userRules.getByTestId('user-rule-delete-confirm').click();
  await expect(alerts.userRules).toHaveCount(0);
  await expect(page.getByTestId('user-rules-empty')).toBeVisible();
  expect(await userRulesOf('mnist')).toEqual([]);
});

test('with no alert yet, the panel says what alerts are and leads to the rules', async ({ page, server }) => {
  const alerts = new AlertsPage(page, server.url);
  await page.goto(server.url);
  await alerts.bell.click();
  await expect(alerts.panel.getByTestId('alerts-empty')).toContainText('No alerts yet');
  await expect(alerts.markAll).toBeDisabled();
  await alerts.panel.getByRole('link', { name: 'Set up rules' }).click();
  await expect(alerts.root).toBeVisible();
  await expect(alerts.builtins).toHaveCount(4);

  // A built-in's setting is saved on Enter; a non-number is named and not sent.
  const builtinOf = async (kind: string) =>
    (await server.api<{ rules: { id: string; minutes: number | null }[] }>('GET', '/api/v1/alerts/rules')).rules.find((r) => r.id === `builtin:${kind}`);
  const minutes = alerts.builtin('run-stalled').getByTestId('builtin-minutes');
  await minutes.fill('ten');
  await minutes.press('Enter');
  await expect(alerts.builtin('run-stalled').getByTestId('rule-error')).toContainText("'ten' is not a number");
  await minutes.fill('25');
  await minutes.press('Enter');
  await expect(alerts.builtin('run-stalled').getByTestId('rule-error')).toHaveCount(0);
  await expect.poll(async () => (await builtinOf('run-stalled'))?.minutes).toBe(25);
});

test('toasts stack a few at a time with the count of the rest, and leave by themselves', async ({ page, server }) => {
  const alerts = new AlertsPage(page, server.url);
  await page.goto(server.url);
  await expect(alerts.bell).toBeVisible();
  for (const name of ['one', 'two', 'three', 'four', 'five']) {
    const run = await createRun(server, { experiment: 'sweep', name });
    await server.api('POST', `/api/v1/runs/${run.id}/finish`, {});
  }
  await expect(alerts.unread).toHaveText('5');
  await expect(alerts.toasts).toHaveCount(3);
  await expect(page.getByTestId('toasts-more')).toContainText('+2 more');
  // Newest first: the last run finished is the first toast.
  await expect(alerts.toasts.first()).toContainText('five');

  await page.getByTestId('toasts-more').getByRole('link').click();
  await expect(alerts.root).toBeVisible();
  await expect(alerts.toasts).toHaveCount(0);
  await expect(alerts.root.getByTestId('alert-row')).toHaveCount(5);

  const run = await createRun(server, { experiment: 'sweep', name: 'six' });
  await server.api('POST', `/api/v1/runs/${run.id}/finish`, {});
  await expect(alerts.toasts).toHaveCount(1);
  await page.mouse.move(0, 0);
  await expect(alerts.toasts).toHaveCount(0, { timeout: 20_000 });
  await expect(alerts.unread).toHaveText('6');
});

test('a toast stays while the pointer rests on it, and leaves once it moves off', async ({ page, server }) => {
  const alerts = new AlertsPage(page, server.url);
  // The page's clock is the test's: time passes when the test says, not while it waits.
  await page.clock.install();
  await page.goto(server.url);
  await expect(alerts.bell).toBeVisible();
  const run = await createRun(server, { experiment: 'sweep', name: 'held' });
  await server.api('POST', `/api/v1/runs/${run.id}/finish`, {});
  const toast = alerts.toasts.filter({ hasText: 'held' });
  await expect(toast).toBeVisible();

  await toast.hover();
  await page.clock.runFor(60_000);
  await expect(toast).toBeVisible();

  await page.mouse.move(0, 0);
  await page.clock.runFor(60_000);
  await expect(toast).toHaveCount(0);
});

test('an alert read elsewhere (another window, an OS notification) leaves every bell', async ({ page, server }) => {
  const run = await createRun(server, { experiment: 'mnist', name: 'diverging' });
  const first = new AlertsPage(page, server.url);
  await page.goto(server.url);
  const other = await page.context().newPage();
  const second = new AlertsPage(other, server.url);
  await other.goto(server.url);
  await log(server, run.id, 'loss', [0.5, 'NaN']);
  await expect(first.unread).toHaveText('1');
  await expect(second.unread).toHaveText('1');

  // What the desktop shell does on a notification's click, and another tab's panel, alike.
  const [alert] = await alertsOf(server, run.id);
  await server.api('POST', '/api/v1/alerts/read', { ids: [alert!.id] });
  await expect(first.unread).toHaveCount(0);
  await expect(second.unread).toHaveCount(0);
  await other.close();
});
