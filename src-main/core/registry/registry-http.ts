// The one HTTP client the registry adapters share: node:http(s) so request bodies stream from disk
// (fetch would need `duplex: 'half'` and gives no per-chunk progress), every request abortable,
// and every network failure turned into a RegistryError that names the registry, never a secret.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Transform, type Readable } from 'node:stream';
import { RegistryError, type ModelFile } from './registry-adapter';

export interface HttpRequest {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  /** A string/Buffer is sent with its length; a stream must come with `content-length` in headers. */
  body?: string | Buffer | Readable;
  signal: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body, not yet read: read it with `text`/`json`/`hashBody`, or `discard` it. */
  body: IncomingMessage;
}

/** Sends one request; resolves once the response headers are in. */
export function send(req: HttpRequest): Promise<HttpResponse> {
  req.signal.throwIfAborted();
  const headers: Record<string, string> = { ...req.headers };
  if (typeof req.body === 'string' || Buffer.isBuffer(req.body)) headers['content-length'] = String(Buffer.byteLength(req.body));
  const mod = req.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // No keep-alive: a registry (uvicorn behind mlflow) drops idle sockets after a few seconds, and
    // a request sent on one it is closing fails with ECONNRESET.
    const r = mod.request(req.url, { method: req.method, headers, signal: req.signal, agent: false }, (res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res });
    });
    let bodyError: Error | null = null;
    r.on('error', (err: NodeJS.ErrnoException) => {
      if (req.signal.aborted) reject(req.signal.reason);
      else if (bodyError) reject(new RegistryError(`could not read the file being uploaded: ${bodyError.message}`));
      else reject(new RegistryError(`cannot reach ${req.url.origin}: ${err.code ?? err.message}`));
    });
    const body = req.body;
    if (body === undefined) r.end();
    else if (typeof body === 'string' || Buffer.isBuffer(body)) r.end(body);
    else {
      body.on('error', (err) => {
        bodyError = err;
        r.destroy(err);
      });
      body.pipe(r);
    }
  });
}

export async function text(res: HttpResponse): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of res.body) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function bytes(res: HttpResponse): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of res.body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function discard(res: HttpResponse): Promise<void> {
  res.body.resume();
  await new Promise<void>((resolve) => {
    if (res.body.readableEnded) resolve();
    else res.body.once('end', resolve).once('error', () => resolve()).once('close', resolve);
  });
}

/** Streams a response body through SHA-256: what the registry serves, never held whole. */
export async function hashBody(res: HttpResponse): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const c of res.body) {
    h.update(c as Buffer);
    size += (c as Buffer).length;
  }
  return { sha256: h.digest('hex'), size };
}

/** A file as a request body, reporting each chunk as it leaves. */
export function fileBody(file: ModelFile, onProgress: (file: string, done: number, total: number) => void): Readable {
  let done = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      done += chunk.length;
      onProgress(file.path, done, file.size);
      cb(null, chunk);
    },
  });
  const source = createReadStream(file.absPath);
  source.on('error', (err) => counter.destroy(err));
  return source.pipe(counter);
}

export function authFailed(url: URL, status: number): RegistryError {
  return new RegistryError(`authentication failed at ${url.origin}`, status);
}

export function basicAuth(username: string, secret: string): string {
  return `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}`;
}
