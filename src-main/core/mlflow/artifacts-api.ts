// The artifact proxy routes MLflow's client uses for `mlflow-artifacts:` URIs, and the
// tracking API's artifacts/list. Bodies are raw bytes, so these handlers see the request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { checkWritable, requireRun } from '../api/run-writes';
import { listDir } from '../artifacts/artifact-store';
import type { MlflowContext } from './mlflow-context';
import type { Fields } from './mlflow-fields';
import { fileInfoJson } from './mlflow-json';
import { sendJson } from '../server/respond';

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.html': 'text/plain; charset=utf-8',
};

export const artifactsApi = {
  async upload(ctx: MlflowContext, path: string, req: IncomingMessage, res: ServerResponse) {
    const owner = writableOwner(ctx, path);
    await ctx.artifacts.put(path, req);
    if (owner) ctx.hub.runChanged(owner);
    sendJson(res, 200, {});
  },

  async download(ctx: MlflowContext, path: string, res: ServerResponse) {
    const { stream, size } = await ctx.artifacts.open(path);
    // SECURITY: artifacts are user data; HTML is served as text so it cannot run in our origin.
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    stream.pipe(res);
  },

  async list(ctx: MlflowContext, f: Fields) {
    const files = await ctx.artifacts.list(f.string('path') ?? '');
    return { files: files.map(fileInfoJson) };
  },

  async remove(ctx: MlflowContext, path: string) {
    const owner = writableOwner(ctx, path);
    await ctx.artifacts.delete(path);
    if (owner) ctx.hub.runChanged(owner);
    return {};
  },

  /** The tracking API's artifacts/list: a run's files, wherever its artifact URI points. */
  async listForRun(ctx: MlflowContext, f: Fields) {
    const run = requireRun(ctx.store, f.runId());
    const root = ctx.artifacts.localDir(run.artifactUri);
    const sub = f.string('path') ?? '';
    if (!root) return { root_uri: run.artifactUri ?? '', files: [] };
    const dir = sub ? await ctx.artifacts.resolveReal(root, sub) : root;
    const files = await listDir(dir);
    return { root_uri: run.artifactUri ?? '', files: files.map((file) => fileInfoJson({ ...file, path: sub ? `${sub}/${file.path}` : file.path })) };
  },
};

/**
 * The run whose page shows a proxied artifact path: `<exp>/<run>/artifacts/…` for a run's files,
 * `<exp>/models/<model>/artifacts/…` for a logged model's (its source run). Open pages refresh
 * on that run's event.
 */
function ownerRun(ctx: MlflowContext, path: string): string | null {
  const [, second, third] = path.split('/');
  if (second === 'models' && third) return ctx.store.models.get(third)?.sourceRunId ?? null;
  return second && ctx.store.runs.exists(second) ? second : null;
}

/** ownerRun, refusing a write into a run that is a read-only copy of a remote run. */
function writableOwner(ctx: MlflowContext, path: string): string | null {
  const owner = ownerRun(ctx, path);
  if (owner) checkWritable(ctx.store, owner);
  return owner;
}
