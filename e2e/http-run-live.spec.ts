import { createRun, logSeries } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';

test('a run logged over HTTP appears live and its page charts all 10,000 points', async ({ page, server, runsPage, runPage }) => {
  await runsPage.open();
  await expect(runsPage.emptyState).toBeVisible();

  const run = await createRun(server, { experiment: 'e2e', name: 'http-run', params: { lr: '0.001' } });
  const { accepted } = await logSeries(server, run.id, 'loss', 0, 10_000);
  expect(accepted).toBe(10_000);

  // No reload: the run arrives through the event feed.
  await expect(runsPage.row(run.id)).toBeVisible({ timeout: 2_000 });
  await expect(runsPage.rowCount).toHaveText('1 run');
  await expect(runsPage.cell(run.id, 'status')).toHaveText(/RUNNING/);
  await expect(runsPage.cell(run.id, 'metric:loss')).toHaveText(/^\d/);
  // A running run's duration counts up on its own.
  const duration = await runsPage.cell(run.id, 'duration').textContent();
  await expect(runsPage.cell(run.id, 'duration')).not.toHaveText(duration ?? '');

  await runsPage.openRun(run.id);
  await expect(page).toHaveURL(new RegExp(`#/runs/${run.id}$`));
  await expect(runPage.name).toHaveText('http-run');
  await expect(runPage.chart('loss')).toBeVisible();
  await expect(runPage.chartLine('loss')).toHaveAttribute('d', /^M/);
  await expect(runPage.pointsCount('loss')).toHaveText('10,000');
  // 10,000 points do not fit the chart's width: it shows bucket means with a min–max band.
  await expect(runPage.chart('loss').locator('.recharts-area-area')).toHaveCount(1);
  await expect(runPage.lastStep('loss')).toHaveText('9,999');
});
