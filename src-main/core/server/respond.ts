import type { ServerResponse } from 'node:http';
import { ApiError } from '../../../src-shared/errors';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** Answers any thrown value as MLflow-style error JSON; unexpected ones become INTERNAL_ERROR. */
export function sendError(res: ServerResponse, error: unknown, log: (m: string) => void): void {
  const apiError =
    error instanceof ApiError ? error : new ApiError('INTERNAL_ERROR', 'Internal error; see the server log for details');
  if (!(error instanceof ApiError)) log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, apiError.status, apiError.toBody());
}
