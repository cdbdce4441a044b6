import type { IncomingMessage } from 'node:http';
import { ApiError } from '../../../src-shared/errors';
import { parseLenientJson } from '../ingest/lenient-json';

/** Reads a JSON object body, refusing more than `limit` bytes (413) and anything but an object. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw tooLarge(limit);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    parts.push(chunk as Buffer);
  }
  if (size === 0) return {};
  let body: unknown;
  try {
    body = parseLenientJson(Buffer.concat(parts, size).toString('utf8'));
  } catch (e) {
    throw new ApiError('MALFORMED_REQUEST', `Request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('MALFORMED_REQUEST', 'Request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function tooLarge(limit: number): ApiError {
  return new ApiError('REQUEST_LIMIT_EXCEEDED', `Request body exceeds the limit of ${limit} bytes`);
}
