import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createRun, finishedRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';

const OUT = fileURLToPath(new URL('./screenshots/', import.meta.url));

test('query the table, select runs, compare them, and reload the comparison', async ({ page, server, runsPage, comparePage }) => {
  await runsPage.open();
  // lr differs between all three runs, batch_size is the same; only `a` logs `extra`.
  const a = await finishedRun(server, { experiment: 'compare', name: 'cmp-a', params: { lr: '0.001', batch_size: '32' } }, { loss: [1, 0.5, 0.2], acc: [0.5, 0.7, 0.9], extra: [1] });
  const b = await finishedRun(server, { experiment: 'compare', name: 'cmp-b', params: { lr: '0.01', batch_size: '32' } }, { loss: [1.2, 0.6, 0.4], acc: [0.4, 0.6, 0.8] });
  const c = await finishedRun(server, { experiment: 'compare', name: 'cmp-c', params: { lr: '0.1', batch_size: '32' } }, { loss: [0.9, 0.3, 0.1], acc: [0.6, 0.8, 0.95] });
  await expect(runsPage.rowCount).toHaveText('3 runs');

  // A query in MLflow's syntax, evaluated by the core: the last loss value counts.
  await runsPage.runQuery("metrics.loss < 0.3 and params.batch_size = '32' and attributes.status = 'FINISHED'");
  await expect(runsPage.rowCount).toHaveText('2 of 3 runs');
  await expect(runsPage.row(a)).toBeVisible();
  await expect(runsPage.row(c)).toBeVisible();
  await expect(runsPage.row(b)).toHaveCount(0);

  // An invalid query says where it went wrong, and the table shows every run meanwhile.
  await runsPage.runQuery("metrics.loss < 'low'");
  await expect(runsPage.queryError).toContainText('Invalid filter at character 16');
  await expect(runsPage.queryErrorToken).toHaveText("'low'");
  await expect(runsPage.queryError).toContainText("expected a number for metric 'loss'");
  await expect(runsPage.rowCount).toHaveText('3 runs');

  // The table stays live under a query: a run that starts matching appears.
  await runsPage.runQuery('metrics.loss < 0.3');
  await expect(runsPage.rowCount).toHaveText('2 of 3 runs');
  await server.api('POST', `/api/v1/runs/${b}/log`, { metrics: [{ key: 'loss', step: 3, value: 0.25 }] });
  await expect(runsPage.rowCount).toHaveText('3 runs');
  await server.api('POST', `/api/v1/runs/${b}/log`, { metrics: [{ key: 'loss', step: 4, value: 0.4 }] });
  await expect(runsPage.rowCount).toHaveText('2 of 3 runs');
  await runsPage.query.press('Escape');
  await expect(runsPage.queryError).toHaveCount(0);
  await expect(runsPage.rowCount).toHaveText('3 runs');

  // Selection: all visible, none, then a shift-click range (newest first: c, b, a).
  await expect(runsPage.compareButton).toBeDisabled();
  await runsPage.checkAll.check();
  await expect(runsPage.compareButton).toHaveText('Compare (3)');
  await runsPage.checkAll.uncheck();
  await expect(runsPage.compareButton).toHaveText('Compare (0)');
  await runsPage.check(c);
  await runsPage.check(a, { shift: true });
  await expect(runsPage.compareButton).toHaveText('Compare (3)');
  await runsPage.compareButton.click();
  await expect(page).toHaveURL(new RegExp(`#/compare\\?runs=${c},${b},${a}$`));

  /** `params`: the param rows shown, which depend on the "only differences" mode. */
  const assertComparison = async (params: RegExp[]) => {
    await expect(comparePage.headerRuns).toHaveCount(3);
    await expect(comparePage.paramRows).toHaveText(params);
    await expect(comparePage.paramRow('lr')).toBeVisible();
    await expect(comparePage.charts).toHaveCount(2);
    await expect(comparePage.chartLines('loss')).toHaveCount(3);
    await expect(comparePage.chartLines('acc')).toHaveCount(3);
  };
  await assertComparison([/lr/]);
  await expect(comparePage.chart('extra')).toHaveCount(0);

  // Baseline = a: b's last loss is higher (+), c's lower (−); lr differs from a's in b and c.
  await comparePage.makeBaseline(a);
  await expect(comparePage.summaryCell('loss', b, 'last')).toHaveText('0.4');
  await expect(comparePage.summaryCell('loss', b, 'min')).toHaveText('0.25');
  await expect(comparePage.summaryCell('loss', b, 'max')).toHaveText('1.2');
  await expect(comparePage.summaryCell('loss', c, 'last')).toHaveText('0.1');
  await expect(comparePage.summaryCell('loss', a, 'last')).toHaveText('0.2');
  await expect(comparePage.summaryCell('loss', a, 'min')).toHaveText('0.2');
  await expect(comparePage.summaryCell('loss', a, 'max')).toHaveText('1');
  await expect(comparePage.summaryCell('loss', b, 'delta')).toHaveAttribute('data-sign', 'positive');
  await expect(comparePage.summaryCell('loss', b, 'delta')).toHaveText('+0.2');
  await expect(comparePage.summaryCell('loss', c, 'delta')).toHaveAttribute('data-sign', 'negative');
  await expect(comparePage.summaryCell('loss', c, 'delta')).toHaveText('-0.1');
  await expect(comparePage.summaryCell('loss', a, 'delta')).toHaveCount(0);
  const lrCells = comparePage.paramRow('lr').getByTestId('param-cell');
  await expect(lrCells).toHaveText(['0.1', '0.01', '0.001']);
  await expect(lrCells.nth(2)).not.toHaveAttribute('data-different');
  await expect(lrCells.nth(0)).toHaveAttribute('data-different', 'true');

  await comparePage.showAllParams();
  await expect(comparePage.paramRows).toHaveText([/batch_size/, /lr/]);

  // The reload keeps the comparison and its view, "only differences" off included.
  await page.reload();
  await assertComparison([/batch_size/, /lr/]);
});

test('the compare page says what to do with too few or unknown runs', async ({ server, comparePage }) => {
  const a = await finishedRun(server, { experiment: 'compare', name: 'only', params: { lr: '1' } }, { loss: [1] });
  await comparePage.open([a]);
  await expect(comparePage.message).toContainText('at least two runs');
  await comparePage.open([a, 'nosuchrun']);
  await expect(comparePage.message).toContainText('nosuchrun');
});

test('screenshots of the compare page', async ({ page, server, runsPage, comparePage }) => {
  await mkdir(OUT, { recursive: true });
  const ids: string[] = [];
  for (const [i, lr] of ['0.0003', '0.001', '0.003'].entries()) {
    const run = await createRun(server, {
      experiment: 'resnet50-imagenet',
      name: `sweep-lr${lr}-with-a-rather-long-name-${i}`,
      params: { lr, batch_size: '256', optimizer: i === 2 ? 'sgd' : 'adamw', 'model.depth': '50', 'model.width': String(64 * (i + 1)), seed: '7' },
    });
    const metrics = [];
    for (let step = 0; step < 3000; step++) {
      const decay = Math.exp(-step / (500 + 300 * i));
      metrics.push({ key: 'train/loss', step, value: 2.3 * decay + 0.1 + 0.08 * Math.sin(step / 5 + i) + (step % 700 === 300 ? 1 : 0) });
      if (step % 50 === 0) metrics.push({ key: 'val/accuracy', step, value: 0.95 - 0.85 * decay - 0.02 * i });
    }
    await server.api('POST', `/api/v1/runs/${run.id}/log`, { metrics });
    if (i < 2) await server.api('POST', `/api/v1/runs/${run.id}/finish`, { status: i === 1 ? 'FAILED' : 'FINISHED' });
    ids.push(run.id);
  }
  await page.setViewportSize({ width: 1280, height: 1000 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await comparePage.open(ids);
    await expect(comparePage.chartLines('train/loss')).toHaveCount(3);
    await expect(comparePage.chartLines('val/accuracy')).toHaveCount(3);
    await page.screenshot({ path: `${OUT}compare-${scheme}.png`, fullPage: true });
  }
  await runsPage.open();
  await runsPage.runQuery("metrics.train/loss < 0.2 and params.lr = 0.001");
  await expect(runsPage.queryError).toBeVisible();
  await page.screenshot({ path: `${OUT}runs-query-error-dark.png`, clip: { x: 0, y: 0, width: 1280, height: 240 } });
});
