// The checklist's guards, driven through stand-ins for Electron's objects: navigation stays on
// app://runlens/, no window opens (https links go to the browser), no webview attaches, and no
// permission is granted.
import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const opened = vi.hoisted(() => [] as string[]);
vi.mock('electron', () => ({ shell: { openExternal: async (url: string) => void opened.push(url) } }));

const { restrictPermissions, hardenApp, hardenWebContents, openExternalSafely, windowPreferences } = await import('./security');

type OpenHandler = (details: { url: string }) => { action: string };

class FakeContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler) {
    this.openHandler = handler;
  }
  /** Emits `name` as Electron would and says whether a listener prevented it. */
  prevented(name: string, url = ''): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

beforeEach(() => {
  opened.length = 0;
});

describe('hardenWebContents', () => {
  it('lets the UI navigate within app://runlens/ only', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as unknown as WebContents);
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(contents.prevented(event, 'app://runlens/index.html#/runs/abc'), event).toBe(false);
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/index.html', 'app://runlens.evil/', 'app://x@runlens/', 'javascript:alert(1)', 'http://127.0.0.1:5850/', 'not a url']) {
        expect(contents.prevented(event, url), `${event} ${url}`).toBe(true);
      }
    }
  });

  it('never attaches a webview', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as unknown as WebContents);
    expect(contents.prevented('will-attach-webview')).toBe(true);
  });

  it('denies every new window, and hands only safe https links to the browser', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as unknown as WebContents);
    for (const url of ['https://example.com/docs', 'javascript:alert(1)', 'file:///etc/passwd', 'http://example.com/', 'https://u:p@example.com/', 'app://runlens/index.html']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/docs']);
  });
});

describe('openExternalSafely', () => {
  it('opens https pages only', () => {
    expect(openExternalSafely('https://example.com/')).toBe(true);
    expect(openExternalSafely('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(openExternalSafely(undefined)).toBe(false);
    expect(opened).toEqual(['https://example.com/']);
  });
});

describe('permissions and app-wide guards', () => {
  it('denies every permission request and check but our own page writing to the clipboard', () => {
    type Request = (wc: unknown, permission: string, answer: (granted: boolean) => void, details: { requestingUrl?: string }) => void;
    let request: Request | null = null;
    let check: ((wc: unknown, permission: string, origin: string) => boolean) | null = null;
    const session = { setPermissionRequestHandler: (h: Request) => (request = h), setPermissionCheckHandler: (h: typeof check) => (check = h) };
    restrictPermissions(session as unknown as Session);
    const ask = (permission: string, url: string) => {
      const answers: boolean[] = [];
      request!(null, permission, (granted) => answers.push(granted), { requestingUrl: url });
      return [answers, check!(null, permission, url)];
    };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb']) {
      expect(ask(permission, 'app://runlens/index.html'), permission).toEqual([[false], false]);
    }
    expect(ask('clipboard-sanitized-write', 'app://runlens/index.html')).toEqual([[true], true]);
    expect(ask('clipboard-sanitized-write', 'app://runlens')).toEqual([[true], true]);
    for (const url of ['https://evil.example/', 'app://evil/', 'file:///x', '']) {
      expect(ask('clipboard-sanitized-write', url), url).toEqual([[false], false]);
    }
    const answers: boolean[] = [];
    request!(null, 'clipboard-sanitized-write', (granted) => answers.push(granted), {});
    expect(answers).toEqual([false]);
  });

  it('hardens every web contents the app creates', () => {
    const app = new EventEmitter();
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    hardenApp(app as unknown as App, session as unknown as Session);
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.prevented('will-attach-webview')).toBe(true);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });

  it('builds windows isolated, sandboxed, without Node and with web security', () => {
    expect(windowPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});
