// Where the shell's commands end up: a running UI gets them over IPC; a window that is not
// there or still loading opens at the route instead (nothing would be listening yet).
import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../src-shared/bridge';
import { WindowController } from './window-controller';

class FakeWindow extends EventEmitter {
  destroyed = false;
  minimized = false;
  loading = true;
  shown = 0;
  sent: unknown[] = [];
  loaded: string[] = [];
  webContents = {
    isLoading: () => this.loading,
    send: (channel: string, message: unknown) => this.sent.push([channel, message]),
  };
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => {
    this.minimized = false;
  };
  show = () => void this.shown++;
  focus = () => {};
  loadURL = async (url: string) => void this.loaded.push(url);
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
}

function controller() {
  const created: { win: FakeWindow; route: string | null }[] = [];
  const c = new WindowController((route) => {
    const win = new FakeWindow();
    created.push({ win, route });
    return win as unknown as BrowserWindow;
  });
  return { c, created };
}

describe('WindowController', () => {
  it('keeps one window: show creates it once, then brings it back', () => {
    const { c, created } = controller();
    c.show();
    const win = created[0]!.win;
    win.minimized = true;
    c.show();
    expect(created).toHaveLength(1);
    expect(win.minimized).toBe(false);
    expect(win.shown).toBe(1);
  });

  it('opens a new window at the route when the last one was closed', () => {
    const { c, created } = controller();
    c.show();
    created[0]!.win.close();
    expect(c.current()).toBeNull();
    c.send({ type: 'open-route', route: '/runs/abc' });
    expect(created.map((w) => w.route)).toEqual([null, '/runs/abc']);
  });

  it('sends commands to a loaded UI over the command channel', () => {
    const { c, created } = controller();
    c.show();
    const win = created[0]!.win;
    win.loading = false;
    c.send({ type: 'compare' });
    c.send({ type: 'open-route', route: '/compare?runs=a,b' });
    expect(win.sent).toEqual([
      [IPC_CHANNELS.command, { type: 'compare' }],
      [IPC_CHANNELS.command, { type: 'open-route', route: '/compare?runs=a,b' }],
    ]);
    expect(created).toHaveLength(1);
  });

  it('points a still-loading window at the route, and drops a command nothing could act on', () => {
    const { c, created } = controller();
    c.show();
    const win = created[0]!.win;
    c.send({ type: 'open-route', route: '/runs/abc' });
    c.send({ type: 'find' });
    expect(win.loaded).toEqual(['app://runlens/index.html#/runs/abc']);
    expect(win.sent).toEqual([]);
  });

  it('forgets a closed window even when a newer one replaced it first', () => {
    const { c, created } = controller();
    c.show();
    created[0]!.win.destroyed = true;
    c.show();
    created[0]!.win.emit('closed');
    expect(c.current()).toBe(created[1]!.win);
  });
});
