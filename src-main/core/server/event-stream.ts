import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventHub } from '../events/event-hub';

/** A comment line every so often keeps proxies and idle timers from closing the stream. */
const KEEPALIVE_MS = 15_000;

/** Serves the core's events as Server-Sent Events until the client goes away. */
export function serveEventStream(req: IncomingMessage, res: ServerResponse, hub: EventHub): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n: connected\n\n');
  const unsubscribe = hub.subscribe((e) => {
    res.write(`event: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
  });
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  const stop = () => {
    clearInterval(keepalive);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('error', stop);
}
