import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../../src-shared/errors';
import { parseLenientJson } from '../ingest/lenient-json';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How long a JSON body may take to arrive. SECURITY: at most `limit` bytes over loopback come
 * in well under a second; a client trickling a byte at a time would otherwise hold its
 * connection and buffer for as long as it likes (Node's own request timeout is 5 minutes).
 */
export const BODY_DEADLINE_MS = 10_000;

/**
 * Reads a JSON object body, refusing more than `limit` bytes (413), one that is not complete
 * within BODY_DEADLINE_MS (408), bytes that are not UTF-8 and anything but an object.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw tooLarge(limit);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new ApiError('REQUEST_TIMEOUT', `Request body not received within ${BODY_DEADLINE_MS} ms`)), BODY_DEADLINE_MS);
  });
  let bytes: Buffer;
  try {
    bytes = await Promise.race([collect(req, limit), late]);
  } finally {
    clearTimeout(timer);
  }
  if (bytes.length === 0) return {};
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    // Replacing the bad bytes would store something other than what the client sent.
    throw new ApiError('MALFORMED_REQUEST', 'Request body is not valid UTF-8');
  }
  let body: unknown;
  try {
    body = parseLenientJson(text);
  } catch (e) {
    throw new ApiError('MALFORMED_REQUEST', `Request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('MALFORMED_REQUEST', 'Request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

async function collect(req: IncomingMessage, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts, size);
}

function tooLarge(limit: number): ApiError {
  return new ApiError('REQUEST_LIMIT_EXCEEDED', `Request body exceeds the limit of ${limit} bytes`);
}
