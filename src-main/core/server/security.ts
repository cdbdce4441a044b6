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

/** Token from `Authorization: Bearer …`; MLflow clients send the same header. */
export function hasValidToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Sent with the UI: scripts and connections from our own origin only. recharts sets inline styles. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
