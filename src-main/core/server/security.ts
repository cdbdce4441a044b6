// Every request-level security decision of the HTTP server lives here.
//
// SECURITY: the server listens on loopback only, but any web page the user visits can still
// send requests to it. Three fences:
//  - Host must name loopback with our port: a DNS-rebinding page (evil.example resolving to
//    127.0.0.1) sends its own host name and is refused.
//  - A write whose Origin is not our own is refused (CSRF); tools like curl send no Origin.
//  - Every API route but /api/health needs the per-install bearer token (unless --no-auth).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export function allowedOrigins(port: number): Set<string> {
  return new Set(LOOPBACK_HOSTS.map((h) => `http://${h}:${port}`));
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return LOOPBACK_HOSTS.some((h) => hostHeader.toLowerCase() === `${h}:${port}`);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isForeignWrite(req: IncomingMessage, port: number): boolean {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return false;
  const origin = req.headers.origin;
  return origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase());
}

/**
 * The token from `Authorization: Bearer <token>` (MLFLOW_TRACKING_TOKEN), or as the password of
 * Basic auth (MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD; any user name).
 */
export function hasValidToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  let given: string | null = bearer ? bearer[1]! : null;
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    given = colon < 0 ? null : decoded.slice(colon + 1);
  }
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Sent with the UI: scripts and connections from our own origin only. recharts sets inline styles. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
