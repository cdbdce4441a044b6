// The app:// handler with Electron's protocol and net stood in for: it serves what
// resolveUiPath allows, refuses the rest, and sends the CSP with every answer.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../core/server/security';

const electron = vi.hoisted(() => ({ handler: null as ((request: Request) => Promise<Response>) | null, fetched: [] as string[] }));
vi.mock('electron', () => ({
  protocol: { handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => (electron.handler = handler) },
  // net.fetch reads file: URLs; Node's fetch does not, so the stand-in reads the file itself.
  net: {
    fetch: async (url: string) => {
      electron.fetched.push(url);
      return new Response(readFileSync(fileURLToPath(url)), { headers: { 'content-type': 'text/html' } });
    },
  },
}));

const { serveAppProtocol } = await import('./app-protocol');

const base = realpathSync(mkdtempSync(join(tmpdir(), 'runlens-protocol-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('serveAppProtocol', () => {
  it('serves the built UI with the CSP, and refuses paths out of it', async () => {
    const ui = join(base, 'renderer');
    mkdirSync(ui);
    writeFileSync(join(ui, 'index.html'), '<html>app</html>');
    writeFileSync(join(base, 'secret.txt'), 'secret');
    serveAppProtocol(ui);
    const get = (url: string) => electron.handler!(new Request(url));

    const page = await get('app://runlens/runs/abc');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<html>app</html>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    for (const [url, status] of [
      ['app://runlens/..%2fsecret.txt', 403],
      ['app://runlens/%2e%2e%5csecret.txt', 403],
      ['app://runlens/../secret.txt', 404],
      ['app://evil/index.html', 404],
    ] as const) {
      const res = await get(url);
      expect(res.status, url).toBe(status);
      expect(await res.text(), url).not.toContain('secret');
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(electron.fetched.every((u) => fileURLToPath(u) === join(ui, 'index.html'))).toBe(true);
  });
});
