// The native log route's columnar body: `columns: {keys, key, value, step?, timestamp?}` checked
// with the same rules as point objects, stored exactly as the same points sent as objects.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src-shared/limits';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { rejection } from '../test-support/api-rejection';
import { send } from '../test-support/http-client';
import type { Core } from '../core';

const tempDir = useTempDirs();

async function newRun(core: Core): Promise<string> {
  const { run } = (await core.dispatch('createRun', { experiment: 'cols' })) as { run: { id: string } };
  return run.id;
}

function stored(core: Core, id: string, key: string) {
  const s = core.store.metrics.read(id, key);
  return s && { step: Array.from(s.step), timestamp: Array.from(s.timestamp), value: Array.from(s.value) };
}

const good = () => ({
  keys: ['loss', 'acc'],
  key: [0, 1, 0, 1],
  value: [1.5, 0.25, 'NaN', '-Infinity'] as (number | string)[],
  step: [0, 0, 1, 1],
  timestamp: [1000, 1001, 1002, 1003],
});

describe('columnar log bodies: validation', () => {
  it('accepts a good body and refuses every bad shape naming the field and index', async () => {
    const core = await startTestCore(tempDir());
    const id = await newRun(core);
    expect(await core.dispatch('logRun', { id, columns: good() })).toEqual({ accepted: 4, skipped: 0 });
    expect(await core.dispatch('logRun', { id, columns: { keys: ['x'], key: [0], value: ['Infinity'] } })).toEqual({ accepted: 1, skipped: 0 });
    expect(await core.dispatch('logRun', { id, columns: { keys: [], key: [], value: [] } })).toEqual({ accepted: 0, skipped: 0 });

    const cases: [string, Record<string, unknown> | unknown, string][] = [
      ['not an object', [1, 2], 'columns'],
      ['keys missing', { ...good(), keys: undefined }, 'columns.keys'],
      ['bad key name', { ...good(), keys: ['loss', '../etc'] }, 'columns.keys.1'],
      ['repeated key', { ...good(), keys: ['loss', 'loss'] }, 'columns.keys'],
      ['too many keys', { ...good(), keys: Array.from({ length: 1001 }, (_, i) => `k${i}`) }, 'columns.keys'],
      ['key index out of range', { ...good(), key: [0, 1, 2, 0] }, 'columns.key.2'],
      ['negative key index', { ...good(), key: [0, -1, 0, 0] }, 'columns.key.1'],
      ['fractional key index', { ...good(), key: [0, 1, 0.5, 0] }, 'columns.key.2'],
      ['value shorter', { ...good(), value: [1, 2, 3] }, 'columns.value'],
      ['value longer', { ...good(), value: [1, 2, 3, 4, 5] }, 'columns.value'],
      ['bad value string', { ...good(), value: [1, 'high', 3, 4] }, 'columns.value.1'],
      ['null value', { ...good(), value: [1, 2, null, 4] }, 'columns.value.2'],
      ['step length', { ...good(), step: [0, 1] }, 'columns.step'],
      ['negative step', { ...good(), step: [0, 1, -1, 2] }, 'columns.step.2'],
      ['fractional step', { ...good(), step: [0, 1.5, 2, 3] }, 'columns.step.1'],
      ['timestamp length', { ...good(), timestamp: [1, 2, 3, 4, 5] }, 'columns.timestamp'],
      ['negative timestamp', { ...good(), timestamp: [1, 2, 3, -4] }, 'columns.timestamp.3'],
      ['step not an array', { ...good(), step: 3 }, 'columns.step'],
    ];
    for (const [name, columns, path] of cases) {
      const e = await rejection(core.dispatch('logRun', { id, columns }));
      expect(e.code, name).toBe('INVALID_PARAMETER_VALUE');
      expect(e.message, name).toContain(path);
    }
    const n = LIMITS.pointsPerRequest + 1;
    const tooMany = await rejection(core.dispatch('logRun', { id, columns: { keys: ['k'], key: new Array(n).fill(0), value: new Array(n).fill(1) } }));
    expect(tooMany.message).toContain(`at most ${LIMITS.pointsPerRequest} points per request`);
    const both = await rejection(core.dispatch('logRun', { id, metrics: [{ key: 'k', value: 1 }], columns: { keys: ['k'], key: [0], value: [1] } }));
    expect(both.code).toBe('INVALID_PARAMETER_VALUE');
    expect(both.message).toContain('either metrics or columns');
    // Nothing of the refused requests was stored.
    expect(stored(core, id, 'loss')!.step).toEqual([0, 1]);
    await core.close();
  });
});

describe('columnar log bodies: storage', () => {
  it('stores exactly the points, in order, as the same points sent as objects do', async () => {
    const core = await startTestCore(tempDir());
    const t0 = Date.now();
    const a = await newRun(core);
    const b = await newRun(core);
    // Two keys interleaved, out-of-order steps, missing steps and timestamps, wire strings.
    const keys = ['loss', 'val/acc'];
    const key = [0, 1, 0, 0, 1, 0];
    const value = [3, 0.5, 'NaN', 1, 'Infinity', -2] as (number | string)[];
    const step = [4, 0, 2, 7, 1, 3];
    const timestamp = [10, 11, 12, 13, 14, 15];
    await core.dispatch('logRun', { id: a, columns: { keys, key, value, step, timestamp } });
    await core.dispatch('logRun', { id: b, metrics: key.map((k, i) => ({ key: keys[k]!, value: value[i]!, step: step[i]!, timestamp: timestamp[i]! })) });
    await core.dispatch('logRun', { id: a, columns: { keys: ['loss'], key: [0, 0], value: [9, 8] } });
    await core.dispatch('logRun', { id: b, metrics: [{ key: 'loss', value: 9 }, { key: 'loss', value: 8 }] });

    const t1 = Date.now();
    const loss = stored(core, a, 'loss')!;
    expect({ step: loss.step, value: loss.value }).toEqual({ step: [2, 3, 4, 4, 5, 7], value: [NaN, -2, 3, 9, 8, 1] });
    // Points without a timestamp take the request's time.
    expect(loss.timestamp.slice(0, 3)).toEqual([12, 15, 10]);
    expect(loss.timestamp[5]).toBe(13);
    for (const t of loss.timestamp.slice(3, 5)) expect(t >= t0 && t <= t1).toBe(true);
    expect(stored(core, a, 'val/acc')).toEqual({ step: [0, 1], timestamp: [11, 14], value: [0.5, Infinity] });
    const sameBut = (x: ReturnType<typeof stored>) => x && { step: x.step, value: x.value, timestamp: x.timestamp.map((t) => (t >= t0 ? 'now' : t)) };
    for (const k of ['loss', 'val/acc']) expect(sameBut(stored(core, a, k))).toEqual(sameBut(stored(core, b, k)));
    const summaries = async (id: string) =>
      ((await core.dispatch('getRun', { id })) as { run: { metrics: { lastTimestamp?: number }[] } }).run.metrics.map((m) => ({ ...m, lastTimestamp: 0 }));
    expect(await summaries(a)).toEqual(await summaries(b));
    await core.close();
  });

  it('skips exactly the resent part of a numbered columnar batch (firstSeq)', async () => {
    const core = await startTestCore(tempDir());
    const id = await newRun(core);
    const cols = (from: number, to: number) => {
      const n = to - from;
      return { keys: ['loss'], key: new Array(n).fill(0), value: Array.from({ length: n }, (_, i) => from + i), step: Array.from({ length: n }, (_, i) => from + i) };
    };
    expect(await core.dispatch('logRun', { id, firstSeq: 1, columns: cols(0, 10) })).toEqual({ accepted: 10, skipped: 0 });
    expect(await core.dispatch('logRun', { id, firstSeq: 1, columns: cols(0, 10) })).toEqual({ accepted: 0, skipped: 10 });
    expect(await core.dispatch('logRun', { id, firstSeq: 6, columns: cols(5, 15) })).toEqual({ accepted: 5, skipped: 5 });
    expect(await core.dispatch('logRun', { id, firstSeq: 3, columns: cols(2, 5) })).toEqual({ accepted: 0, skipped: 3 });
    expect(core.store.seqMarks.mark(id)).toBe(15);
    expect(stored(core, id, 'loss')!.step).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(stored(core, id, 'loss')!.value).toEqual(Array.from({ length: 15 }, (_, i) => i));
    // Unnumbered columns are all kept and leave the mark alone.
    expect(await core.dispatch('logRun', { id, columns: cols(15, 17) })).toEqual({ accepted: 2, skipped: 0 });
    expect(core.store.seqMarks.mark(id)).toBe(15);
    await core.close();
  });
});

describe('columnar log bodies over HTTP', () => {
  it('logs through the real server, bare NaN included, and answers 400 naming the index', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    const created = await send(core, 'POST', '/api/v1/runs', { body: '{"name":"cols"}' });
    const id = (created.json().run as { id: string }).id;
    const log = await send(core, 'POST', `/api/v1/runs/${id}/log`, {
      body: '{"firstSeq":1,"columns":{"keys":["val/loss"],"key":[0,0,0],"value":[NaN,"-Infinity",0.5],"step":[0,1,2]}}',
    });
    expect(log.status).toBe(200);
    expect(log.json()).toEqual({ accepted: 3, skipped: 0 });
    const series = await send(core, 'GET', `/api/v1/runs/${id}/metrics/val/loss?points=100`);
    expect(series.json()).toMatchObject({ key: 'val/loss', total: 3, step: [0, 1, 2], value: ['NaN', '-Infinity', 0.5] });
    const bad = await send(core, 'POST', `/api/v1/runs/${id}/log`, { body: '{"columns":{"keys":["a"],"key":[0,0],"value":[1,2],"step":[0,-3]}}' });
    expect(bad.status).toBe(400);
    expect(bad.json().error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(bad.json().message).toContain('columns.step.1');
    await core.close();
  });
});
