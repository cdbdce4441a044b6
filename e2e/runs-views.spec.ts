// The runs table's views and the ways into a comparison: chosen columns (tags, metric
// min/max), sorting by them, saved views, "compare all shown" and "compare with…".
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RunlensServer } from './fixtures/runlens-server';
import { finishedRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';

const OUT = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Min and last loss disagree on the order: a has the lowest min (0.1) but the highest last. */
async function seed(server: RunlensServer) {
  const a = await finishedRun(server, { experiment: 'views', name: 'run-a', params: { lr: '0.1' }, tags: { host: 'gpu-2', 'mlflow.user': 'ana' } }, { loss: [1, 0.1, 0.9] });
  const b = await finishedRun(server, { experiment: 'views', name: 'run-b', params: { lr: '0.01' }, tags: { host: 'gpu-10' } }, { loss: [0.5, 0.4, 0.3] });
  const c = await finishedRun(server, { experiment: 'views', name: 'run-c', params: { lr: '0.001' }, tags: { host: 'gpu-1' } }, { loss: [2, 0.2, 0.25] });
  const d = await finishedRun(server, { experiment: 'other', name: 'run-d', params: { lr: '1' } }, { acc: [0.5] });
  return { a, b, c, d };
}

test('choose a tag and a metric-min column, sort by it, save a view, reload and apply it, delete it', async ({ page, server, runsPage }) => {
  await runsPage.open();
  const { a, b, c, d } = await seed(server);
  await expect(runsPage.rowCount).toHaveText('4 runs');

  // mlflow.* system tags stay out of the list until searched for.
  await runsPage.columnsButton.click();
  await expect(runsPage.columnOption('tag:host')).toBeVisible();
  await expect(runsPage.columnOption('tag:mlflow.user')).toHaveCount(0);
  await runsPage.toggleColumn('tag:host', 'host');
  await runsPage.toggleColumn('metric-min:loss', 'loss');
  await runsPage.columnSearch.fill('mlflow');
  await expect(runsPage.columnOption('tag:mlflow.user')).toBeVisible();

  // Escape closes the chooser and gives focus back to its button; the quick filter is untouched.
  await runsPage.columnSearch.press('Escape');
  await expect(runsPage.columnChooser).toHaveCount(0);
  await expect(runsPage.columnsButton).toBeFocused();

  // The chosen columns replace the automatic ones (which had lr and the loss's last value).
  await expect(runsPage.columnHeader('tag:host')).toBeVisible();
  await expect(runsPage.columnHeader('metric-min:loss')).toBeVisible();
  await expect(runsPage.columnHeader('metric:loss')).toBeVisible();
  await expect(runsPage.columnHeader('param:lr')).toBeVisible();
  await expect(runsPage.cell(a, 'metric-min:loss')).toHaveText('0.1');
  await expect(runsPage.cell(b, 'tag:host')).toHaveText('gpu-10');

  // Numbers sort numerically, largest first on the first click; a run without the metric is last both ways.
  await runsPage.sortBy('metric-min:loss');
  await expect.poll(() => runsPage.rowIds()).toEqual([b, c, a, d]);
  await runsPage.sortBy('metric-min:loss');
  await expect.poll(() => runsPage.rowIds()).toEqual([a, c, b, d]);
  await expect(runsPage.columnHeader('metric-min:loss')).toHaveAttribute('aria-sort', 'ascending');
  // Tags sort as text, naturally (gpu-2 before gpu-10); the run without the tag is last.
  await runsPage.sortBy('tag:host');
  await expect.poll(() => runsPage.rowIds()).toEqual([c, a, b, d]);
  await runsPage.sortBy('metric-min:loss');
  await runsPage.sortBy('metric-min:loss');

  await runsPage.runQuery('metrics.loss < 0.5');
  await expect(runsPage.rowCount).toHaveText('2 of 4 runs');
  await runsPage.saveView('low loss');
  await expect(runsPage.appliedView).toHaveText('View: low loss');
  await page.keyboard.press('Escape');
  await expect(runsPage.viewsMenu).toHaveCount(0);

  // A reload starts from the defaults; applying the view brings back query, sort and columns.
  await page.reload();
  await expect(runsPage.rowCount).toHaveText('4 runs');
  await expect(runsPage.columnHeader('tag:host')).toHaveCount(0);
  await expect(runsPage.appliedView).toHaveCount(0);
  await runsPage.applyView('low loss');
  await expect(runsPage.viewsMenu).toHaveCount(0);
  await expect(runsPage.appliedView).toHaveText('View: low loss');
  await expect(runsPage.query).toHaveValue('metrics.loss < 0.5');
  await expect(runsPage.rowCount).toHaveText('2 of 4 runs');
  await expect(runsPage.columnHeader('tag:host')).toBeVisible();
  await expect(runsPage.columnHeader('metric-min:loss')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => runsPage.rowIds()).toEqual([c, b]);

  // Changing the table marks the view edited.
  await runsPage.sortBy('tag:host');
  await expect(runsPage.appliedView).toHaveText('View: low loss(edited)');

  await runsPage.deleteView('low loss');
  await expect(runsPage.view('low loss')).toHaveCount(0);
  await expect(runsPage.appliedView).toHaveCount(0);
  await page.reload();
  await runsPage.openViews();
  await expect(runsPage.viewsMenu).toContainText('None yet');
});

test('"compare all shown" opens a comparison of exactly the runs the query and filter show', async ({ page, server, runsPage, comparePage }) => {
  await runsPage.open();
  const { b, c } = await seed(server);
  await expect(runsPage.rowCount).toHaveText('4 runs');
  await runsPage.runQuery('metrics.loss < 0.5');
  await expect(runsPage.rowCount).toHaveText('2 of 4 runs');
  await expect(runsPage.compareButton).toBeDisabled();
  await runsPage.compareAllButton.click();
  // In table order: newest first.
  await expect(page).toHaveURL(new RegExp(`#/compare\\?runs=${c},${b}$`));
  await expect(comparePage.headerRuns).toHaveCount(2);

  // The quick filter narrows it too; one run shown is nothing to compare.
  await runsPage.open();
  await runsPage.filter.fill('run-c');
  await expect(runsPage.rowCount).toHaveText('1 of 4 runs');
  await expect(runsPage.compareAllButton).toBeDisabled();
});

test('"compare with…" on a run page picks other runs and compares them with it', async ({ page, server, runPage, comparePage }) => {
  const { a, b, c } = await seed(server);
  await runPage.open(a);
  await runPage.compareWithButton.click();
  await expect(runPage.compareWith).toBeVisible();
  // Every other run is listed, this one is not.
  await expect(runPage.compareWith.getByTestId('compare-with-run')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(runPage.compareWith).toHaveCount(0);
  await runPage.compareWithRuns(['run-c', 'run-b']);
  await expect(page).toHaveURL(new RegExp(`#/compare\\?runs=${a},${c},${b}$`));
  await expect(comparePage.headerRuns).toHaveCount(3);
});

test('screenshots of the column chooser, views menu and run picker', async ({ page, server, runsPage, runPage }) => {
  await mkdir(OUT, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    const lr = String([3e-4, 1e-3, 3e-3][i % 3]);
    ids.push(
      await finishedRun(
        server,
        {
          experiment: i % 2 ? 'bert-base-finetune' : 'resnet50-imagenet',
          name: `sweep-${i}-lr${lr}`,
          params: { lr, batch_size: String(32 << (i % 3)), optimizer: ['adamw', 'sgd'][i % 2]!, seed: String(i), 'model.hidden_dropout_prob': '0.1' },
          tags: { host: `gpu-${i % 4}`, git_sha: '9f2c1e7', 'mlflow.user': 'ana', 'mlflow.source.name': 'train.py' },
        },
        { 'train/loss': [2, 1, 0.5 + i / 20], 'val/accuracy': [0.5, 0.8, 0.9 - i / 100], 'val/loss_with_a_rather_long_metric_name': [1, 0.7, 0.6] },
      ),
    );
  }
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // A reload, so the second theme starts from the default columns again.
    await runsPage.open();
    await page.reload();
    await expect(runsPage.rowCount).toHaveText('8 runs');
    await runsPage.toggleColumn('tag:host', '');
    await runsPage.toggleColumn('metric-min:train/loss', '');
    await runsPage.toggleColumn('metric-max:val/accuracy', '');
    await runsPage.columnSearch.fill('');
    await page.screenshot({ path: `${OUT}runs-columns-${scheme}.png`, clip: { x: 0, y: 0, width: 1280, height: 560 } });
    await page.keyboard.press('Escape');
    if (scheme === 'light') {
      await runsPage.table.evaluate((table) => table.scrollTo({ left: table.scrollWidth }));
      await runsPage.sortBy('metric-min:train/loss');
      await page.screenshot({ path: `${OUT}runs-chosen-columns-light.png`, clip: { x: 0, y: 0, width: 1280, height: 420 } });
    }
    await runsPage.saveView(`best accuracy ${scheme}`);
    await runsPage.saveView('a view with a long name to see how it truncates');
    await page.screenshot({ path: `${OUT}runs-views-${scheme}.png`, clip: { x: 0, y: 0, width: 1280, height: 420 } });
    await page.keyboard.press('Escape');
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await runPage.open(ids[0]!);
  await runPage.compareWithButton.click();
  await runPage.compareWith.getByTestId('compare-with-run').nth(1).getByRole('checkbox').check();
  await page.screenshot({ path: `${OUT}compare-with-light.png`, clip: { x: 0, y: 0, width: 1280, height: 520 } });
});
