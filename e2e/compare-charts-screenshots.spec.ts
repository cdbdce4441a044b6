// Not an assertion of behaviour: renders the compare charts with 3 and with 20 runs, in both
// themes, with the crosshair legend open, into e2e/screenshots/ for a person to look at.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RunlensServer } from './fixtures/runlens-server';
import { createRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';

const OUT = fileURLToPath(new URL('./screenshots/', import.meta.url));
const KEYS = ['train/loss', 'val/loss', 'train/accuracy', 'val/accuracy', 'lr', 'grad_norm'];

async function sweep(server: RunlensServer, count: number, steps: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const lr = [3e-4, 1e-3, 3e-3, 1e-2][i % 4]!;
    const run = await createRun(server, {
      experiment: 'resnet50-imagenet',
      name: `sweep-lr${lr}-seed${i % 5}-${String(i).padStart(2, '0')}`,
      params: { lr: String(lr), optimizer: i % 2 ? 'adamw' : 'sgd', seed: String(i % 5) },
    });
    const metrics = [];
    const tau = 800 + 90 * i;
    // Runs started a minute apart, a step every half second: wall and relative time axes read true.
    const start = Date.now() + i * 60_000;
    for (let step = 0; step < steps; step++) {
      const decay = Math.exp(-step / tau);
      const noise = Math.sin(step * 12.9898 + i * 78.233) * 0.06;
      const timestamp = start + step * 500;
      metrics.push({ key: 'train/loss', step, timestamp, value: 2.3 * decay + 0.12 + noise + (step % 1700 === 900 + i * 13 ? 1.5 : 0) });
      metrics.push({ key: 'grad_norm', step, timestamp, value: 1 + Math.abs(noise) * 30 + (step > steps * 0.9 && i === 3 && step % 97 === 0 ? 'NaN' as unknown as number : 0) });
      if (step % 50 === 0) {
        metrics.push({ key: 'val/loss', step, timestamp, value: 2.4 * decay + 0.2 + i * 0.01 });
        metrics.push({ key: 'val/accuracy', step, timestamp, value: 0.93 - 0.83 * decay - 0.004 * i });
        metrics.push({ key: 'train/accuracy', step, timestamp, value: 0.97 - 0.87 * decay + noise / 10 });
        metrics.push({ key: 'lr', step, timestamp, value: lr * 0.5 * (1 + Math.cos((Math.PI * step) / steps)) });
      }
    }
    await server.api('POST', `/api/v1/runs/${run.id}/log`, { metrics: metrics.filter((m) => Number.isFinite(m.value)) });
    ids.push(run.id);
  }
  return ids;
}

test('screenshots of the compare charts', async ({ page, server, comparePage }) => {
  test.setTimeout(180_000);
  await mkdir(OUT, { recursive: true });
  const ids = await sweep(server, 20, 5000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  for (const [n, extra, label] of [
    [3, '', ''],
    [20, '', ''],
    [20, '&smooth=0.8&group=lr', '-grouped'],
    [3, '&x=relative&log=train/loss,grad_norm', '-relative-log'],
    [20, '&x=time', '-time'],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.url}#/compare?runs=${ids.slice(0, n).join(',')}&keys=${KEYS.map(encodeURIComponent).join(',')}${extra}`);
      for (const key of KEYS) await comparePage.waitForChart(key);
      const charts = page.getByTestId('compare-charts');
      await charts.scrollIntoViewIfNeeded();
      const name = `compare-charts-${n}${label}-${scheme}`;
      await charts.screenshot({ path: `${OUT}${name}.png` });
      const { xMin, xMax } = await comparePage.chartState('train/loss');
      await comparePage.hoverAt('train/loss', xMin + (xMax - xMin) * 0.52);
      await expect(page.getByTestId('crosshair-legend')).toBeVisible();
      // The page, not the chart element: the legend may reach past the chart's panel.
      const box = (await comparePage.chart('train/loss').boundingBox())!;
      await page.screenshot({ path: `${OUT}${name}-crosshair.png`, clip: { ...box, height: box.height + 60 } });
    }
  }

  // The pickers, open, over the charts.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${server.url}#/compare?runs=${ids.slice(0, 3).join(',')}`);
  await comparePage.waitForChart('train/loss');
  const picker = page.getByTestId('key-picker');
  await picker.getByRole('button').first().click();
  await picker.getByTestId('key-picker-search').fill('loss');
  const toolbar = (await page.getByTestId('compare-charts').boundingBox())!;
  await page.screenshot({ path: `${OUT}compare-charts-key-picker-light.png`, clip: { ...toolbar, height: 320 } });
  await page.keyboard.press('Escape');
  await page.getByTestId('group-picker').getByRole('button').first().click();
  await page.screenshot({ path: `${OUT}compare-charts-group-picker-light.png`, clip: { ...toolbar, height: 320 } });
});
