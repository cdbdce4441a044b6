// Serve mode: alerts reach the browser as `alert.raised` on the event stream (the in-app toasts).
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src-shared/alerts';
import { send } from '../test-support/http-client';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';

const tempDir = useTempDirs();

describe('alerts over HTTP (serve mode)', () => {
  it('sends alert.raised on the SSE stream when a NaN is logged to loss', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    const port = core.server!.port;
    let text = '';
    const gotAlert = new Promise<void>((done) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/v1/events', headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${core.token}` } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (/event: alert\.raised\ndata: .*\n\n/.test(text)) {
            req.destroy();
            done();
          }
        });
      });
      req.end();
    });
    // Bounded wait for the stream to be subscribed (the alert service is the other subscriber).
    const subscribers = core.hub.subscriberCount;
    for (let i = 0; i < 1000 && core.hub.subscriberCount === subscribers; i++) await new Promise((r) => setTimeout(r, 5));
    const id = ((await send(core, 'POST', '/api/v1/runs', { body: '{"name":"diverging"}' })).json().run as { id: string }).id;
    const logged = await send(core, 'POST', `/api/v1/runs/${id}/log`, { body: '{"metrics":[{"key":"loss","value":0.7,"step":41},{"key":"loss","value":"NaN","step":42}]}' });
    expect(logged.status).toBe(200);
    await gotAlert;
    const data = /event: alert\.raised\ndata: (.*)\n/.exec(text)![1]!;
    expect(JSON.parse(data).alert).toMatchObject({ ruleId: 'builtin:non-finite', runId: id, runName: 'diverging', metric: 'loss', value: 'NaN', step: 42, message: 'loss is NaN at step 42' });
    const listed = (await send(core, 'GET', '/api/v1/alerts')).json();
    expect(listed).toMatchObject({ unread: 1, alerts: [{ runId: id, kind: 'non-finite' }] });
    await core.close();
  });

  it('raises for runs logged through the MLflow REST API: a NaN in log-batch, then the run ending', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    const raised: Alert[] = [];
    core.hub.subscribe((e) => e.type === 'alert.raised' && raised.push(e.data.alert));
    const post = (path: string, body: unknown) => send(core, 'POST', `/api/2.0/mlflow/${path}`, { body: JSON.stringify(body) });
    const created = await post('runs/create', { experiment_id: '0', start_time: Date.now(), run_name: 'mlflow-run' });
    const runId = (created.json().run as { info: { run_id: string } }).info.run_id;
    const now = Date.now();
    const logged = await post('runs/log-batch', {
      run_id: runId,
      metrics: [
        { key: 'train_loss', value: 0.3, timestamp: now, step: 10 },
        { key: 'train_loss', value: 'NaN', timestamp: now, step: 11 },
        { key: 'train_loss', value: 0.2, timestamp: now, step: 12 },
      ],
    });
    expect(logged.status).toBe(200);
    expect((await post('runs/update', { run_id: runId, status: 'FAILED', end_time: now + 1 })).status).toBe(200);
    for (let i = 0; i < 1000 && raised.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(raised.map((a) => `${a.ruleId} ${a.runName} ${a.message}`).sort()).toEqual([
      'builtin:non-finite mlflow-run train_loss is NaN at step 11',
      expect.stringMatching(/^builtin:run-failed mlflow-run failed after \d+s$/),
    ]);
    await core.close();
  });
});
