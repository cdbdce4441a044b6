import { createRun, logSeries } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';

test('points logged while the run page is open extend its chart', async ({ server, runPage }) => {
  const run = await createRun(server, { experiment: 'e2e', name: 'live-run' });
  await logSeries(server, run.id, 'loss', 0, 100);

  await runPage.open(run.id);
  await expect(runPage.pointsCount('loss')).toHaveText('100');
  await expect(runPage.lastStep('loss')).toHaveText('99');

  await logSeries(server, run.id, 'loss', 100, 400);
  await expect(runPage.pointsCount('loss')).toHaveText('500');
  await expect(runPage.lastStep('loss')).toHaveText('499');

  // A diverged value draws a gap and flags the chart.
  await expect(runPage.chart('loss').getByTestId('nonfinite-badge')).toHaveCount(0);
  await server.api('POST', `/api/v1/runs/${run.id}/log`, { metrics: [{ key: 'loss', step: 500, value: 'NaN' }] });
  await expect(runPage.chart('loss').getByTestId('nonfinite-badge')).toBeVisible();
  await expect(runPage.pointsCount('loss')).toHaveText('501');

  // A key logged for the first time gets its own chart without a reload.
  await logSeries(server, run.id, 'val/acc', 0, 50);
  await expect(runPage.pointsCount('val/acc')).toHaveText('50');
});
