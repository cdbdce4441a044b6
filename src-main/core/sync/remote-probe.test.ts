import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MlflowRest } from '../registry/mlflow/mlflow-rest';
import { probeRemote } from './remote-probe';

let server: Server | null = null;
afterEach(async () => {
  const s = server;
  server = null;
  if (s) await new Promise<void>((r) => s.close(() => r()));
});

/** A server answering every request with this status and body. */
async function serving(status: number, body: string): Promise<string> {
  server = createServer((_req, res) => {
    res.statusCode = status;
    res.end(body);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const probe = (url: string) => probeRemote(new MlflowRest(url, { username: '', secret: 'tok' }), url, new AbortController().signal);

describe('probeRemote', () => {
  it('counts the first page of experiments', async () => {
    const url = await serving(200, JSON.stringify({ experiments: [{ experiment_id: '0', name: 'Default' }, { experiment_id: '1', name: 'x' }] }));
    expect(await probe(url)).toEqual({ ok: true, message: `Connected to MLflow at ${url}: 2 experiments`, experiments: 2 });
  });

  it('says a web page is not an MLflow tracking server', async () => {
    for (const [status, body] of [[200, '<html>hello</html>'], [404, 'Not Found']] as const) {
      const url = await serving(status, body);
      expect(await probe(url)).toMatchObject({ ok: false, experiments: null, message: expect.stringContaining('does not answer as an MLflow tracking server') });
      await new Promise<void>((r) => server!.close(() => r()));
      server = null;
    }
  });

  it('says the credentials were refused', async () => {
    const url = await serving(403, 'forbidden');
    expect(await probe(url)).toMatchObject({ ok: false, message: expect.stringContaining('refused the credentials (HTTP 403)') });
  });
});
