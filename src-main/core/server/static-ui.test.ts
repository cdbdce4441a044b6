// Serve mode's static UI: files of the built UI, the app page (with the token) for routes, and
// nothing outside the folder — not through dot segments, encoded or not, nor through a symlink.
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaticUi } from './static-ui';

let base: string;
let server: Server;
let url: string;

beforeEach(async () => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'runlens-static-')));
  const ui = join(base, 'renderer');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<html><head></head><body>app</body></html>');
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.js'), 'secret');
  symlinkSync(join(base, 'secret.js'), join(ui, 'assets', 'linked.js'));
  const serve = createStaticUi(ui, 'tok-123');
  server = createServer((req, res) => void serve(new URL(req.url!, 'http://x').pathname, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterEach(async () => {
  await new Promise((r) => server.close(r));
  rmSync(base, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; text: string; type: string | null }> {
  // fetch would normalise dot segments away: send the path as written.
  const res = await fetch(`${url}${path}`);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

describe('static UI', () => {
  it('serves assets with their type, and the app page with the token for routes', async () => {
    expect(await get('/assets/app.js')).toMatchObject({ status: 200, text: 'console.log(1)', type: 'text/javascript; charset=utf-8' });
    for (const route of ['/', '/index.html', '/runs/abc']) {
      const page = await get(route);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<meta name="runlens-token" content="tok-123" />');
    }
  });

  it('refuses what leaves the UI folder and never answers a missing asset with the app page', async () => {
    expect(await get('/assets/linked.js')).toMatchObject({ status: 404, text: 'Not found' });
    expect(await get('/assets/%2e%2e/%2e%2e/secret.js')).toMatchObject({ status: 404, text: 'Not found' });
    expect(await get('/assets/..%2f..%2fsecret.js')).toMatchObject({ status: 404, text: 'Not found' });
    expect(await get('/assets/..%5c..%5csecret.js')).toMatchObject({ status: 404, text: 'Not found' });
    expect(await get('/assets/missing.js')).toMatchObject({ status: 404 });
  });
});
