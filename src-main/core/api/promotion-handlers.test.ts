import { readFileSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PromotionRecord } from '../../../src-shared/promotion';
import { send } from '../test-support/http-client';
import { nextEvent } from '../test-support/next-event';
import { startPromotionFixture } from '../test-support/promotion-fixture';
import { useTempDirs } from '../test-support/temp-dir';

const tempDir = useTempDirs();
const SECRET = 'tok-9f8e7d6c5b4a-never-shown';

describe('promotion over HTTP', () => {
  it('keeps a registry secret out of every answer and of the database, and hands it to the adapter', async () => {
    const dataDir = tempDir();
    const f = await startPromotionFixture(dataDir, { port: 0 });
    const saved = await send(f.core, 'PUT', '/api/v1/registries', { body: JSON.stringify({ name: 'ghcr', kind: 'oci', url: 'https://ghcr.io/acme/models/', username: 'bot', secret: SECRET }) });
    expect(saved.status).toBe(200);
    expect(saved.json()).toEqual({ registry: { name: 'ghcr', kind: 'oci', url: 'https://ghcr.io/acme/models', username: 'bot', hasSecret: true } });
    // Saved again without a secret: the stored one is kept.
    await send(f.core, 'PUT', '/api/v1/registries', { body: JSON.stringify({ name: 'ghcr', kind: 'oci', url: 'https://ghcr.io/acme/models', username: 'bot2' }) });
    const listed = await send(f.core, 'GET', '/api/v1/registries');
    expect(listed.json().registries).toEqual([
      { name: 'ghcr', kind: 'oci', url: 'https://ghcr.io/acme/models', username: 'bot2', hasSecret: true },
      { name: 'hub', kind: 'oci', url: 'https://registry.example/acme', username: 'ci', hasSecret: false },
    ]);
    expect(saved.body + listed.body).not.toContain(SECRET);

    const done = nextEvent(f.core, (e) => e.type === 'promotion.updated' && e.data.record.outcome !== 'running');
    const promoted = await send(f.core, 'POST', '/api/v1/promotions', { body: JSON.stringify({ runId: f.runId, registry: 'ghcr', remoteName: 'acme/clf' }) });
    expect(promoted.status).toBe(202);
    expect(((await done).data as { record: PromotionRecord }).record.outcome).toBe('verified');
    expect(f.registry.credentialsSeen.at(-1)).toEqual({ username: 'bot2', secret: SECRET });

    expect(statSync(join(dataDir, 'registry-secrets.json')).mode & 0o777).toBe(0o600);
    for (const file of readdirSync(dataDir).filter((n) => n.startsWith('runlens.db'))) {
      expect(readFileSync(join(dataDir, file)).includes(SECRET), file).toBe(false);
    }
    const all = await send(f.core, 'GET', `/api/v1/promotions?runId=${f.runId}`);
    expect(all.body).not.toContain(SECRET);

    // An empty secret forgets it; deleting the registry forgets it too.
    await send(f.core, 'PUT', '/api/v1/registries', { body: JSON.stringify({ name: 'ghcr', kind: 'oci', url: 'https://ghcr.io/acme/models', secret: '' }) });
    expect((await send(f.core, 'GET', '/api/v1/registries')).json().registries).toContainEqual(expect.objectContaining({ name: 'ghcr', hasSecret: false }));
    expect((await send(f.core, 'DELETE', '/api/v1/registries', { body: '{"name":"ghcr"}' })).json()).toEqual({ removed: true });
    expect(readFileSync(join(dataDir, 'registry-secrets.json'), 'utf8')).not.toContain(SECRET);
    await f.core.close();
  });

  it('answers 202 with the running record, lists the audit, stores gates and checks them', async () => {
    const f = await startPromotionFixture(tempDir(), { port: 0 });
    const rules = [{ expression: 'metrics.val_accuracy >= 0.9', description: 'accurate enough' }, { expression: 'inputs.have_digest' }];
    const put = await send(f.core, 'PUT', '/api/v1/gates', { body: JSON.stringify({ registry: 'hub', model: 'acme/clf', rules }) });
    expect(put.json()).toEqual({ rules });
    expect((await send(f.core, 'GET', '/api/v1/gates?registry=hub&model=acme/clf')).json()).toEqual({ rules });
    const check = await send(f.core, 'POST', '/api/v1/promotions/check', { body: JSON.stringify({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf' }) });
    expect(check.json()).toMatchObject({ passed: true, rules: [{ detail: 'val_accuracy 0.93 ≥ 0.9' }, { passed: true }] });

    const done = nextEvent(f.core, (e) => e.type === 'promotion.updated' && e.data.record.outcome !== 'running');
    const r = await send(f.core, 'POST', '/api/v1/promotions', { body: JSON.stringify({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf', alias: 'champion' }) });
    expect(r.status).toBe(202);
    expect(r.json().record).toMatchObject({ outcome: 'running', runId: f.runId, alias: 'champion', gate: { passed: true } });
    await done;
    const list = (await send(f.core, 'GET', '/api/v1/promotions')).json().promotions as PromotionRecord[];
    expect(list.map((p) => p.outcome)).toEqual(['verified']);
    expect((await send(f.core, 'POST', `/api/v1/promotions/${list[0]!.id}/cancel`, { body: '{}' })).json()).toEqual({ cancelled: false });
    await f.core.close();
  });

  it('refuses unknown registries and runs (404), bad input and URLs (400)', async () => {
    const f = await startPromotionFixture(tempDir(), { port: 0 });
    const promote = (body: object) => send(f.core, 'POST', '/api/v1/promotions', { body: JSON.stringify(body) });
    const status = async (r: Promise<{ status: number; json: () => Record<string, unknown> }>) => {
      const reply = await r;
      return [reply.status, reply.json().error_code];
    };
    expect(await status(promote({ runId: f.runId, registry: 'nope', remoteName: 'acme/clf' }))).toEqual([404, 'RESOURCE_DOES_NOT_EXIST']);
    expect(await status(promote({ runId: 'missing', registry: 'hub', remoteName: 'acme/clf' }))).toEqual([404, 'RESOURCE_DOES_NOT_EXIST']);
    expect(await status(promote({ runId: f.runId, registry: 'hub', remoteName: 'acme clf' }))).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    expect(await status(promote({ runId: f.runId, registry: 'hub' }))).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    expect(await status(promote({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf', overrideReason: 'x' }))).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    expect(await status(send(f.core, 'GET', '/api/v1/gates?registry=nope&model=m'))).toEqual([404, 'RESOURCE_DOES_NOT_EXIST']);
    const save = (body: object) => send(f.core, 'PUT', '/api/v1/registries', { body: JSON.stringify(body) });
    expect(await status(save({ name: 'x', kind: 'oci', url: 'not a url' }))).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    expect(await status(save({ name: 'x', kind: 'oci', url: 'ftp://r.example/m' }))).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    const withCreds = await save({ name: 'x', kind: 'oci', url: 'https://u:hunter2@r.example/m' });
    expect([withCreds.status, withCreds.body.includes('hunter2')]).toEqual([400, false]);
    expect(await status(save({ name: 'x y', kind: 'oci', url: 'https://r.example' }))).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    expect(await status(save({ name: 'x', kind: 'hf', url: 'https://r.example' }))).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    expect((await send(f.core, 'GET', '/api/v1/registries')).json().registries).toHaveLength(1);
    expect((await send(f.core, 'GET', '/api/v1/promotions')).json()).toEqual({ promotions: [] });
    await f.core.close();
  });

  it('streams progress and the end of a promotion to SSE clients', async () => {
    const f = await startPromotionFixture(tempDir(), { port: 0 });
    const port = f.core.server!.port;
    // The core's own listeners (alerts) are subscribed already: wait for one more.
    const before = f.core.hub.subscriberCount;
    let text = '';
    const ended = new Promise<void>((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/v1/events', headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${f.core.token}` } }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (/event: promotion\.updated\ndata: .*"outcome":"verified"/.test(text)) {
            req.destroy();
            done();
          }
        });
      });
      req.on('error', (e) => (text.includes('verified') ? done() : fail(e)));
      req.end();
    });
    // The stream is subscribed once the server has handled the request.
    while (f.core.hub.subscriberCount === before) await new Promise((r) => setImmediate(r));
    const r = await send(f.core, 'POST', '/api/v1/promotions', { body: JSON.stringify({ runId: f.runId, registry: 'hub', remoteName: 'acme/clf' }) });
    expect(r.status).toBe(202);
    await ended;
    expect(text).toMatch(/event: promotion\.updated\ndata: .*"outcome":"running"/);
    expect(text).toMatch(/event: promotion\.progress\ndata: .*"phase":"upload"/);
    expect(text).toMatch(/event: promotion\.progress\ndata: .*"phase":"done"/);
    await f.core.close();
  });
});
