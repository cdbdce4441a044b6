import { request } from 'node:http';
import { send } from '../test-support/http-client';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import type { Core } from '../core';

const tempDir = useTempDirs();

async function serverCore(): Promise<Core> {
  return startTestCore(tempDir(), { port: 0 });
}

describe('HTTP server', () => {
  it('answers health without a token and refuses the API without one', async () => {
    const core = await serverCore();
    expect((await send(core, 'GET', '/api/health', { auth: false })).json()).toEqual({ status: 'ok', version: 'test' });
    const r = await send(core, 'GET', '/api/v1/runs', { auth: false });
    expect(r.status).toBe(401);
    expect(r.json().error_code).toBe('UNAUTHENTICATED');
    const wrong = await send(core, 'GET', '/api/v1/runs', { auth: false, headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect((await send(core, 'GET', '/api/v1/runs')).status).toBe(200);
    expect((await send(core, 'GET', '//api/v1/runs', { auth: false })).status).toBe(401);
    const basic = (user: string, pass: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` });
    expect((await send(core, 'GET', '/api/v1/runs', { auth: false, headers: basic('anyone', core.token!) })).status).toBe(200);
    expect((await send(core, 'GET', '/api/v1/runs', { auth: false, headers: basic(core.token!, 'wrong') })).status).toBe(401);
    await core.close();
  });

  it('refuses rebinding Host headers and cross-origin writes', async () => {
    const core = await serverCore();
    const port = core.server!.port;
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1']) {
      const r = await send(core, 'GET', '/api/health', { headers: { host } });
      expect(r.status, host).toBe(403);
    }
    expect((await send(core, 'GET', '/api/health', { headers: { host: `localhost:${port}` } })).status).toBe(200);
    const csrf = await send(core, 'POST', '/api/v1/runs', { body: '{}', headers: { origin: 'https://evil.example' } });
    expect(csrf.status).toBe(403);
    const own = await send(core, 'POST', '/api/v1/runs', { body: '{}', headers: { origin: `http://127.0.0.1:${port}` } });
    expect(own.status).toBe(201);
    await core.close();
  });

  it('logs over the native routes, with bare NaN as Python writes it and keys holding slashes', async () => {
    const core = await serverCore();
    const created = await send(core, 'POST', '/api/v1/runs', { body: JSON.stringify({ name: 'http', params: { lr: 0.1 } }) });
    expect(created.status).toBe(201);
    const id = (created.json().run as { id: string }).id;
    const log = await send(core, 'POST', `/api/v1/runs/${id}/log`, {
      body: '{"metrics":[{"key":"val/loss","value":NaN,"step":0},{"key":"val/loss","value":-Infinity,"step":1},{"key":"val/loss","value":0.5,"step":2}]}',
    });
    expect(log.json()).toEqual({ accepted: 3, skipped: 0 });
    const series = await send(core, 'GET', `/api/v1/runs/${id}/metrics/val/loss?points=100`);
    expect(series.json()).toMatchObject({ key: 'val/loss', total: 3, value: ['NaN', '-Infinity', 0.5] });
    const list = (await send(core, 'GET', '/api/v1/runs')).json().runs as { id: string }[];
    expect(list.map((r) => r.id)).toEqual([id]);
    const fin = await send(core, 'POST', `/api/v1/runs/${id}/finish`, { body: '{"status":"KILLED"}' });
    expect((fin.json().run as { status: string }).status).toBe('KILLED');
    await core.close();
  });

  it('answers bad input with 4xx and MLflow-style error JSON, changing nothing', async () => {
    const core = await serverCore();
    const id = ((await send(core, 'POST', '/api/v1/runs', { body: '{"params":{"a":"1"}}' })).json().run as { id: string }).id;
    const cases: [string, string, string | undefined, number, string][] = [
      ['POST', `/api/v1/runs/${id}/log`, '{"metrics": [', 400, 'MALFORMED_REQUEST'],
      ['POST', `/api/v1/runs/${id}/log`, '[1,2]', 400, 'MALFORMED_REQUEST'],
      ['POST', `/api/v1/runs/${id}/log`, '{"metrics":[{"key":"k","value":"x"}]}', 400, 'INVALID_PARAMETER_VALUE'],
      ['POST', `/api/v1/runs/${id}/log`, '{"metrics":[{"key":"k","value":1,"step":-1}]}', 400, 'INVALID_PARAMETER_VALUE'],
      ['POST', `/api/v1/runs/${id}/log`, '{"params":{"a":"2"}}', 400, 'INVALID_PARAMETER_VALUE'],
      ['POST', '/api/v1/runs/0123456789abcdef0123456789abcdef/log', '{}', 404, 'RESOURCE_DOES_NOT_EXIST'],
      ['GET', '/api/v1/runs/%E0%A4%A', undefined, 400, 'INVALID_PARAMETER_VALUE'],
      ['GET', '/api/v1/nothing', undefined, 404, 'ENDPOINT_NOT_FOUND'],
      ['DELETE', `/api/v1/runs/${id}`, undefined, 404, 'ENDPOINT_NOT_FOUND'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const r = await send(core, method, path, body === undefined ? {} : { body });
      expect([r.status, r.json().error_code], `${method} ${path} ${body}`).toEqual([status, code]);
      expect(r.json().message).toEqual(expect.any(String));
    }
    const run = (await send(core, 'GET', `/api/v1/runs/${id}`)).json().run as { params: object; metrics: unknown[] };
    expect(run.params).toEqual({ a: '1' });
    expect(run.metrics).toEqual([]);
    await core.close();
  });

  it('refuses a body over the size limit with 413', async () => {
    const core = await serverCore();
    const id = ((await send(core, 'POST', '/api/v1/runs', { body: '{}' })).json().run as { id: string }).id;
    const huge = `{"tags":{"t":"${'x'.repeat(33 * 1024 * 1024)}"}}`;
    const r = await send(core, 'POST', `/api/v1/runs/${id}/log`, { body: huge });
    expect(r.status).toBe(413);
    expect(r.json().error_code).toBe('REQUEST_LIMIT_EXCEEDED');
    await core.close();
  });

  it('serves the UI with the token in a meta tag and never a file outside it', async () => {
    const core = await serverCore();
    expect((await send(core, 'GET', '/', { auth: false })).body).toContain('runlens-token');
    const page = await send(core, 'GET', '/runs/abc', { auth: false });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="runlens-token" content="${core.token}" />`);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    for (const path of ['/../../../etc/passwd.txt', '/%2e%2e/%2e%2e/etc/passwd.txt', '/..%2f..%2fetc%2fpasswd.txt']) {
      const r = await send(core, 'GET', path, { auth: false });
      expect(r.body, path).not.toContain('root:');
      expect(r.status, path).toBe(404);
    }
    await core.close();
  });

  it('streams run and point events over SSE', async () => {
    const core = await serverCore();
    const port = core.server!.port;
    // The core's own listeners (alerts) are subscribed already: wait for one more.
    const before = core.hub.subscriberCount;
    const received: string[] = [];
    const gotPoints = new Promise<void>((done) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/v1/events', headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${core.token}` } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          received.push(chunk);
          if (received.join('').includes('event: points.appended')) {
            req.destroy();
            done();
          }
        });
      });
      req.end();
    });
    // Wait for the stream to be subscribed before logging.
    await new Promise<void>((done) => {
      const poll = () => (core.hub.subscriberCount > before ? done() : setImmediate(poll));
      poll();
    });
    const id = ((await send(core, 'POST', '/api/v1/runs', { body: '{"name":"live"}' })).json().run as { id: string }).id;
    await send(core, 'POST', `/api/v1/runs/${id}/log`, { body: '{"metrics":[{"key":"loss","value":1}]}' });
    await gotPoints;
    const text = received.join('');
    expect(text).toContain('event: run.updated');
    expect(text).toContain(`"runId":"${id}","keys":["loss"]`);
    await core.close();
  });
});
