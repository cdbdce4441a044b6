import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './store';
import { CHUNK_CAPACITY } from './metric-store';
import { StoredSeries } from './stored-series';
import { useTempDirs } from '../test-support/temp-dir';

const tempDir = useTempDirs();

describe('StoredSeries', () => {
  it('reads any window in stored order (not step order), across chunk boundaries', () => {
    const store = openStore(join(tempDir(), 'db.sqlite'));
    store.runs.insert({ id: 'r1', experiment: 'e', name: 'n', status: 'RUNNING', startTime: 1, endTime: null, sourceKind: 'api', sourcePath: null });
    const n = CHUNK_CAPACITY * 3 + 11;
    // Steps logged backwards: a step-sorted read would reverse them.
    const all = Array.from({ length: n }, (_, i) => ({ key: 'loss', value: i % 100 === 0 ? NaN : i / 3, step: n - i, timestamp: 5000 + i }));
    for (let i = 0; i < n; i += 700) store.tx(() => store.metrics.append('r1', all.slice(i, i + 700)));
    const series = new StoredSeries(store.db);
    expect(series.counts('r1')).toEqual(new Map([['loss', n]]));
    for (const [from, limit] of [[0, 5], [1020, 10], [CHUNK_CAPACITY, CHUNK_CAPACITY], [2000, 5000], [n - 1, 10], [n, 10]] as const) {
      const got = series.readFrom('r1', 'loss', from, limit);
      const want = all.slice(from, from + limit);
      expect(Array.from(got.step), `${from}+${limit}`).toEqual(want.map((p) => p.step));
      expect(Array.from(got.timestamp)).toEqual(want.map((p) => p.timestamp));
      expect(Array.from(got.value)).toEqual(want.map((p) => p.value));
    }
    expect(series.readFrom('r1', 'nope', 0, 10).step).toHaveLength(0);
    // The same windows found from the end.
    for (const [from, limit] of [[0, 5], [1020, 10], [CHUNK_CAPACITY, CHUNK_CAPACITY], [2000, 5000], [n - 1, 10], [n - 1500, 600], [n, 10], [n + 5, 1]] as const) {
      const got = series.readNearEnd('r1', 'loss', from, limit);
      const want = all.slice(from, from + limit);
      expect(Array.from(got.step), `near end ${from}+${limit}`).toEqual(want.map((p) => p.step));
      expect(Array.from(got.value)).toEqual(want.map((p) => p.value));
    }
    expect(series.readNearEnd('r1', 'nope', 0, 10).step).toHaveLength(0);
    store.close();
  });
});
