import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from './store';
import { CHUNK_CAPACITY } from './metric-store';
import { useTempDirs } from '../test-support/temp-dir';

const tempDir = useTempDirs();

function storeWithRun(): Store {
  const store = openStore(join(tempDir(), 'db.sqlite'));
  store.runs.insert({ id: 'r1', experiment: 'e', name: 'n', status: 'RUNNING', startTime: 1, endTime: null, sourceKind: 'api', sourcePath: null });
  return store;
}

describe('MetricStore', () => {
  it('round-trips points across chunk boundaries in any batch sizes', () => {
    const store = storeWithRun();
    const n = CHUNK_CAPACITY * 2 + 37;
    const all = Array.from({ length: n }, (_, i) => ({ key: 'loss', value: Math.sin(i) / (i + 1), step: i, timestamp: 1000 + i }));
    // Batches of 1, 5, 1000, 1500 and the rest: each starts mid-chunk in a different way.
    const cuts = [0, 1, 6, 1006, 2506, n];
    for (let i = 0; i + 1 < cuts.length; i++) store.tx(() => store.metrics.append('r1', all.slice(cuts[i], cuts[i + 1])));
    const cols = store.metrics.read('r1', 'loss')!;
    expect(Array.from(cols.step)).toEqual(all.map((p) => p.step));
    expect(Array.from(cols.value)).toEqual(all.map((p) => p.value));
    expect(Array.from(cols.timestamp)).toEqual(all.map((p) => p.timestamp));
    const chunks = store.db.prepare('SELECT count FROM metric_chunks ORDER BY seq').pluck().all() as number[];
    expect(chunks.every((c) => c <= CHUNK_CAPACITY)).toBe(true);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('stores NaN and ±Infinity faithfully and keeps the summary current', () => {
    const store = storeWithRun();
    store.tx(() =>
      store.metrics.append('r1', [
        { key: 'x', value: 2, step: 0, timestamp: 10 },
        { key: 'x', value: Infinity, step: 1, timestamp: 11 },
        { key: 'x', value: -5, step: 2, timestamp: 12 },
        { key: 'x', value: NaN, step: 3, timestamp: 13 },
      ]),
    );
    const cols = store.metrics.read('r1', 'x')!;
    expect(Array.from(cols.value)).toEqual([2, Infinity, -5, NaN]);
    const [m] = store.runs.summary('r1')!.metrics;
    expect(m).toMatchObject({ key: 'x', count: 4, last: 'NaN', lastStep: 3, min: -5, max: 2 });
  });

  it('takes "last" as the greatest step, not the latest arrival, and sorts unordered series', () => {
    const store = storeWithRun();
    store.tx(() => store.metrics.append('r1', [{ key: 'acc', value: 0.9, step: 10, timestamp: 1 }]));
    store.tx(() => store.metrics.append('r1', [{ key: 'acc', value: 0.1, step: 2, timestamp: 2 }]));
    expect(store.runs.summary('r1')!.metrics[0]).toMatchObject({ last: 0.9, lastStep: 10 });
    expect(Array.from(store.metrics.read('r1', 'acc')!.step)).toEqual([2, 10]);
  });

  it('keeps the step where the min and max were first reached, across out-of-order appends', () => {
    const store = storeWithRun();
    const at = (value: number, step: number) => ({ key: 'loss', value, step, timestamp: step });
    store.tx(() => store.metrics.append('r1', [at(3, 0), at(1, 5), at(NaN, 6), at(Infinity, 7), at(4, 8)]));
    expect(store.runs.summary('r1')!.metrics[0]).toMatchObject({ min: 1, minStep: 5, max: 4, maxStep: 8 });
    // A tie at an earlier step arrives late: the step of best moves back; a later tie changes nothing.
    store.tx(() => store.metrics.append('r1', [at(1, 2), at(4, 9), at(1, 4)]));
    expect(store.runs.summary('r1')!.metrics[0]).toMatchObject({ min: 1, minStep: 2, max: 4, maxStep: 8 });
  });

  it('defaults missing steps to the point index of the series', () => {
    const store = storeWithRun();
    store.tx(() => store.metrics.append('r1', [{ key: 'k', value: 1, timestamp: 1 }, { key: 'k', value: 2, timestamp: 2 }]));
    store.tx(() => store.metrics.append('r1', [{ key: 'k', value: 3, timestamp: 3 }]));
    expect(Array.from(store.metrics.read('r1', 'k')!.step)).toEqual([0, 1, 2]);
  });

  it('reads a step range, skipping chunks outside it', () => {
    const store = storeWithRun();
    store.tx(() => store.metrics.append('r1', Array.from({ length: 5000 }, (_, i) => ({ key: 'k', value: i, step: i, timestamp: i }))));
    const cols = store.metrics.read('r1', 'k', 1000, 1009)!;
    expect(Array.from(cols.step)).toEqual([1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009]);
    expect(store.metrics.read('r1', 'missing')).toBeNull();
    expect(store.metrics.stepExtent('r1', 'k')).toEqual([0, 4999]);
    expect(store.metrics.read('r1', 'k', 6000, 7000)!.step.length).toBe(0);
  });

  it('reads a step range of a series logged out of order, from every chunk overlapping it', () => {
    const store = storeWithRun();
    // Steps 2000..2999 first, then 0..1999: the range 1990..2010 spans chunks far apart.
    const at = (step: number) => ({ key: 'k', value: step, step, timestamp: step });
    store.tx(() => store.metrics.append('r1', Array.from({ length: 1000 }, (_, i) => at(2000 + i))));
    store.tx(() => store.metrics.append('r1', Array.from({ length: 2000 }, (_, i) => at(i))));
    const cols = store.metrics.readStepValues('r1', 'k', 1990, 2010)!;
    expect(Array.from(cols.step)).toEqual(Array.from({ length: 21 }, (_, i) => 1990 + i));
    expect(Array.from(cols.value)).toEqual(Array.from(cols.step));
    expect(store.metrics.stepExtent('r1', 'k')).toEqual([0, 2999]);
  });
});
