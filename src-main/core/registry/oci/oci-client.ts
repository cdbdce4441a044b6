// Requests to an OCI distribution registry with its auth dance, generically: a 401 carries a
// `WWW-Authenticate` challenge (distribution spec; token flow as in the Docker registry token
// spec), `Basic realm=…` → send the credentials, `Bearer realm=…,service=…,scope=…` → fetch a
// token from the realm (with Basic credentials when we have them) and send it. The last
// authorization is kept, so a streamed upload (which cannot be replayed) goes out already
// authorized by the POST that opened it.
import { z } from 'zod';
import { RegistryError, type RegistryCredentials } from '../registry-adapter';
import { authFailed, basicAuth, discard, send, text, type HttpRequest, type HttpResponse } from '../registry-http';

const TokenResponse = z.object({ token: z.string().optional(), access_token: z.string().optional() });

export class OciClient {
  private authorization: string | null = null;

  constructor(
    readonly origin: URL,
    private readonly credentials: RegistryCredentials,
  ) {}

  /**
   * Sends a request; on a 401 answers the challenge and sends it again when the body can be
   * replayed. A 401 after authenticating is "authentication failed".
   */
  async request(req: Omit<HttpRequest, 'url'> & { url: URL }): Promise<HttpResponse> {
    const replayable = req.body === undefined || typeof req.body === 'string' || Buffer.isBuffer(req.body);
    let res = await send(this.withAuth(req));
    if (res.status !== 401 || !replayable) {
      if (res.status === 401) throw await this.failed(res);
      return res;
    }
    const challenge = res.headers['www-authenticate'];
    await discard(res);
    const before = this.authorization;
    this.authorization = await this.answer(typeof challenge === 'string' ? challenge : '', req.signal);
    if (this.authorization === before && before !== null) throw authFailed(this.origin, 401);
    res = await send(this.withAuth(req));
    if (res.status === 401) throw await this.failed(res);
    return res;
  }

  private withAuth(req: HttpRequest): HttpRequest {
    return this.authorization ? { ...req, headers: { ...req.headers, authorization: this.authorization } } : req;
  }

  private async failed(res: HttpResponse): Promise<RegistryError> {
    await discard(res);
    return authFailed(this.origin, 401);
  }

  private async answer(challenge: string, signal: AbortSignal): Promise<string> {
    const { scheme, params } = parseChallenge(challenge);
    const { username, secret } = this.credentials;
    if (scheme === 'basic') {
      if (secret === null) throw new RegistryError(`${this.origin.origin} requires credentials`, 401);
      return basicAuth(username, secret);
    }
    if (scheme !== 'bearer' || !params.realm) throw new RegistryError(`${this.origin.origin} asks for an unsupported authentication (${scheme || 'none'})`, 401);
    const realm = new URL(params.realm);
    if (params.service) realm.searchParams.set('service', params.service);
    if (params.scope) realm.searchParams.set('scope', params.scope);
    const headers: Record<string, string> = {};
    if (secret !== null) headers.authorization = basicAuth(username, secret);
    const res = await send({ method: 'GET', url: realm, headers, signal });
    const body = await text(res);
    if (res.status === 401 || res.status === 403) throw authFailed(this.origin, res.status);
    if (res.status !== 200) throw new RegistryError(`the token service of ${this.origin.origin} answered HTTP ${res.status}`, res.status);
    let parsed: z.infer<typeof TokenResponse> | null = null;
    try {
      const r = TokenResponse.safeParse(JSON.parse(body));
      if (r.success) parsed = r.data;
    } catch {
      // Reported below.
    }
    const token = parsed?.token ?? parsed?.access_token;
    if (!token) throw new RegistryError(`the token service of ${this.origin.origin} gave no token`, res.status);
    return `Bearer ${token}`;
  }
}

/** `Bearer realm="https://auth",service="registry",scope="repository:a:pull,push"` → scheme and params (RFC 7235). */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
  if (!m) return { scheme: '', params: {} };
  const params: Record<string, string> = {};
  for (const p of (m[2] ?? '').matchAll(/([A-Za-z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
  }
  return { scheme: m[1]!.toLowerCase(), params };
}
