// The compare page's metric charts, as a user drives them: the crosshair reads every run's
// exact value, a one-point spike in a million points survives the reduction, a drag zooms
// every chart and re-queries the core for finer points, the view survives a reload, runs
// group by params, and live logging updates the charts without losing the zoom.
import type { RunlensServer } from './fixtures/runlens-server';
import { createRun, loggedRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';

/** A still-running run of the `charts` experiment with these params and, per key, values at steps 0, 1, 2… */
const chartRun = (server: RunlensServer, name: string, params: Record<string, string>, series: Record<string, number[]>) =>
  loggedRun(server, { experiment: 'charts', name, params }, series);

const rangeInUrl = /[?&]range=(-?[\d.e+-]+)~(-?[\d.e+-]+)/;

test('the crosshair lists every run’s exact value at the hovered step; smoothing, log and x-axis live in the URL', async ({ page, server, comparePage }) => {
  const loss = { a: [5, 4, 3, 2.5, 2.25, 2], b: [6, 5.5, 5, 4.75, 4.5, 4.25], c: [1, 0.9, 0.8, 0.7, 0.61, 0.5] };
  const a = await chartRun(server, 'charts-a', { lr: '0.1' }, { loss: loss.a, acc: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] });
  const b = await chartRun(server, 'charts-b', { lr: '0.01' }, { loss: loss.b, acc: [0.2, 0.3] });
  const c = await chartRun(server, 'charts-c', { lr: '0.001' }, { loss: loss.c });
  await comparePage.open([a, b, c]);
  // Default keys: those every run has. `acc` is missing in c.
  await expect(comparePage.charts).toHaveCount(1);
  await comparePage.waitForChart('loss');
  await expect(comparePage.chartLines('loss')).toHaveCount(3);

  await comparePage.hoverAt('loss', 4);
  const legend = page.getByTestId('crosshair-legend');
  await expect(legend).toContainText('step 4');
  // Sorted by value, highest first, each the exact logged value.
  await expect(comparePage.crosshairRows).toHaveText([/charts-b\s*4\.5$/, /charts-a\s*2\.25$/, /charts-c\s*0\.61$/]);
  await expect(comparePage.crosshairValue(c)).toHaveAttribute('data-value', '0.61');

  // The key picker adds a key only some runs have: the legend says who has no data.
  await comparePage.pickKeys('acc');
  await comparePage.waitForChart('acc');
  await expect(comparePage.legendItem('acc', c)).toHaveAttribute('data-state', 'no-data');
  await expect(comparePage.legendItem('acc', c)).toContainText('no data');
  await expect(comparePage.chartLines('acc')).toHaveCount(2);
  // Hovering past b's last step: b has no value there, a does.
  await comparePage.hoverAt('acc', 5);
  await expect(comparePage.crosshairValue(a)).toHaveAttribute('data-value', '0.6');
  await expect(comparePage.crosshairValue(b)).toHaveAttribute('data-value', '');

  await comparePage.setSmoothing(0.6);
  await comparePage.toggleLog('loss');
  await comparePage.setXAxis('relative');
  await expect(page).toHaveURL(/smooth=0\.6/);
  await expect(page).toHaveURL(/log=loss/);
  await expect(page).toHaveURL(/x=relative/);
  await expect(page).toHaveURL(/keys=loss,acc/);

  await page.reload();
  await comparePage.waitForChart('loss');
  await expect(page.getByTestId('smoothing-value')).toHaveText('0.60');
  await expect(page.getByTestId('x-axis-select')).toHaveValue('relative');
  await expect(comparePage.chart('loss')).toHaveAttribute('data-log', 'true');
  await expect(comparePage.chart('loss').getByTestId('chart-log-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(comparePage.chart('acc')).toHaveAttribute('data-log', 'false');
  await expect(comparePage.charts).toHaveCount(2);
});

test('a one-point spike in a million points shows, and a drag zoom re-queries down to the exact points', async ({ page, server, comparePage }) => {
  test.setTimeout(120_000);
  const SPIKE = 654_321;
  const run = await createRun(server, { experiment: 'charts', name: 'million' });
  for (let from = 0; from < 1_000_000; from += 100_000) {
    const metrics = Array.from({ length: 100_000 }, (_, i) => {
      const step = from + i;
      return { key: 'loss', step, value: step === SPIKE ? 100 : 1 + 0.01 * Math.sin(step / 50) };
    });
    await server.api('POST', `/api/v1/runs/${run.id}/log`, { metrics });
  }
  const other = await chartRun(server, 'short', {}, { loss: [2, 1.5, 1.2] });
  await comparePage.open([run.id, other]);
  await comparePage.waitForChart('loss');

  let state = await comparePage.chartState('loss');
  expect(state.exact).toBe(false);
  expect(state.yMax).toBeGreaterThan(95);
  expect(state.xMax).toBeGreaterThanOrEqual(999_999);
  await expect(comparePage.chart('loss')).toContainText('min–max band');

  // Zoom in around the spike, a twentieth of the span at a time, until the core sends every point.
  for (let i = 0; i < 5 && !state.exact; i++) {
    const span = state.xMax - state.xMin;
    const before = page.url();
    await comparePage.zoom('loss', SPIKE - span / 40, SPIKE + span / 40);
    await expect(page).not.toHaveURL(before);
    await comparePage.waitForChart('loss');
    await expect.poll(async () => (await comparePage.chartState('loss')).xMax - (await comparePage.chartState('loss')).xMin).toBeLessThan(span / 10);
    await expect.poll(async () => (await comparePage.chartState('loss')).points).toBeLessThan(state.points * 2);
    state = await comparePage.chartState('loss');
  }
  await expect(comparePage.chart('loss')).toHaveAttribute('data-exact', 'true');
  state = await comparePage.chartState('loss');
  const [, lo, hi] = rangeInUrl.exec(page.url())!.map(Number);
  expect(state.xMin).toBeCloseTo(lo!, 3);
  expect(state.xMax).toBeCloseTo(hi!, 3);
  // Every step in the range, as logged: one point per step, the spike among them.
  expect(state.points).toBe(Math.floor(hi!) - Math.ceil(lo!) + 1);
  expect(state.yMax).toBeGreaterThan(95);
  await comparePage.hoverAt('loss', SPIKE);
  await expect(comparePage.crosshairValue(run.id)).toHaveAttribute('data-value', '100');
  await expect(comparePage.legendItem('loss', other)).toHaveAttribute('data-state', 'no-data');

  // The zoom is in the address: a reload shows the same range, exact.
  await page.reload();
  await comparePage.waitForChart('loss');
  await expect(comparePage.chart('loss')).toHaveAttribute('data-exact', 'true');
  expect((await comparePage.chartState('loss')).xMin).toBeCloseTo(lo!, 3);
  await expect(page.getByTestId('zoom-range')).toBeVisible();

  await page.getByTestId('reset-zoom').click();
  await expect(page).not.toHaveURL(/range=/);
  await expect.poll(async () => (await comparePage.chartState('loss')).xMax).toBeGreaterThanOrEqual(999_999);
  await expect(comparePage.chart('loss')).toHaveAttribute('data-exact', 'false');
});

test('grouping by a param draws one mean line per group with its run count', async ({ page, server, comparePage }) => {
  const ids = [
    await chartRun(server, 'g-a', { lr: '0.1', seed: '1' }, { loss: [1, 1, 1] }),
    await chartRun(server, 'g-b', { lr: '0.1', seed: '2' }, { loss: [3, 3, 3] }),
    await chartRun(server, 'g-c', { lr: '0.01', seed: '1' }, { loss: [10, 10, 10] }),
  ];
  await comparePage.open(ids);
  await comparePage.waitForChart('loss');
  await comparePage.groupBy('lr');
  await expect(page).toHaveURL(/group=lr/);
  await comparePage.waitForChart('loss');
  const items = comparePage.legendItems('loss');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'lr=0.1' }).getByTestId('group-run-count')).toHaveText('2 runs');
  await expect(items.filter({ hasText: 'lr=0.01' }).getByTestId('group-run-count')).toHaveText('1 run');
  await expect(comparePage.chart('loss')).toContainText('mean ± std');

  await comparePage.hoverAt('loss', 1);
  await expect(comparePage.crosshairRows).toHaveText([/lr=0\.01 \(1\)\s*10$/, /lr=0\.1 \(2\)\s*2$/]);

  await page.reload();
  await comparePage.waitForChart('loss');
  await expect(comparePage.legendItems('loss')).toHaveCount(2);
});

test('charts follow a run that is still logging, and keep the zoom while they do', async ({ page, server, comparePage }) => {
  const a = await chartRun(server, 'live-a', {}, { loss: Array.from({ length: 50 }, (_, i) => 1 / (i + 1)) });
  const b = await chartRun(server, 'live-b', {}, { loss: Array.from({ length: 50 }, (_, i) => 2 / (i + 1)) });
  await comparePage.open([a, b]);
  await comparePage.waitForChart('loss');
  expect((await comparePage.chartState('loss')).xMax).toBe(49);

  const more = (from: number) => ({ metrics: Array.from({ length: 50 }, (_, i) => ({ key: 'loss', step: from + i, value: 0.01 })) });
  await server.api('POST', `/api/v1/runs/${a}/log`, more(50));
  await expect.poll(async () => (await comparePage.chartState('loss')).xMax).toBe(99);

  await comparePage.zoom('loss', 20, 40);
  await expect(page).toHaveURL(rangeInUrl);
  await comparePage.waitForChart('loss');
  const zoomed = await comparePage.chartState('loss');
  await server.api('POST', `/api/v1/runs/${a}/log`, more(100));
  await expect(comparePage.chart('loss')).toHaveAttribute('data-extent-max', '149');
  const after = await comparePage.chartState('loss');
  expect([after.xMin, after.xMax]).toEqual([zoomed.xMin, zoomed.xMax]);
  await expect(page).toHaveURL(rangeInUrl);
});
