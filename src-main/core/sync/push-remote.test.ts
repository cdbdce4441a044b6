import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MlflowRest } from '../registry/mlflow/mlflow-rest';
import { remoteArtifactRoot } from './push-remote';

let server: Server | null = null;
afterEach(async () => {
  const s = server;
  server = null;
  if (s) await new Promise<void>((r) => s.close(() => r()));
});

/** A server answering runs/get with this artifact URI. */
async function remoteWithArtifactUri(uri: string): Promise<MlflowRest> {
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ run: { info: { run_id: 'r', experiment_id: '3', artifact_uri: uri } } }));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return new MlflowRest(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { username: '', secret: null });
}

describe('remoteArtifactRoot', () => {
  const signal = new AbortController().signal;

  it('takes the proxied path of mlflow-artifacts URIs, with or without a host', async () => {
    expect(await remoteArtifactRoot(await remoteWithArtifactUri('mlflow-artifacts:/3/abc/artifacts'), 'r', signal)).toBe('3/abc/artifacts');
  });

  it('takes the path after a host part', async () => {
    expect(await remoteArtifactRoot(await remoteWithArtifactUri('mlflow-artifacts://tracking:5000/3/abc/artifacts/'), 'r', signal)).toBe('3/abc/artifacts');
  });

  it('refuses a store the server does not proxy, saying how to start the server', async () => {
    const client = await remoteWithArtifactUri('s3://bucket/3/abc/artifacts');
    await expect(remoteArtifactRoot(client, 'r', signal)).rejects.toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringMatching(/s3:\/\/bucket\/3\/abc\/artifacts.*--artifacts-destination/),
    });
  });
});
