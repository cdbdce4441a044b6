// An HTML report made by `runlens report` from runs logged over the API, then opened from a
// file:// URL in Chromium with every network request refused: it must need nothing but itself,
// show the logged numbers, draw the charts, keep secrets out, and its script must toggle runs
// and show values on hover.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { scriptedPipeline } from './fixtures/dataset-pipeline';
import { finishedRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';
import { HtmlReportPage } from './pages/html-report-page';

const CLI = resolve(fileURLToPath(import.meta.url), '../../out/main/cli.js');
const run = promisify(execFile);

const SECRETS = { 'env.WANDB_API_KEY': 'wandb-secret-value-1', hf_token: 'hf-secret-value-2' };
const ALPHA = { loss: [1, 0.5, 0.25, 0.375], acc: [0.5, 0.75, 0.875] };
const BETA = { loss: [1.5, 0.75, 0.625, 0.5], acc: [0.25, 0.5, 0.625] };
const summary = (values: number[]) => [values[values.length - 1]!, Math.min(...values), Math.max(...values)];

test('the HTML report opens offline from a file, shows the logged numbers and charts, and its script toggles and hovers', async ({ page, server }) => {
  const alpha = await finishedRun(server, { experiment: 'report', name: 'report-alpha <α>', params: { lr: '0.001', opt: 'adam' }, tags: { ...SECRETS, team: 'vision' } }, ALPHA);
  const beta = await finishedRun(server, { experiment: 'report', name: 'report-beta', params: { lr: '0.01', opt: 'adam' }, tags: SECRETS }, BETA);
  const dir = await mkdtemp(join(tmpdir(), 'runlens-e2e-report-'));
  try {
    const file = join(dir, 'report.html');
    const made = await run(process.execPath, [CLI, 'report', '--runs', `${alpha},${beta}`, '--baseline', alpha, '--format', 'html', '--out', file, '--data', server.dataDir]);
    expect(made.stdout).toContain('(2 run(s), 2 metric(s))');
    expect(await readFile(file, 'utf8')).not.toMatch(/wandb-secret-value-1|hf-secret-value-2/);

    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const url = pathToFileURL(file).href;
    // The route sees file:// requests too: the document itself may load, anything else fails.
    await page.context().route('**/*', (r) => (r.request().url() === url ? r.continue() : r.abort()));
    await page.goto(url);
    const report = new HtmlReportPage(page);

    await expect(report.runsTable.locator('tbody tr')).toHaveCount(2);
    await expect(report.runsTable).toContainText('report-alpha <α>');
    await expect(report.runsTable).toContainText('report-beta');
    await expect(report.runsTable).toContainText('team = vision');

    expect(await report.summaryValues('loss', alpha)).toEqual(summary(ALPHA.loss));
    expect(await report.summaryValues('acc', alpha)).toEqual(summary(ALPHA.acc));
    // Beta's row adds its last value's difference from the baseline, alpha.
    expect(await report.summaryValues('loss', beta)).toEqual([...summary(BETA.loss), 0.5 - 0.375]);
    expect(await report.summaryValues('acc', beta)).toEqual([...summary(BETA.acc), 0.625 - 0.875]);

    await expect(report.charts).toHaveCount(2);
    for (const key of ['loss', 'acc']) {
      for (const id of [alpha, beta]) {
        await expect(report.line(key, id)).toBeVisible();
        expect(await report.line(key, id).getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+$/);
      }
    }
    await page.screenshot({ path: '/tmp/report-html.png', fullPage: true });

    // Hovering near the right end of the loss chart lists both runs at the last step.
    await report.hover('loss', 0.99);
    await expect(report.tooltip).toBeVisible();
    await expect(report.tooltip).toContainText('loss at step 3');
    await expect(report.tooltip).toContainText('report-alpha <α>0.375');
    await expect(report.tooltip).toContainText('report-beta0.5');
    await page.screenshot({ path: '/tmp/report-html-hover.png' });

    // A run's legend entry hides its lines in every chart; its swatch in the runs table shows them again.
    await report.legendEntry('loss', alpha).click();
    await expect(report.line('loss', alpha)).toBeHidden();
    await expect(report.line('acc', alpha)).toBeHidden();
    await expect(report.line('loss', beta)).toBeVisible();
    await report.hover('loss', 0.99);
    await expect(report.tooltip).not.toContainText('report-alpha');
    await report.runsTable.locator(`.swatch.toggle[data-toggle-run="${alpha}"]`).click();
    await expect(report.line('loss', alpha)).toBeVisible();
    await expect(report.line('acc', alpha)).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: '/tmp/report-html-print.png', fullPage: true });

    expect(await page.content()).not.toMatch(/wandb-secret-value-1|hf-secret-value-2/);
    expect(errors).toEqual([]);
    // Nothing but the document itself was asked for.
    expect(requests).toEqual([url]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the HTML report draws each run's input lineage, and reads in dark mode", async ({ page, server }) => {
  const dir = await mkdtemp(join(tmpdir(), 'runlens-e2e-report-'));
  try {
    const pipeline = await scriptedPipeline(server, dir);
    const file = join(dir, 'report.html');
    await run(process.execPath, [CLI, 'report', '--runs', `${pipeline.trainOld},${pipeline.trainNew}`, '--sections', 'runs,charts,lineage', '--format', 'html', '--out', file, '--data', server.dataDir]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(pathToFileURL(file).href);

    await expect(page.locator('section')).toHaveCount(3);
    const graphs = page.locator('#lineage svg');
    await expect(graphs).toHaveCount(2);
    for (const [i, name] of [[0, 'train-old'], [1, 'train-new']] as const) {
      await expect(graphs.nth(i)).toContainText(`Inputs of ${name}`);
      await expect(graphs.nth(i)).toContainText('reviews/clean');
    }
    // Only the first version of clean.csv was made by the prepare run; the second was edited by hand.
    await expect(graphs.nth(0)).toContainText('prepare');
    await expect(graphs.nth(1)).not.toContainText('prepare');
    await page.screenshot({ path: '/tmp/report-html-dark.png', fullPage: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
