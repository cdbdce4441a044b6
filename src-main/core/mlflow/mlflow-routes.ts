// Mounts MLflow's REST API (tracking, logged models, artifact proxy) on the core's server, under
// the prefixes the client and MLflow's own web UI use. Paths and verbs follow service.proto.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../../../src-shared/errors';
import { LIMITS } from '../../../src-shared/limits';
import { readJsonBody } from '../server/read-body';
import { sendJson } from '../server/respond';
import { queryFields } from '../server/query-fields';
import { decodePath } from '../server/decode-path';
import type { MlflowContext } from './mlflow-context';
import { Fields } from './mlflow-fields';
import { experimentsApi } from './experiments-api';
import { runsApi } from './runs-api';
import { runLoggingApi } from './run-logging-api';
import { metricHistoryApi } from './metric-history-api';
import { loggedModelsApi } from './logged-models-api';
import { artifactsApi } from './artifacts-api';

type JsonHandler = (ctx: MlflowContext, f: Fields) => unknown;
type Verb = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Tracking routes relative to `<prefix>/2.0/mlflow/`; `{name}` is a path parameter. */
const TRACKING: [Verb, string, JsonHandler][] = [
  ['POST', 'experiments/create', experimentsApi.create],
  ['GET', 'experiments/get', experimentsApi.get],
  ['GET', 'experiments/get-by-name', experimentsApi.getByName],
  ['POST', 'experiments/search', experimentsApi.search],
  ['GET', 'experiments/search', experimentsApi.search],
  ['POST', 'experiments/update', experimentsApi.update],
  ['POST', 'experiments/delete', experimentsApi.delete],
  ['POST', 'experiments/restore', experimentsApi.restore],
  ['POST', 'experiments/set-experiment-tag', experimentsApi.setTag],
  ['POST', 'experiments/delete-experiment-tag', experimentsApi.deleteTag],
  ['POST', 'runs/create', runsApi.create],
  ['GET', 'runs/get', runsApi.get],
  ['POST', 'runs/update', runsApi.update],
  ['POST', 'runs/delete', runsApi.delete],
  ['POST', 'runs/restore', runsApi.restore],
  ['POST', 'runs/search', runsApi.search],
  ['POST', 'runs/log-metric', runLoggingApi.logMetric],
  ['POST', 'runs/log-parameter', runLoggingApi.logParam],
  ['POST', 'runs/set-tag', runLoggingApi.setTag],
  ['POST', 'runs/delete-tag', runLoggingApi.deleteTag],
  ['POST', 'runs/log-batch', runLoggingApi.logBatch],
  ['POST', 'runs/log-inputs', runLoggingApi.logInputs],
  ['POST', 'runs/outputs', runLoggingApi.logOutputs],
  ['GET', 'metrics/get-history', metricHistoryApi.getHistory],
  ['GET', 'metrics/get-history-bulk-interval', metricHistoryApi.getHistoryBulkInterval],
  ['GET', 'artifacts/list', artifactsApi.listForRun],
  ['POST', 'logged-models', loggedModelsApi.create],
  ['POST', 'logged-models/search', loggedModelsApi.search],
  ['GET', 'logged-models/{model_id}', loggedModelsApi.get],
  ['PATCH', 'logged-models/{model_id}', loggedModelsApi.finalize],
  ['DELETE', 'logged-models/{model_id}', loggedModelsApi.delete],
  ['PATCH', 'logged-models/{model_id}/tags', loggedModelsApi.setTags],
  ['DELETE', 'logged-models/{model_id}/tags/{tag_key}', loggedModelsApi.deleteTag],
  ['POST', 'logged-models/{model_id}/params', loggedModelsApi.logParams],
  ['GET', 'logged-models/{model_id}/artifacts/directories', loggedModelsApi.listArtifacts],
];

const TRACKING_PREFIX = /^\/(?:api|ajax-api)\/2\.0\/(?:preview\/)?mlflow\/(.+)$/;
const ARTIFACTS_PREFIX = /^\/(?:api|ajax-api)\/2\.0\/mlflow-artifacts\/artifacts(?:\/(.*))?$/;

interface CompiledRoute {
  verb: Verb;
  pattern: RegExp;
  names: string[];
  handler: JsonHandler;
}

const COMPILED: CompiledRoute[] = TRACKING.map(([verb, path, handler]) => {
  const names: string[] = [];
  const source = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { verb, pattern: new RegExp(`^${source}$`), names, handler };
});

/** Returns a request handler that answers MLflow's routes and reports whether it did. */
export function createMlflowRoutes(ctx: MlflowContext) {
  async function tracking(req: IncomingMessage, res: ServerResponse, url: URL, rest: string): Promise<void> {
    const verb = req.method ?? 'GET';
    let pathKnown = false;
    for (const r of COMPILED) {
      const m = r.pattern.exec(rest);
      if (!m) continue;
      pathKnown = true;
      if (r.verb !== verb) continue;
      const params: Record<string, string> = {};
      r.names.forEach((name, i) => (params[name] = decodePath(m[i + 1]!)));
      const body = verb === 'GET' ? queryFields(url) : await readJsonBody(req, LIMITS.bodyBytes);
      const out = await r.handler(ctx, new Fields({ ...body, ...params }));
      return sendJson(res, 200, out);
    }
    throw new ApiError('ENDPOINT_NOT_FOUND', pathKnown ? `Method ${verb} is not allowed for ${url.pathname}` : `No MLflow endpoint ${url.pathname}`);
  }

  async function artifacts(req: IncomingMessage, res: ServerResponse, url: URL, rawPath: string | undefined): Promise<void> {
    const path = rawPath ? decodePath(rawPath) : '';
    switch (req.method) {
      case 'GET':
        if (!path) return sendJson(res, 200, await artifactsApi.list(ctx, new Fields(queryFields(url))));
        return artifactsApi.download(ctx, path, res);
      case 'PUT':
        return artifactsApi.upload(ctx, path, req, res);
      case 'DELETE':
        return sendJson(res, 200, await artifactsApi.remove(ctx, path || (url.searchParams.get('path') ?? '')));
      default:
        throw new ApiError('ENDPOINT_NOT_FOUND', `Method ${req.method} is not allowed for ${url.pathname}`);
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const art = ARTIFACTS_PREFIX.exec(url.pathname);
    if (art) {
      await artifacts(req, res, url, art[1]);
      return true;
    }
    const track = TRACKING_PREFIX.exec(url.pathname);
    if (!track) return false;
    await tracking(req, res, url, track[1]!);
    return true;
  };
}
