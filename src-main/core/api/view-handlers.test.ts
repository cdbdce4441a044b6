import { describe, expect, it } from 'vitest';
import { send } from '../test-support/http-client';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';

const tempDir = useTempDirs();

describe('saved views over HTTP', () => {
  it('saves, replaces by name, lists sorted by name and deletes', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    const put = (view: object) => send(core, 'PUT', '/api/v1/views', { body: JSON.stringify(view) });
    const losses = { name: 'losses', filter: 'metrics.loss < 1', sort: { column: 'metric-min:loss', descending: false }, columns: ['tag:host', 'metric-min:loss'] };
    const saved = await put(losses);
    expect(saved.status).toBe(200);
    expect(saved.json().view).toEqual({ ...losses, updatedAt: expect.any(Number) });
    expect((await put({ name: '  Best  ', filter: '', sort: null, columns: [] })).json().view).toMatchObject({ name: 'Best' });
    expect((await put({ ...losses, filter: '', columns: ['param:lr'] })).status).toBe(200);

    const views = (await send(core, 'GET', '/api/v1/views')).json().views as { name: string; columns: string[] }[];
    expect(views.map((v) => v.name)).toEqual(['Best', 'losses']);
    expect(views[1]!.columns).toEqual(['param:lr']);

    expect((await send(core, 'DELETE', '/api/v1/views', { body: '{"name":"losses"}' })).json()).toEqual({ removed: true });
    expect((await send(core, 'DELETE', '/api/v1/views', { body: '{"name":"losses"}' })).json()).toEqual({ removed: false });
    expect(((await send(core, 'GET', '/api/v1/views')).json().views as { name: string }[]).map((v) => v.name)).toEqual(['Best']);
    await core.close();
  });

  it('refuses a view without a name or with a bad sort, naming the field', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    const cases: [object, string][] = [
      [{ name: '   ', filter: '', sort: null, columns: [] }, 'name'],
      [{ filter: '', sort: null, columns: [] }, 'name'],
      [{ name: 'v', filter: '', sort: { column: '', descending: true }, columns: [] }, 'sort.column'],
      [{ name: 'v', filter: '', sort: null, columns: 'param:lr' }, 'columns'],
    ];
    for (const [body, field] of cases) {
      const r = await send(core, 'PUT', '/api/v1/views', { body: JSON.stringify(body) });
      expect([r.status, r.json().error_code], JSON.stringify(body)).toEqual([400, 'INVALID_PARAMETER_VALUE']);
      expect(r.json().message).toContain(`'${field}'`);
    }
    const empty = await send(core, 'DELETE', '/api/v1/views', { body: '{"name":""}' });
    expect([empty.status, empty.json().message]).toEqual([400, expect.stringContaining("'name'")]);
    expect((await send(core, 'GET', '/api/v1/views')).json().views).toEqual([]);
    await core.close();
  });
});
