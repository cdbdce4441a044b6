// HTTP/1.1 written byte for byte on a node:net socket: no client library normalises the
// payloads (dot segments, encodings, header values), so the server sees exactly the attack.
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** The request target exactly as sent. */
  target: string;
  /** Header lines in order; a null value leaves a default header out. */
  headers?: Record<string, string | null>;
  body?: string | Buffer;
}

export interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The bytes of a request: Host, the bearer token and Connection: close unless overridden. */
export function encodeRequest(req: RawRequest, defaults: { port: number; token: string }): Buffer {
  const headers: Record<string, string | null> = {
    host: `127.0.0.1:${defaults.port}`,
    authorization: `Bearer ${defaults.token}`,
    connection: 'close',
    ...(req.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(req.body)) }),
    ...req.headers,
  };
  const lines = Object.entries(headers).flatMap(([k, v]) => (v === null ? [] : [`${k}: ${v}`]));
  const head = Buffer.from(`${req.method} ${req.target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return req.body === undefined ? head : Buffer.concat([head, Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8')]);
}

/** Sends the bytes and reads until the server closes the connection. */
export function sendRaw(port: number, bytes: Buffer): Promise<RawReply> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    socket.on('data', (c) => parts.push(c));
    // The server may answer (413, 401…) and close before it has read everything we send.
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : fail(e)));
    socket.on('close', () => {
      try {
        done(parseReply(Buffer.concat(parts)));
      } catch (e) {
        fail(e);
      }
    });
    // No half-close: Node's server aborts a request whose client ends its side first (no
    // client does that); Connection: close has the server close once it has answered.
    socket.write(bytes);
  });
}

export function parseReply(bytes: Buffer): RawReply {
  const text = bytes.toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  if (split < 0) throw new Error(`no HTTP answer, only ${JSON.stringify(text.slice(0, 200))}`);
  const [statusLine, ...headerLines] = text.slice(0, split).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine!)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = text.slice(split + 4);
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { status, headers, body };
}

function unchunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, eol), 16);
    if (!(size > 0)) return out;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}
