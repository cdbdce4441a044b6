// The app:// protocol's path fence, with the URLs an attacker (or a bug) would try.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveUiPath } from './ui-path';

let base: string;
let ui: string;

beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'runlens-ui-')));
  ui = join(base, 'renderer');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<html></html>');
  writeFileSync(join(ui, 'assets', 'app.js'), 'x');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'evil.js'), 'evil');
});

afterEach(() => rmSync(base, { recursive: true, force: true }));

const url = (path: string) => `app://runlens${path}`;

describe('resolveUiPath', () => {
  it('serves files of the built UI, and the app page for the root and for UI routes', () => {
    expect(resolveUiPath(ui, url('/assets/app.js'))).toEqual({ status: 200, file: join(ui, 'assets', 'app.js') });
    expect(resolveUiPath(ui, url('/index.html'))).toEqual({ status: 200, file: join(ui, 'index.html') });
    expect(resolveUiPath(ui, url('/'))).toEqual({ status: 200, file: join(ui, 'index.html') });
    expect(resolveUiPath(ui, url('/runs/abc'))).toEqual({ status: 200, file: join(ui, 'index.html') });
    // The query and the hash never name a file.
    expect(resolveUiPath(ui, url('/assets/app.js?v=../../secret.txt#../x'))).toEqual({ status: 200, file: join(ui, 'assets', 'app.js') });
  });

  it('answers 404 for a missing asset, another host, another scheme, or an unbuilt UI', () => {
    expect(resolveUiPath(ui, url('/assets/missing.js'))).toEqual({ status: 404 });
    expect(resolveUiPath(ui, 'app://evil/index.html')).toEqual({ status: 404 });
    expect(resolveUiPath(ui, 'app://runlens.evil/index.html')).toEqual({ status: 404 });
    expect(resolveUiPath(ui, 'app://user:pw@runlens/index.html')).toEqual({ status: 404 });
    expect(resolveUiPath(ui, 'file:///etc/passwd')).toEqual({ status: 404 });
    expect(resolveUiPath(join(base, 'nope'), url('/index.html'))).toEqual({ status: 404 });
  });

  it.each([
    ['/../secret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/%2E%2E/secret.txt'],
    ['/assets/%2e%2e/%2e%2e/secret.txt'],
    ['/..%2fsecret.txt'],
    ['/..%2Fsecret.txt'],
    ['/..%5csecret.txt'],
    ['/..\\secret.txt'],
    ['/%2e%2e%5c%2e%2e%5csecret.txt'],
    ['/assets%2f..%2f..%2fsecret.txt'],
    ['/%2fetc%2fpasswd'],
    ['/C:%5cWindows%5cwin.ini'],
    ['/index.html%00.js'],
    ['/assets/app.js%00'],
    ['/%c0%ae%c0%ae/secret.txt'],
    ['/%ZZ'],
  ])('serves nothing for %s', (path) => {
    expect(resolveUiPath(ui, url(path)).status).not.toBe(200);
  });

  it('refuses encoded dot segments, separators and NUL with 403 rather than guessing', () => {
    for (const path of ['/assets/..%2f..%2fsecret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/index.html%00.js', '/C:%5cWindows', '/%ZZ']) {
      expect(resolveUiPath(ui, url(path)), path).toEqual({ status: 403 });
    }
  });

  it('refuses a symlink inside the UI folder that points outside it', () => {
    symlinkSync(join(base, 'secret.txt'), join(ui, 'assets', 'link.js'));
    symlinkSync(join(base, 'outside'), join(ui, 'outdir'));
    expect(resolveUiPath(ui, url('/assets/link.js'))).toEqual({ status: 403 });
    expect(resolveUiPath(ui, url('/outdir/evil.js'))).toEqual({ status: 403 });
  });

  it('follows a symlink that stays inside, and accepts a UI folder reached through a symlink', () => {
    symlinkSync(join(ui, 'assets', 'app.js'), join(ui, 'alias.js'));
    expect(resolveUiPath(ui, url('/alias.js'))).toEqual({ status: 200, file: join(ui, 'assets', 'app.js') });
    symlinkSync(ui, join(base, 'ui-link'));
    expect(resolveUiPath(join(base, 'ui-link'), url('/assets/app.js'))).toEqual({ status: 200, file: join(ui, 'assets', 'app.js') });
  });

  it('refuses an index.html that is a symlink out of the folder', () => {
    rmSync(join(ui, 'index.html'));
    symlinkSync(join(base, 'secret.txt'), join(ui, 'index.html'));
    expect(resolveUiPath(ui, url('/'))).not.toMatchObject({ status: 200 });
    expect(resolveUiPath(ui, url('/runs/x'))).not.toMatchObject({ status: 200 });
  });

  it('never answers with a file outside the folder, however long or odd the path', () => {
    const hostile = ['/' + '../'.repeat(500) + 'secret.txt', '/' + '%2e%2e/'.repeat(200) + 'secret.txt', '/' + 'a'.repeat(100_000), 'app://runlens', 'not a url', ''];
    for (const raw of hostile) {
      const result = resolveUiPath(ui, raw.startsWith('/') ? url(raw) : raw);
      if (result.status === 200) expect(result.file.startsWith(ui + '/')).toBe(true);
    }
  });
});
