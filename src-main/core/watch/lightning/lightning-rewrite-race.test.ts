// Lightning rewrites metrics.csv in place (truncate, wider header, the old rows) when a key
// appears. A rewrite that starts after the tailer checked the header but before it reads finds
// the file shorter than the ingested offset: that must wait for the rewrite's own pass (which
// realigns), not start over — starting over keeps only steps beyond the stored ones, and drops
// the points that share a step with a stored one (Lightning's `epoch` column on every row).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { sourceHarness, steps, values } from '../../test-support/source-harness';
import { LightningCsvWriter } from '../../test-support/logger-writers';
import { importedRunId } from '../logger-files/imported-run';
import { LightningCsvSource } from './lightning-source';

/**
 * A pass opens metrics.csv four times: the source's look at its header, the tailer's header
 * check, the check of the last line read, then the read itself. Armed, the rewrite lands just
 * before the `at`-th open: after every check.
 */
const race = vi.hoisted(() => ({ file: '', at: 0, opens: 0, rewrite: '' }));
vi.mock('../read-regular-file', async (original) => {
  const real = await original<typeof import('../read-regular-file')>();
  const { writeFileSync: write } = await import('node:fs');
  return {
    ...real,
    openRegularFile: async (path: string) => {
      if (race.at > 0 && path === race.file && ++race.opens === race.at) write(path, race.rewrite);
      return real.openRegularFile(path);
    },
  };
});

const tempDir = useTempDirs();

describe('LightningCsvSource during a rewrite that starts mid-pass', () => {
  it('leaves the file to the rewrite, then realigns: no point lost, none twice', async () => {
    const { store, source } = sourceHarness(tempDir(), (s, hub) => new LightningCsvSource(s, hub));
    const dir = join(tempDir(), 'logs', 'mnist', 'version_0');
    const id = importedRunId('lightning-csv', dir);
    const w = new LightningCsvWriter(dir);
    for (let s = 0; s < 3; s++) w.log({ train_loss: 1 / (s + 1), epoch: 0 }, s);
    w.save();
    expect((await source.ingest(dir)).points).toBe(6);

    // A new line is appended (so the pass has something to read); the checks see the file as it
    // is; by the read, the rewrite has truncated it and written its new header and one old row.
    w.log({ train_loss: 0.25, epoch: 1 }, 3);
    w.save();
    const before = readFileSync(w.file);
    Object.assign(race, { file: w.file, at: 4, opens: 0, rewrite: w.rewriteTextFor(['val_loss']).split('\r\n').slice(0, 2).join('\r\n') + '\r\n' });
    const mid = await source.ingest(dir);
    race.at = 0;
    expect(race.opens).toBe(4);
    expect(mid).toMatchObject({ points: 0, problems: [] });

    // The rewrite completes (the writer rewrites from the rows it wrote), with the validation row
    // at the last training step (epoch again).
    writeFileSync(w.file, before);
    w.log({ val_loss: 0.5, epoch: 0 }, 2);
    w.save();
    expect(await source.ingest(dir)).toMatchObject({ points: 4, problems: [] });
    expect(steps(store, id, 'train_loss')).toEqual([0, 1, 2, 3]);
    expect(values(store, id, 'val_loss')).toEqual([0.5]);
    expect(steps(store, id, 'epoch')).toEqual([0, 1, 2, 2, 3]);
  });
});
