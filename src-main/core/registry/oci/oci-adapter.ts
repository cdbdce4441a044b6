// The OCI registry adapter (distribution spec v1.1): every blob first — skipped when the registry
// already has it (HEAD), else a POST to open an upload, one streamed PATCH and a PUT that closes it
// with the digest — and the manifest last, so a push killed midway leaves blobs but never a manifest
// pointing at missing ones. The manifest's bytes are deterministic, so a retry recomputes the same
// digest and finds it (HEAD) instead of pushing again; the alias is a tag moved by PUTting the
// same bytes under it.
import type { RegistryConfig } from '../../../../src-shared/promotion';
import {
  RegistryError,
  type PushRequest,
  type PushResult,
  type RegistryAdapter,
  type RegistryAdapterFactory,
  type RegistryCredentials,
  type RemoteFile,
} from '../registry-adapter';
import { bytes, discard, fileBody, hashBody, send, text, type HttpResponse } from '../registry-http';
import { OciClient } from './oci-client';
import { buildManifest, EMPTY_CONFIG, EMPTY_CONFIG_BYTES, MANIFEST_MEDIA_TYPE, RemoteManifest, sha256Digest, TITLE } from './oci-manifest';

const RUN_ANNOTATION = 'runlens.run_id';
const DIGEST_ANNOTATION = 'runlens.model_digest';
const ACCEPT = `${MANIFEST_MEDIA_TYPE}, application/vnd.oci.image.index.v1+json`;

export class OciRegistryAdapter implements RegistryAdapter {
  readonly kind = 'oci' as const;
  private readonly client: OciClient;
  /** The repository prefix from the registry URL (`https://ghcr.io/acme/models` → `acme/models`). */
  private readonly prefix: string;

  constructor(config: RegistryConfig, credentials: RegistryCredentials) {
    const url = new URL(config.url);
    this.client = new OciClient(new URL(url.origin), credentials);
    this.prefix = url.pathname.replace(/^\/+|\/+$/g, '');
  }

  async aliasHolder(remoteName: string, alias: string, signal: AbortSignal): Promise<{ remoteVersion: string; runId: string | null } | null> {
    const res = await this.get(this.url(remoteName, `manifests/${encodeURIComponent(alias)}`), signal, { accept: ACCEPT });
    if (res.status === 404) {
      await discard(res);
      return null;
    }
    const { manifest, digest } = await this.readManifest(res);
    return { remoteVersion: digest, runId: manifest.annotations?.[RUN_ANNOTATION] ?? null };
  }

  async push(req: PushRequest): Promise<PushResult> {
    const { remoteName, signal } = req;
    const { bytes: manifest, digest } = buildManifest(req.files, { ...req.annotations, [RUN_ANNOTATION]: req.runId, [DIGEST_ANNOTATION]: req.modelDigest });
    const created = !(await this.has(this.url(remoteName, `manifests/${digest}`), signal, { accept: ACCEPT }));
    if (created) {
      await this.putBlob(remoteName, EMPTY_CONFIG.digest, EMPTY_CONFIG.size, () => EMPTY_CONFIG_BYTES, signal);
      for (const file of req.files) {
        req.onProgress(file.path, 0, file.size);
        const uploaded = await this.putBlob(remoteName, `sha256:${file.sha256}`, file.size, () => fileBody(file, req.onProgress), signal);
        if (!uploaded) req.onProgress(file.path, file.size, file.size);
      }
    }
    // Pushed by tag (moving it) or, with no alias, by digest; the same bytes either way.
    if (created || req.alias) {
      const ref = req.alias ? encodeURIComponent(req.alias) : digest;
      const res = await this.client.request({
        method: 'PUT',
        url: this.url(remoteName, `manifests/${ref}`),
        headers: { 'content-type': MANIFEST_MEDIA_TYPE },
        body: manifest,
        signal,
      });
      await this.expect(res, [201], 'storing the manifest');
    }
    return { remoteVersion: digest, created };
  }

  async readBack(remoteName: string, remoteVersion: string, signal: AbortSignal): Promise<RemoteFile[]> {
    const res = await this.get(this.url(remoteName, `manifests/${remoteVersion}`), signal, { accept: ACCEPT });
    const { manifest, digest } = await this.readManifest(res);
    if (digest !== remoteVersion) throw new RegistryError(`${this.where(remoteName)} served a manifest whose digest is ${digest}, not ${remoteVersion}`);
    const out: RemoteFile[] = [];
    for (const layer of manifest.layers) {
      const blob = await this.get(this.url(remoteName, `blobs/${layer.digest}`), signal);
      await this.expect(blob, [200], `reading blob ${layer.digest}`, false);
      out.push({ path: layer.annotations?.[TITLE] ?? layer.digest, ...(await hashBody(blob)) });
    }
    return out;
  }

  /** Uploads a blob unless the registry has it; false when it was already there. */
  private async putBlob(remoteName: string, digest: string, size: number, body: () => Buffer | ReturnType<typeof fileBody>, signal: AbortSignal): Promise<boolean> {
    if (await this.has(this.url(remoteName, `blobs/${digest}`), signal)) return false;
    const opened = await this.client.request({ method: 'POST', url: this.url(remoteName, 'blobs/uploads/'), headers: { 'content-length': '0' }, signal });
    await this.expect(opened, [202], 'opening an upload');
    let location = this.location(opened, remoteName);
    // The bytes go in one streamed PATCH, then an empty PUT closes the upload with the digest
    // (distribution spec, "Pushing a blob in chunks", with one chunk): the shape of the docker
    // CLI's pushes, which every registry built to take `docker push` accepts.
    if (size > 0) {
      const patched = await this.client.request({
        method: 'PATCH',
        url: location,
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(size), 'content-range': `0-${size - 1}` },
        body: body(),
        signal,
      });
      await this.expect(patched, [202], `uploading blob ${digest}`);
      location = this.location(patched, remoteName);
    }
    location.searchParams.set('digest', digest);
    const res = await this.client.request({ method: 'PUT', url: location, headers: { 'content-length': '0' }, signal });
    await this.expect(res, [201], `uploading blob ${digest}`);
    return true;
  }

  /** The upload's next URL, from the `Location` of the last answer (may be relative). */
  private location(res: HttpResponse, remoteName: string): URL {
    const location = res.headers.location;
    if (!location) throw new RegistryError(`${this.where(remoteName)} answered an upload step without a location`, res.status);
    return new URL(location, this.client.origin);
  }

  private async has(url: URL, signal: AbortSignal, headers: Record<string, string> = {}): Promise<boolean> {
    const res = await this.client.request({ method: 'HEAD', url, headers, signal });
    await discard(res);
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw new RegistryError(`${url.origin} answered HTTP ${res.status} to HEAD ${url.pathname}`, res.status);
  }

  /** GET, following the redirects registries use to hand blobs to storage (no credentials sent elsewhere). */
  private async get(url: URL, signal: AbortSignal, headers: Record<string, string> = {}): Promise<HttpResponse> {
    let res = await this.client.request({ method: 'GET', url, headers, signal });
    for (let hops = 0; hops < 5 && [301, 302, 303, 307, 308].includes(res.status) && res.headers.location; hops++) {
      await discard(res);
      const next: URL = new URL(res.headers.location, url);
      res = next.origin === this.client.origin.origin ? await this.client.request({ method: 'GET', url: next, headers, signal }) : await send({ method: 'GET', url: next, headers, signal });
    }
    return res;
  }

  private async readManifest(res: HttpResponse): Promise<{ manifest: RemoteManifest; digest: string }> {
    await this.expect(res, [200], 'reading the manifest', false);
    const raw = await bytes(res);
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      // Reported below.
    }
    const manifest = RemoteManifest.safeParse(parsed);
    if (!manifest.success) throw new RegistryError(`${this.client.origin.origin} served a manifest that is not an OCI image manifest`, res.status);
    return { manifest: manifest.data, digest: sha256Digest(raw) };
  }

  /** Throws a RegistryError with the registry's own error message unless the status is expected. */
  private async expect(res: HttpResponse, ok: number[], doing: string, drain = true): Promise<void> {
    if (ok.includes(res.status)) {
      if (drain) await discard(res);
      return;
    }
    const body = await text(res).catch(() => '');
    let detail = `HTTP ${res.status}`;
    try {
      const first = (JSON.parse(body) as { errors?: { code?: string; message?: string }[] }).errors?.[0];
      if (first) detail = `${first.code ?? res.status}: ${first.message ?? ''}`.trim();
    } catch {
      // Not the spec's error body: the status says enough.
    }
    throw new RegistryError(`${this.client.origin.origin} failed ${doing}: ${detail}`, res.status);
  }

  private url(remoteName: string, rest: string): URL {
    const repo = [this.prefix, remoteName.replace(/^\/+|\/+$/g, '')].filter(Boolean).join('/');
    return new URL(`/v2/${repo}/${rest}`, this.client.origin);
  }

  private where(remoteName: string): string {
    return `${this.client.origin.origin}/${[this.prefix, remoteName].filter(Boolean).join('/')}`;
  }
}

export const createOciAdapter: RegistryAdapterFactory = (config, credentials) => new OciRegistryAdapter(config, credentials);
