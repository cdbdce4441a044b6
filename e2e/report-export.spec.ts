// The compare view's Export…: a report made by the core in the background, then downloaded by
// the browser (serve mode). The PDF is printed by the Chromium the server finds on the machine.
import { readFile } from 'node:fs/promises';
import { finishedRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';
import { ExportDialog } from './pages/export-dialog';
import type { RunlensServer } from './fixtures/runlens-server';

async function twoRuns(server: RunlensServer): Promise<[string, string]> {
  const a = await finishedRun(server, { experiment: 'export', name: 'export-alpha', params: { lr: '0.001' } }, { loss: [1, 0.5, 0.25], acc: [0.5, 0.7, 0.875] });
  const b = await finishedRun(server, { experiment: 'export', name: 'export-beta', params: { lr: '0.01' } }, { loss: [1.5, 0.75, 0.375], acc: [0.25, 0.5, 0.625] });
  return [a, b];
}

test('Export… → HTML downloads a report holding both runs; Enter exports and Esc closes', async ({ page, server, comparePage }) => {
  const [a, b] = await twoRuns(server);
  await comparePage.open([a, b]);
  await expect(comparePage.headerRuns).toHaveCount(2);
  const dialog = new ExportDialog(page);
  await dialog.open();
  // The metrics the compare view charts are ticked: every key both runs share.
  await expect(dialog.metric('loss')).toBeChecked();
  await expect(dialog.metric('acc')).toBeChecked();
  await page.screenshot({ path: '/tmp/export-dialog.png' });

  await page.keyboard.press('Escape');
  await expect(dialog.root).toHaveCount(0);

  await dialog.open();
  await dialog.chooseFormat('html');
  await dialog.metric('acc').uncheck();
  await expect(dialog.points).toHaveValue('500');
  const downloading = page.waitForEvent('download');
  // Focus is in the form: Enter submits it.
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^runlens-report-\d{8}-\d{6}\.html$/);
  const html = await readFile((await download.path())!, 'utf8');
  expect(html).toContain('export-alpha');
  expect(html).toContain('export-beta');
  expect(html).toContain('<svg');

  await expect(dialog.root).toHaveAttribute('data-step', 'done');
  await expect(dialog.files).toHaveCount(1);
  await expect(dialog.files.first()).toHaveAttribute('data-name', download.suggestedFilename());
  await page.screenshot({ path: '/tmp/export-dialog-done.png' });

  // The same file once more, on request.
  const again = page.waitForEvent('download');
  await dialog.files.first().getByTestId('export-deliver').click();
  expect((await again).suggestedFilename()).toBe(download.suggestedFilename());
});

test("Export… carries the view's log scale and direction: a log chart, and ★ by the direction set", async ({ page, server }) => {
  const [a, b] = await twoRuns(server);
  // loss on a log axis and set higher-better, as a link to the compare view can say.
  await page.goto(`${server.url}#/compare?runs=${a},${b}&log=loss&higher=loss`);
  const dialog = new ExportDialog(page);
  await dialog.open();
  // The dialog says the report keeps them.
  const marks = dialog.metrics.getByTestId('export-metric-marks');
  await expect(marks).toHaveCount(1);
  await expect(marks).toHaveText('log ↑');
  await page.screenshot({ path: '/tmp/export-dialog-marks.png' });
  await dialog.chooseFormat('html');
  const download = await dialog.exportAndDownload();
  const html = await readFile((await download.path())!, 'utf8');
  const chart = (key: string) => new RegExp(`<svg [^>]*data-key="${key}" data-scale="([a-z]+)"`).exec(html)?.[1];
  expect([chart('loss'), chart('acc')]).toEqual(['log', 'linear']);
  expect(html).toContain('<title>loss (log)</title>');
  // Higher-better loss: beta's 1.5 at step 0 is the best, not alpha's 0.25.
  const loss = /<tbody class="metric" data-key="loss">([\s\S]*?)<\/tbody>/.exec(html)![1]!;
  expect(loss).toContain('<code>loss</code> <span class="direction" title="Higher is better (as set in the comparison)">↑</span>');
  expect(loss).toMatch(new RegExp(`<tr data-run="${b}">.*★`));
  expect(loss).not.toMatch(new RegExp(`<tr data-run="${a}">.*★`));
});

test('Export… → PDF downloads a printed report; CSV lists both its files', async ({ page, server, comparePage }) => {
  const [a, b] = await twoRuns(server);
  await comparePage.open([a, b]);
  const dialog = new ExportDialog(page);
  await dialog.open();
  await dialog.chooseFormat('pdf');
  const pdf = await dialog.exportAndDownload();
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await readFile((await pdf.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(dialog.root).toHaveAttribute('data-step', 'done');

  await dialog.again.click();
  await dialog.chooseFormat('csv');
  // CSV has no sections or charts to choose.
  await expect(dialog.section('charts')).toHaveCount(0);
  await expect(dialog.points).toHaveCount(0);
  const csv = await dialog.exportAndDownload();
  expect(csv.suggestedFilename()).toBe('params.csv');
  await expect(dialog.files).toHaveCount(2);
  const metrics = page.waitForEvent('download');
  await dialog.root.locator('[data-name="metrics.csv"]').getByTestId('export-deliver').click();
  const metricsCsv = await readFile((await (await metrics).path())!, 'utf8');
  expect(metricsCsv).toContain('loss');
  expect(metricsCsv).toContain('0.375');
});

test('the dialog reads well in the dark theme, and a failed export says why', async ({ page, server, comparePage }) => {
  const [a, b] = await twoRuns(server);
  await comparePage.open([a, b]);
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dialog = new ExportDialog(page);
  await dialog.open();
  await dialog.chooseFormat('md');
  await page.screenshot({ path: '/tmp/export-dialog-dark.png' });

  // Nothing to export: the problem is named and Export waits.
  for (const section of ['runs', 'params', 'summary', 'charts', 'lineage', 'data']) await dialog.section(section).uncheck();
  await expect(dialog.submit).toBeDisabled();
  await expect(dialog.root).toContainText('Choose at least one section.');
  await dialog.section('summary').check();

  // While the core works the dialog shows how far it got (here an export whose end never comes).
  await page.route('**/api/v1/reports', (route) => route.fulfill({ status: 202, json: { exportId: '20260101-000000-00000000' } }));
  await dialog.submit.click();
  await expect(dialog.root).toHaveAttribute('data-step', 'running');
  await expect(dialog.progress).toBeVisible();
  await expect(dialog.root).toContainText('Closing this does not stop the export.');
  await page.screenshot({ path: '/tmp/export-dialog-running.png' });
  await dialog.close.click();
  await page.unrouteAll();

  // A run the core does not know (the request is altered on its way): the end says which.
  await dialog.open();
  await page.route('**/api/v1/reports', async (route) => {
    const body = route.request().postDataJSON() as { runIds: string[] };
    await route.continue({ postData: JSON.stringify({ ...body, runIds: [...body.runIds, 'no-such-run'] }) });
  });
  await dialog.submit.click();
  await expect(dialog.failed).toContainText('no-such-run');
  await page.screenshot({ path: '/tmp/export-dialog-failed.png' });
});
