import { appendFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/store';
import { useTempDirs } from '../../test-support/temp-dir';
import { ingestAll, sourceHarness } from '../../test-support/source-harness';
import { frameLog, rec } from '../../test-support/wandb-log';
import { STALE_MS, WandbSource } from './wandb-source';

const tempDir = useTempDirs();
const START = 1_700_000_000_000;

function setup() {
  const data = tempDir();
  const h = sourceHarness(data, (s, hub) => new WandbSource(s, hub));
  const root = tempDir();
  const dir = join(root, 'wandb', 'offline-run-20240101_000000-abc123');
  mkdirSync(join(dir, 'files'), { recursive: true });
  return { data, ...h, root, dir, file: join(dir, 'run-abc123.wandb') };
}

const history = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => rec.history(from + i, START / 1000 + from + i, [['train/loss', String(1 / (from + i + 1))], ['pad', 'x'.repeat(300)]]));

describe('WandbSource', () => {
  it('imports a finished run: names, params, tags, metrics, FAILED on a non-zero exit code', async () => {
    const { store, source, root, dir, file } = setup();
    writeFileSync(file, frameLog([rec.run({ id: 'abc123', project: 'proj', name: 'first', startMs: START, config: [['opt', '{"lr":0.1}']] }), rec.environment('box', 'c0ffee'), ...history(0, 3), rec.history(3, START / 1000 + 3, [['nan', 'NaN']]), rec.summary([['best', '0.1']]), rec.exit(1, 60)]));
    writeFileSync(join(dir, 'files', 'config.yaml'), 'extra:\n  desc: null\n  value: 5\nopt:\n  value:\n    lr: 0.2\n');
    expect(await ingestAll(source, root)).toEqual({ points: 4, problems: [], runIds: ['wandb-abc123'] });
    expect(store.runs.summary('wandb-abc123')).toMatchObject({
      name: 'first',
      experiment: 'proj',
      status: 'FAILED',
      startTime: START,
      endTime: START + 60_000,
      sourceKind: 'wandb',
      sourcePath: dir,
      artifactUri: join(dir, 'files'),
      // config.yaml adds what the log lacks; the log's value wins.
      params: { 'opt.lr': '0.1', extra: '5' },
      tags: expect.objectContaining({ 'wandb.run_id': 'abc123', 'wandb.host': 'box', 'wandb.git.commit': 'c0ffee', 'wandb.summary.best': '0.1' }),
    });
    const loss = store.metrics.read('wandb-abc123', 'train/loss')!;
    expect(Array.from(loss.step)).toEqual([0, 1, 2]);
    expect(Array.from(loss.timestamp)).toEqual([START, START + 1000, START + 2000]);
    expect(Array.from(store.metrics.read('wandb-abc123', 'nan')!.value)).toEqual([NaN]);
  });

  it('tails a growing log block by block, waits for a cut record, and never duplicates after a restart', async () => {
    const { data, store, hub, root, file } = setup();
    const full = frameLog([rec.run({ id: 'abc123', project: 'proj', startMs: START }), ...history(0, 400), rec.exit(0)]);
    const cuts = [7, 32_768, 32_768 + 5000, 65_536, 98_304 + 13, full.length];
    let written = 0;
    let total = 0;
    let source = new WandbSource(store, hub);
    for (const [i, cut] of cuts.entries()) {
      appendFileSync(file, full.subarray(written, cut));
      written = cut;
      if (i === 3) {
        // A restart: a new store handle and source over the same data.
        store.close();
        const reopened = openStore(join(data, 'db.sqlite'));
        Object.assign(store, reopened);
        source = new WandbSource(reopened, hub);
      }
      const r = await ingestAll(source, root);
      expect(r.problems).toEqual([]);
      total += r.points;
      const expected = i === cuts.length - 1 ? 'FINISHED' : 'RUNNING';
      if (cut > 7) expect(store.runs.summary('wandb-abc123')!.status).toBe(expected);
    }
    expect(total).toBe(400);
    expect(Array.from(store.metrics.read('wandb-abc123', 'train/loss')!.step)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    expect((await ingestAll(source, root)).points).toBe(0);
  });

  it('reports a damaged record, reads on, and calls a stale log without exit KILLED', async () => {
    const { store, source, root, file } = setup();
    const log = frameLog([rec.run({ id: 'abc123', startMs: START }), ...history(0, 200)]);
    log[40_000]! ^= 0xff;
    writeFileSync(file, log);
    const old = (Date.now() - STALE_MS - 60_000) / 1000;
    utimesSync(file, old, old);
    const r = await ingestAll(source, root);
    expect(r.problems).toEqual([expect.stringMatching(/checksum mismatch; rest of the block skipped/)]);
    // The rest of block 1 (about 70 rows of ~360 bytes) goes with the damaged chunk.
    expect(r.points).toBeGreaterThan(100);
    expect(r.points).toBeLessThan(200);
    expect(store.runs.summary('wandb-abc123')).toMatchObject({ status: 'KILLED', experiment: 'uncategorized', name: 'abc123' });
  });

  it('ignores files that only look like W&B logs by name, and the run folder\'s own logs', async () => {
    const { source, root, dir } = setup();
    writeFileSync(join(dir, 'run-abc123.wandb'), 'PK\u0003\u0004 not a W&B log');
    expect(await source.findUnits(root, [])).toEqual([]);
    expect(source.unitFor(join(dir, 'run-abc123.wandb'))).toBe(dir);
    expect(source.unitFor(join(dir, 'files', 'config.yaml'))).toBe(dir);
    expect(source.unitFor(join(dir, 'files', 'output.log'))).toBeNull();
    expect(source.ignoresDir(join(dir, 'logs'))).toBe(true);
    expect(source.ignoresDir(join(dir, 'files', 'media'))).toBe(true);
    expect(source.ignoresDir(join(dir, 'files'))).toBe(false);
  });
});
