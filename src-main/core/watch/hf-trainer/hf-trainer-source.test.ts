import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { ingestAll, sourceHarness, steps, values } from '../../test-support/source-harness';
import { trainerStateJson } from '../../test-support/logger-writers';
import { importedRunId } from '../logger-files/imported-run';
import { HfTrainerSource } from './hf-trainer-source';

const tempDir = useTempDirs();

/** log_history as the Trainer builds it: a training entry per logging step, an eval entry every 2 steps. */
function history(upTo: number): Record<string, number>[] {
  const h: Record<string, number>[] = [];
  for (let s = 1; s <= upTo; s++) {
    h.push({ epoch: s / 4, grad_norm: 1 / s, learning_rate: 5e-5 * (1 - s / 8), loss: s === 3 ? NaN : 1 / s, step: s });
    if (s % 2 === 0) h.push({ epoch: s / 4, eval_loss: 2 / s, eval_runtime: 0.1, step: s });
  }
  return h;
}

function setup() {
  const h = sourceHarness(tempDir(), (s, hub) => new HfTrainerSource(s, hub));
  const root = join(tempDir(), 'hf-runs');
  const out = join(root, 'bert-finetune');
  return { ...h, root, out, id: importedRunId('hf-trainer', out) };
}

function checkpoint(out: string, step: number, extra: Partial<Parameters<typeof trainerStateJson>[0]> = {}): string {
  const dir = join(out, `checkpoint-${step}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'trainer_state.json');
  writeFileSync(file, trainerStateJson({ global_step: step, max_steps: 8, log_history: history(step), ...extra }));
  return file;
}

describe('HfTrainerSource', () => {
  it('follows the highest checkpoint: log history as points, tags, params', async () => {
    const { store, source, root, out, id } = setup();
    checkpoint(out, 2);
    checkpoint(out, 4, { best_metric: 0.5, best_model_checkpoint: join(out, 'checkpoint-4') });
    const r = await ingestAll(source, root);
    expect(r.problems).toEqual([]);
    expect(r.runIds).toEqual([id]);
    expect(store.runs.summary(id)).toMatchObject({
      name: 'bert-finetune',
      experiment: 'hf-runs',
      sourceKind: 'hf-trainer',
      status: 'RUNNING',
      tags: { global_step: '4', max_steps: '8', best_metric: '0.5', best_model_checkpoint: join(out, 'checkpoint-4') },
      params: { train_batch_size: '8', num_train_epochs: '3' },
    });
    expect(values(store, id, 'loss')).toEqual([1, 0.5, NaN, 0.25]);
    expect(steps(store, id, 'eval_loss')).toEqual([2, 4]);
    expect(steps(store, id, 'epoch')).toEqual([1, 2, 3, 4]);
    expect((await ingestAll(source, root)).points).toBe(0);
  });

  it('a newer checkpoint (the file rewritten whole) adds only entries beyond what is stored', async () => {
    const { store, source, out, id } = setup();
    checkpoint(out, 4);
    const first = (await source.ingest(out)).points;
    checkpoint(out, 6);
    const r = await source.ingest(out);
    // Steps 5 and 6: four training values each, one eval pair at 6.
    expect(r.points).toBe(4 + 4 + 2 + 1 - 1);
    expect(steps(store, id, 'loss')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(steps(store, id, 'eval_loss')).toEqual([2, 4, 6]);
    expect(first).toBeGreaterThan(0);
  });

  it('reads the folder’s own state when it is further along, and is FINISHED after train()', async () => {
    const { store, source, out, id } = setup();
    checkpoint(out, 6);
    const log = [...history(8), { epoch: 2, step: 8, train_runtime: 12.5, train_loss: 0.3, total_flos: 1e12 }];
    writeFileSync(join(out, 'trainer_state.json'), trainerStateJson({ global_step: 8, max_steps: 8, log_history: log }));
    await source.ingest(out);
    expect(store.runs.summary(id)).toMatchObject({ status: 'FINISHED', tags: { global_step: '8' } });
    expect(values(store, id, 'train_runtime')).toEqual([12.5]);
    expect(steps(store, id, 'loss')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(store.runs.summary(id)!.endTime).not.toBeNull();
  });

  it('falls back to the previous checkpoint while the newest is half written', async () => {
    const { store, source, out, id } = setup();
    const older = checkpoint(out, 2);
    utimesSync(older, new Date(1_700_000_000_000), new Date(1_700_000_000_000));
    mkdirSync(join(out, 'checkpoint-4'));
    writeFileSync(join(out, 'checkpoint-4', 'trainer_state.json'), trainerStateJson({ global_step: 4, max_steps: 8, log_history: history(4) }).slice(0, 150));
    const r = await source.ingest(out);
    expect(r.problems).toEqual([]);
    expect(steps(store, id, 'loss')).toEqual([1, 2]);
    expect(Array.from(store.metrics.read(id, 'loss')!.timestamp)).toEqual([1_700_000_000_000, 1_700_000_000_000]);
    checkpoint(out, 4);
    await source.ingest(out);
    expect(steps(store, id, 'loss')).toEqual([1, 2, 3, 4]);
  });
});
