// The desktop app's UI side, with the shell played by the test (see fixtures/desktop-bridge):
// what menus, deep links and notification clicks ask is done, a route of unknown shape is not,
// and an alert shows on the bell but not as a toast (the shell shows an OS notification).
import { installDesktopBridge } from './fixtures/desktop-bridge';
import { createRun, loggedRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';
import { shootBothThemes } from './fixtures/theme-screenshots';
import { AlertsPage } from './pages/alerts-page';

test('in the desktop app an alert counts on the bell and lists in the panel, with no toast', async ({ page, server, runsPage }) => {
  const bridge = await installDesktopBridge(page, server);
  const alerts = new AlertsPage(page, server.url);
  await runsPage.open();
  const run = await createRun(server, { experiment: 'mnist', name: 'desk-run' });
  await server.api('POST', `/api/v1/runs/${run.id}/finish`, {});
  await expect(alerts.unread).toHaveText('1');
  // The count and a toast come from the same event, in the same handler: none came.
  await expect(alerts.toasts).toHaveCount(0);
  await alerts.bell.click();
  await expect(alerts.panel.getByTestId('alert-row')).toContainText('desk-run');

  // A click on the OS notification: the shell asks for the run's page.
  await bridge.command({ type: 'open-route', route: `/runs/${run.id}` });
  await expect(page).toHaveURL(new RegExp(`#/runs/${run.id}$`));
  bridge.stop();
});

test('menu commands and deep links drive the UI; a route of unknown shape is ignored', async ({ page, server, runsPage }) => {
  const bridge = await installDesktopBridge(page, server);
  const a = await loggedRun(server, { experiment: 'mnist', name: 'run-a' }, { loss: [0.9, 0.5] });
  const b = await loggedRun(server, { experiment: 'mnist', name: 'run-b' }, { loss: [0.8, 0.4] });
  await runsPage.open();
  await expect(runsPage.rows).toHaveCount(2);

  await bridge.command({ type: 'open-route', route: `/runs/${a}` });
  await expect(page).toHaveURL(new RegExp(`#/runs/${a}$`));
  // Commands are handled as they arrive: the address is read right after each.
  for (const route of ['javascript:alert(1)', '/elsewhere', '//evil.example/', `/runs/${'x'.repeat(9000)}`]) {
    await bridge.command({ type: 'open-route', route });
    expect(new URL(page.url()).hash).toBe(`#/runs/${a}`);
  }
  await bridge.command({ type: 'run-script', code: 'alert(1)' });
  expect(new URL(page.url()).hash).toBe(`#/runs/${a}`);

  // Find: back to the runs table, filter focused.
  await bridge.command({ type: 'find' });
  await expect(runsPage.filter).toBeFocused();

  // Compare with one run ticked says what to do; with two, compares them.
  await runsPage.check(a);
  await expect(runsPage.row(a).getByTestId('run-check')).toBeChecked();
  await bridge.command({ type: 'compare' });
  await expect(page.getByTestId('toast')).toContainText('Tick two or more runs');
  await runsPage.check(b);
  await expect(runsPage.row(b).getByTestId('run-check')).toBeChecked();
  await bridge.command({ type: 'compare' });
  await expect(page).toHaveURL(/#\/compare\?/);
  await expect(page.getByTestId('compare-run')).toHaveCount(2);

  // Export… on the comparison shown.
  await bridge.command({ type: 'export' });
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.getByTestId('export-close').click();
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);

  // Preferences: the theme (back to following the system too) and the built-in alerts.
  await bridge.command({ type: 'preferences' });
  const prefs = page.getByTestId('preferences-dialog');
  await expect(prefs).toBeVisible();
  await expect(prefs.getByTestId('builtin-rule')).toHaveCount(4);
  await prefs.getByText('Dark', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await prefs.getByText('System', { exact: true }).click();
  await expect(prefs.getByTestId('preferences-theme-system')).toBeChecked();
  await shootBothThemes(page, 'preferences');
  const finished = prefs.locator('[data-testid="builtin-rule"][data-kind="run-finished"]').getByTestId('builtin-enabled');
  await finished.click();
  await expect(finished).not.toBeChecked();
  await expect
    .poll(async () => (await server.api<{ rules: { id: string; enabled: boolean }[] }>('GET', '/api/v1/alerts/rules')).rules.find((r) => r.id === 'builtin:run-finished')?.enabled)
    .toBe(false);
  bridge.stop();
});
