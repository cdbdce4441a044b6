// Not an assertion of behaviour: renders the main screens in both themes into e2e/screenshots/
// so a person can look at them (dense tables, axis labels, contrast).
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RunlensServer } from './fixtures/runlens-server';
import { createRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';

const OUT = fileURLToPath(new URL('./screenshots/', import.meta.url));

const OPTIMIZERS = ['adam', 'adamw', 'sgd', 'lion'];
const STATUSES = ['FINISHED', 'FINISHED', 'FAILED', 'KILLED', 'FINISHED'] as const;

/** A plausible sweep: params that vary, curves that differ, some runs still going. */
async function seedSweep(server: RunlensServer, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const lr = [3e-4, 1e-3, 3e-3, 1e-2][i % 4]!;
    const run = await createRun(server, {
      experiment: i % 3 === 0 ? 'resnet50-imagenet' : 'bert-base-finetune',
      name: `sweep-${String(i).padStart(3, '0')}-lr${lr}`,
      params: { lr: String(lr), batch_size: String(32 << (i % 3)), optimizer: OPTIMIZERS[i % 4]!, seed: String(1000 + i) },
    });
    const steps = 200 + 37 * i;
    const metrics = [];
    for (let step = 0; step < steps; step++) {
      const decay = Math.exp(-step / (150 + 10 * i));
      metrics.push({ key: 'loss', step, value: 2.3 * decay + 0.1 + 0.03 * Math.sin(step / 7 + i) });
      if (step % 10 === 0) {
        metrics.push({ key: 'val/loss', step, value: 2.4 * decay + 0.18 });
        metrics.push({ key: 'val/accuracy', step, value: 0.95 - 0.85 * decay });
      }
      if (step % 25 === 0) metrics.push({ key: 'lr', step, value: lr * (1 - step / steps) });
    }
    await server.api('POST', `/api/v1/runs/${run.id}/log`, { metrics, tags: { host: `gpu-${i % 4}` } });
    if (i % 6 !== 5) await server.api('POST', `/api/v1/runs/${run.id}/finish`, { status: STATUSES[i % STATUSES.length] });
    ids.push(run.id);
  }
  return ids;
}

/** One long noisy run (downsampled, so the min/max band shows) with a diverged tail. */
async function seedLongRun(server: RunlensServer) {
  const run = await createRun(server, {
    experiment: 'resnet50-imagenet',
    name: 'long-run-with-spikes',
    params: { lr: '0.1', batch_size: '256', optimizer: 'sgd', seed: '7', warmup_steps: '2000', weight_decay: '0.0001' },
  });
  const metrics = [];
  for (let step = 0; step < 20_000; step++) {
    const spike = step % 1500 === 700 ? 3 : 0;
    metrics.push({ key: 'train/loss', step, value: 3 * Math.exp(-step / 4000) + 0.2 + 0.15 * Math.random() + spike });
    if (step % 50 === 0) metrics.push({ key: 'grad_norm', step, value: step > 18_000 && step % 200 === 0 ? 'NaN' : 1 + Math.random() * 1e3 });
    if (step % 100 === 0) metrics.push({ key: 'throughput/samples_per_sec', step, value: 12_000 + 800 * Math.sin(step / 900) });
    if (step % 100 === 0) metrics.push({ key: 'tiny', step, value: 3.4e-5 * (1 + Math.sin(step / 1000)) });
  }
  await server.api('POST', `/api/v1/runs/${run.id}/log`, { metrics, tags: { host: 'gpu-0', git_sha: '9f2c1e7' } });
  return run.id;
}

test('screenshots of the main screens', async ({ page, server, runsPage, runPage }) => {
  test.setTimeout(120_000);
  await mkdir(OUT, { recursive: true });

  await page.emulateMedia({ colorScheme: 'light' });
  await runsPage.open();
  await expect(runsPage.emptyState).toBeVisible();
  await page.screenshot({ path: `${OUT}empty-state-light.png` });

  await seedSweep(server, 30);
  const longRunId = await seedLongRun(server);
  await expect(runsPage.rowCount).toHaveText('31 runs');
  await page.screenshot({ path: `${OUT}runs-light.png` });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${OUT}runs-dark.png` });

  await runsPage.filter.fill('adamw');
  await page.getByTestId('watch-panel-toggle').click();
  await page.screenshot({ path: `${OUT}runs-filtered-drawer-dark.png` });
  await page.getByTestId('watch-panel-toggle').click();
  await runsPage.filter.fill('');

  await runPage.open(longRunId);
  await expect(runPage.chartLine('train/loss')).toBeVisible();
  await expect(runPage.chartLine('tiny')).toBeVisible();
  await page.screenshot({ path: `${OUT}run-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${OUT}run-light.png`, fullPage: true });

  const chart = runPage.chart('train/loss');
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.6);
  await expect(page.locator('.chart-tooltip')).toBeVisible();
  await chart.screenshot({ path: `${OUT}chart-tooltip-light.png` });
});

test('screenshots of the bundled samples', async ({ page, runsPage, runPage }) => {
  await mkdir(OUT, { recursive: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await runsPage.open();
  await runsPage.loadSamplesButton.click();
  await expect(runsPage.rows.first()).toBeVisible();
  await page.screenshot({ path: `${OUT}samples-runs-light.png` });
  const firstId = await runsPage.rows.first().getAttribute('data-run-id');
  await runPage.open(firstId!);
  await expect(runPage.chartLine('train/loss')).toBeVisible();
  await page.screenshot({ path: `${OUT}samples-run-light.png`, fullPage: true });
});
