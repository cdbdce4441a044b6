// Debian's docker-registry (the CNCF Distribution server) for integration tests, on 127.0.0.1:
// anonymous, htpasswd (Basic), or token auth (Bearer) against a token service run in-process that
// signs JWTs with a key and self-signed certificate made here by openssl.
import { execFileSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { freePort, startServer, type ServerProcess } from './server-process';

export const DOCKER_REGISTRY = '/usr/bin/docker-registry';
export const OPENSSL = '/usr/bin/openssl';

export type RegistryAuth = { kind: 'none' } | { kind: 'basic'; username: string; password: string } | { kind: 'token'; username: string; password: string };

export interface OciRegistry extends ServerProcess {
  /** How many tokens the token service handed out (token auth only). */
  tokensIssued(): number;
}

/** A bcrypt hash for htpasswd, from libxcrypt through perl's crypt (perl-base is always there). */
function bcrypt(password: string): string {
  const salt = `$2b$05$${Buffer.from(String(Date.now()).padEnd(16, '0')).toString('base64').replace(/[+=]/g, '.').slice(0, 22)}`;
  return execFileSync('perl', ['-e', 'print crypt($ARGV[0], $ARGV[1])', password, salt]).toString();
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** The Docker registry token spec's service: Basic credentials in, a JWT granting the asked scope out. */
async function startTokenService(workdir: string, auth: { username: string; password: string }, service: string, issuer: string): Promise<{ realm: string; server: Server; count: () => number }> {
  const key = readFileSync(join(workdir, 'token.key'));
  const certDer = Buffer.from(readFileSync(join(workdir, 'token.crt'), 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64');
  let issued = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"bad credentials"}');
      return;
    }
    const access = url.searchParams.getAll('scope').flatMap((scope) => {
      const [type, name, actions] = scope.split(':');
      return type && name && actions ? [{ type, name, actions: actions.split(',') }] : [];
    });
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', x5c: [certDer.toString('base64')] };
    const claims = { iss: issuer, sub: auth.username, aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: `t${issued}`, access };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256').update(input).sign(key);
    issued++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `${input}.${b64url(signature)}` }));
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { realm: `http://127.0.0.1:${port}/token`, server, count: () => issued };
}

/** `port` given: a restart on the same address (and the same storage, in `workdir/storage`). */
export async function startOciRegistry(workdir: string, auth: RegistryAuth, port?: number): Promise<OciRegistry> {
  port ??= await freePort();
  const lines = ['version: 0.1', 'log:', '  level: warn', 'storage:', '  filesystem:', `    rootdirectory: ${join(workdir, 'storage')}`, '  delete:', '    enabled: true', 'http:', `  addr: 127.0.0.1:${port}`, `  secret: runlens-test-${port}`];
  let token: Awaited<ReturnType<typeof startTokenService>> | null = null;
  if (auth.kind === 'basic') {
    writeFileSync(join(workdir, 'htpasswd'), `${auth.username}:${bcrypt(auth.password)}\n`);
    lines.push('auth:', '  htpasswd:', '    realm: runlens-test', `    path: ${join(workdir, 'htpasswd')}`);
  } else if (auth.kind === 'token') {
    execFileSync(OPENSSL, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(workdir, 'token.key'), '-out', join(workdir, 'token.crt'), '-days', '1', '-subj', '/CN=runlens-test-token'], { stdio: 'pipe' });
    token = await startTokenService(workdir, auth, 'runlens-test-registry', 'runlens-test-issuer');
    lines.push('auth:', '  token:', `    realm: ${token.realm}`, '    service: runlens-test-registry', '    issuer: runlens-test-issuer', `    rootcertbundle: ${join(workdir, 'token.crt')}`);
  }
  writeFileSync(join(workdir, 'config.yml'), `${lines.join('\n')}\n`);
  const url = `http://127.0.0.1:${port}`;
  let proc: ServerProcess;
  try {
    proc = await startServer({ cmd: DOCKER_REGISTRY, args: ['serve', join(workdir, 'config.yml')], workdir, url, readyPath: '/v2/', timeoutMs: 30_000 });
  } catch (err) {
    token?.server.close();
    throw err;
  }
  return {
    ...proc,
    tokensIssued: () => token?.count() ?? 0,
    stop: async () => {
      await proc.stop();
      if (token) await new Promise<void>((r) => token.server.close(() => r()));
    },
  };
}
