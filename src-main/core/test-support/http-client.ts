import { request } from 'node:http';
import type { Core } from '../core';

export interface Reply {
  status: number;
  body: string;
  json: () => Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/** Raw HTTP (not fetch) so tests can send any Host header and body. */
export function send(core: Core, method: string, path: string, opts: { body?: string | Buffer; headers?: Record<string, string>; auth?: boolean; json?: boolean } = {}): Promise<Reply> {
  const port = core.server!.port;
  const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...opts.headers };
  if (opts.auth !== false && core.token) headers.authorization = `Bearer ${core.token}`;
  if (opts.body !== undefined && opts.json !== false) headers['content-type'] = 'application/json';
  // Node sends a DELETE body unframed (no chunking by default for that method), which the
  // server's parser refuses; a length frames it for every method, as fetch does.
  if (opts.body !== undefined) headers['content-length'] ??= String(Buffer.byteLength(opts.body));
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const body = Buffer.concat(parts).toString('utf8');
        done({ status: res.statusCode!, body, headers: res.headers, json: () => JSON.parse(body) });
      });
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

