// Not an assertion of behaviour: renders the compare page's tables and run plots with 3 and with
// 50 runs, in both themes, into e2e/screenshots/ for a person to look at.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RunlensServer } from './fixtures/runlens-server';
import { createRun } from './fixtures/runs-api';
import { expect, test } from './fixtures/test';

const OUT = fileURLToPath(new URL('./screenshots/', import.meta.url));
const OPTIMIZERS = ['adamw', 'sgd', 'lion'];

/** A Hydra-style sweep: dotted and slashed keys, one JSON config param, git commits, some failures. */
async function sweep(server: RunlensServer, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const lr = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2][i % 5]!;
    const depth = [18, 34, 50][i % 3]!;
    const run = await createRun(server, {
      experiment: 'resnet-sweep',
      name: `sweep-${String(i).padStart(2, '0')}-lr${lr}-d${depth}`,
      params: {
        'optimizer/name': OPTIMIZERS[i % 3]!,
        'optimizer/lr': String(lr),
        'optimizer/weight_decay': '0.05',
        'model.depth': String(depth),
        'model.width': '64',
        'data.batch_size': String(128 << (i % 2)),
        seed: String(i % 4),
        config: JSON.stringify({ augment: { mixup: i % 2 === 0, cutmix: 0.2 }, epochs: 90 }),
      },
    });
    const metrics = [];
    const tau = 20 + (lr * 1e4) / 5 + depth / 5;
    for (let step = 0; step < 100; step++) {
      const decay = Math.exp(-step / tau);
      const noise = Math.sin(step * 12.9898 + i * 78.233) * 0.03;
      metrics.push({ key: 'train/loss', step, value: 2.3 * decay + 0.1 + noise + 0.002 * (i % 7) });
      if (step % 10 === 0) {
        metrics.push({ key: 'val/accuracy', step, value: 0.92 - 0.8 * decay - 0.004 * (i % 9) + noise / 4 });
        metrics.push({ key: 'grad_norm', step, value: 1 + Math.abs(noise) * 40 });
      }
    }
    await server.api('POST', `/api/v1/runs/${run.id}/log`, { metrics, tags: { 'git.commit': `${(0x9f2c1e7 + i * 7919).toString(16)}d41e0a9b3c` } });
    await server.api('POST', `/api/v1/runs/${run.id}/finish`, { status: i % 11 === 4 ? 'FAILED' : 'FINISHED' });
    ids.push(run.id);
  }
  return ids;
}

test('screenshots of the compare tables and run plots', async ({ page, server, comparePage }) => {
  test.setTimeout(180_000);
  await mkdir(OUT, { recursive: true });
  const ids = await sweep(server, 50);
  await page.setViewportSize({ width: 1440, height: 1000 });
  for (const n of [3, 50]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await comparePage.open(ids.slice(0, n));
      await expect(comparePage.parallelLines).toHaveAttribute('data-lines', String(n));
      await expect(comparePage.scatterDots).toHaveCount(n);
      await comparePage.paramsDiff.screenshot({ path: `${OUT}compare-params-${n}-${scheme}.png` });
      await comparePage.summary.screenshot({ path: `${OUT}compare-summary-${n}-${scheme}.png` });
      await comparePage.hoverParallelTick('param:optimizer/lr', '0.001');
      await expect(comparePage.parallelTooltip).toBeVisible();
      await comparePage.runsPlots.screenshot({ path: `${OUT}compare-run-plots-${n}-${scheme}.png` });
    }
  }
});
