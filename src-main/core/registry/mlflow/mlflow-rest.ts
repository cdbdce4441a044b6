// MLflow's REST API 2.0 as the registry adapter needs it: JSON calls under /api/2.0/mlflow/, the
// artifact proxy under /api/2.0/mlflow-artifacts/, auth the way the mlflow client sends it
// (MLFLOW_TRACKING_USERNAME/PASSWORD → Basic, MLFLOW_TRACKING_TOKEN → Bearer).
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { RegistryError, type RegistryCredentials } from '../registry-adapter';
import { authFailed, basicAuth, send, text, type HttpResponse } from '../registry-http';

const ErrorBody = z.object({ error_code: z.string().optional(), message: z.string().optional() });

/** An MLflow error answer, with its `error_code` kept so callers can accept RESOURCE_ALREADY_EXISTS. */
export class MlflowApiError extends RegistryError {
  constructor(
    message: string,
    status: number,
    readonly errorCode: string | null,
  ) {
    super(message, status);
  }
}

export class MlflowRest {
  private readonly base: URL;
  private readonly authorization: string | null;

  constructor(url: string, credentials: RegistryCredentials) {
    this.base = new URL(url.endsWith('/') ? url : `${url}/`);
    const { username, secret } = credentials;
    this.authorization = secret === null ? null : username ? basicAuth(username, secret) : `Bearer ${secret}`;
  }

  async get<T>(path: string, query: Record<string, string>, schema: z.ZodType<T>, signal: AbortSignal): Promise<T> {
    const url = this.url(`api/2.0/mlflow/${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return this.parse(await this.request('GET', url, signal), schema);
  }

  async post<T>(path: string, body: unknown, schema: z.ZodType<T>, signal: AbortSignal): Promise<T> {
    const res = await this.request('POST', this.url(`api/2.0/mlflow/${path}`), signal, JSON.stringify(body), {
      'content-type': 'application/json',
    });
    return this.parse(res, schema);
  }

  /** Streams one file into the artifact proxy at `artifactPath` (relative to the artifact root). */
  async putArtifact(artifactPath: string, body: Readable, size: number, signal: AbortSignal): Promise<void> {
    const res = await this.request('PUT', this.artifactUrl(artifactPath), signal, body, {
      'content-type': 'application/octet-stream',
      'content-length': String(size),
    });
    await this.parse(res, z.unknown());
  }

  async listArtifacts(dir: string, signal: AbortSignal): Promise<{ path: string; is_dir?: boolean; file_size?: number | string }[]> {
    const url = this.url('api/2.0/mlflow-artifacts/artifacts');
    url.searchParams.set('path', dir);
    const listing = await this.parse(await this.request('GET', url, signal), ArtifactListing);
    return listing.files ?? [];
  }

  /** The artifact's bytes as a response to stream; errors already turned into RegistryError. */
  async getArtifact(artifactPath: string, signal: AbortSignal): Promise<HttpResponse> {
    const res = await this.request('GET', this.artifactUrl(artifactPath), signal);
    if (res.status !== 200) await this.parse(res, z.unknown());
    return res;
  }

  private artifactUrl(artifactPath: string): URL {
    const encoded = artifactPath.split('/').map(encodeURIComponent).join('/');
    return this.url(`api/2.0/mlflow-artifacts/artifacts/${encoded}`);
  }

  private url(path: string): URL {
    return new URL(path, this.base);
  }

  private request(method: string, url: URL, signal: AbortSignal, body?: string | Readable, headers: Record<string, string> = {}): Promise<HttpResponse> {
    if (this.authorization) headers = { ...headers, authorization: this.authorization };
    return send({ method, url, headers, body, signal });
  }

  private async parse<T>(res: HttpResponse, schema: z.ZodType<T>): Promise<T> {
    const raw = await text(res);
    if (res.status === 401 || res.status === 403) throw authFailed(this.base, res.status);
    let json: unknown = null;
    try {
      json = raw ? JSON.parse(raw) : {};
    } catch {
      // Not JSON (a proxy's error page): reported by status below.
    }
    if (res.status < 200 || res.status >= 300) {
      const err = ErrorBody.safeParse(json);
      const code = err.success ? (err.data.error_code ?? null) : null;
      const message = err.success && err.data.message ? err.data.message : `HTTP ${res.status}`;
      throw new MlflowApiError(`MLflow at ${this.base.origin}: ${message}`, res.status, code);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new RegistryError(`MLflow at ${this.base.origin} answered in an unexpected shape`, res.status);
    return parsed.data;
  }
}

const ArtifactListing = z.object({
  files: z.array(z.object({ path: z.string(), is_dir: z.boolean().optional(), file_size: z.union([z.number(), z.string()]).optional() })).optional(),
});
