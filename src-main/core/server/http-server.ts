import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIMITS } from '../../../src-shared/contract';
import { ApiError } from '../../../src-shared/errors';
import type { Dispatch } from '../api/dispatch';
import type { EventHub } from '../events/event-hub';
import { hasValidToken, isAllowedHost, isForeignWrite } from './security';
import { readJsonBody } from './read-body';
import { sendError, sendJson } from './respond';
import { matchContractRoute } from './contract-routes';
import { serveEventStream } from './event-stream';
import { queryFields } from './query-fields';
import { createStaticUi } from './static-ui';

/** A group of routes beside the native ones (e.g. MLflow's); answers and returns true, or false to pass. */
export type ExtraRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface HttpServerOptions {
  dispatch: Dispatch;
  hub: EventHub;
  /** null turns authentication off (`--no-auth`). */
  token: string | null;
  uiDir: string;
  port: number;
  version: string;
  log: (message: string) => void;
  /** Tried in order after authentication, before the native routes. */
  extraRoutes?: ExtraRoutes[];
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function collapseSlashes(target: string): string {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  return path.replace(/\/{2,}/g, '/') + (q < 0 ? '' : target.slice(q));
}

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  let port = opts.port;
  const serveUi = createStaticUi(opts.uiDir, opts.token ?? '');

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      throw new ApiError('PERMISSION_DENIED', 'Invalid Host header: Runlens answers only to 127.0.0.1, localhost or [::1]');
    }
    if (isForeignWrite(req, port)) throw new ApiError('PERMISSION_DENIED', 'Cross-origin writes are refused');
    // Repeated slashes collapse (`//api/v1/runs` is `/api/v1/runs`), so a path cannot slip
    // past the API's checks by being read as a protocol-relative URL.
    const url = new URL(collapseSlashes(req.url ?? '/'), `http://${HOST}:${port}`);
    const method = req.method ?? 'GET';
    if (url.pathname === '/api/health') return sendJson(res, 200, { status: 'ok', version: opts.version });
    // MLflow's web UI calls the same API under /ajax-api/.
    if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith('/ajax-api/')) {
      if (method !== 'GET' && method !== 'HEAD') throw new ApiError('ENDPOINT_NOT_FOUND', `No route for ${method} ${url.pathname}`);
      return serveUi(url.pathname, res);
    }
    if (opts.token !== null && !hasValidToken(req, opts.token)) {
      res.setHeader('www-authenticate', 'Bearer realm="runlens"');
      throw new ApiError('UNAUTHENTICATED', 'Missing or wrong token: send Authorization: Bearer <token> (see <data>/token)');
    }
    if (url.pathname === '/api/v1/events' && method === 'GET') return serveEventStream(req, res, opts.hub);
    for (const routes of opts.extraRoutes ?? []) if (await routes(req, res, url)) return;
    const lookup = matchContractRoute(method, url.pathname);
    if (!('match' in lookup)) {
      throw new ApiError('ENDPOINT_NOT_FOUND', lookup.pathKnown ? `Method ${method} is not allowed on ${url.pathname}` : `No API route ${url.pathname}`);
    }
    const { match } = lookup;
    const fields = method === 'GET' ? queryFields(url) : await readJsonBody(req, LIMITS.bodyBytes);
    // Path parameters win over body fields of the same name.
    const output = await opts.dispatch(match.method, { ...fields, ...match.params });
    sendJson(res, match.successStatus, output);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      // The rest of a late body is not waited for: the answer closes its connection.
      if (e instanceof ApiError && e.code === 'REQUEST_TIMEOUT') res.setHeader('connection', 'close');
      sendError(res, e, opts.log);
      // Drain what is left of a refused body so the connection can be reused or closed cleanly.
      req.resume();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port, HOST, () => done());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
