// The IPC bridge without Electron: ipcMain and shell are stand-ins, the core is real. Checks the
// reveal channel's fence: only our window's main frame, only files an export made.
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { IPC_CHANNELS } from '../../src-shared/bridge';
import type { RunSummary } from '../../src-shared/domain';
import { useTempDirs } from '../core/test-support/temp-dir';
import { startTestCore } from '../core/test-support/test-core';
import { nextEvent } from '../core/test-support/next-event';
import { wireIpc } from './ipc';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const electron = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  revealed: [] as string[],
}));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
  shell: { showItemInFolder: (path: string) => electron.revealed.push(path) },
}));

const tempDir = useTempDirs();

beforeEach(() => {
  electron.handlers.clear();
  electron.revealed.length = 0;
});

function fakeWindow() {
  const mainFrame = { url: 'app://runlens/index.html' };
  const webContents = { mainFrame, send: () => {} };
  return { win: { webContents, isDestroyed: () => false } as unknown as BrowserWindow, own: { sender: webContents, senderFrame: mainFrame } };
}

describe('revealExport over IPC', () => {
  it("shows an export's file from our own window only, and nothing outside <data>/exports", async () => {
    const core = await startTestCore(tempDir());
    const { win, own } = fakeWindow();
    const unwire = wireIpc(core, win);
    try {
      const { run } = (await core.dispatch('createRun', { name: 'r' })) as { run: RunSummary };
      const ended = nextEvent(core, (e) => e.type === 'report.done');
      const { exportId } = (await core.dispatch('exportReport', { runIds: [run.id], format: 'csv' })) as { exportId: string };
      await ended;
      const reveal = (event: unknown, id: string, name: string) => electron.handlers.get(IPC_CHANNELS.revealExport)!(event, id, name);

      expect(await reveal(own, exportId, 'metrics.csv')).toEqual({ ok: true, value: null });
      expect(electron.revealed).toEqual([join(core.reports.dir, exportId, 'metrics.csv')]);

      expect(await reveal(own, exportId, '../../runlens.db')).toMatchObject({ ok: false, error: { error_code: 'INVALID_PARAMETER_VALUE' } });
      expect(await reveal(own, '../artifacts', 'metrics.csv')).toMatchObject({ ok: false, error: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
      const stranger = { sender: {}, senderFrame: { url: 'https://example.com/' } };
      expect(await reveal(stranger, exportId, 'metrics.csv')).toMatchObject({ ok: false, error: { error_code: 'PERMISSION_DENIED' } });
      const subframe = { sender: own.sender, senderFrame: { url: own.senderFrame.url } };
      expect(await reveal(subframe, exportId, 'metrics.csv')).toMatchObject({ ok: false, error: { error_code: 'PERMISSION_DENIED' } });
      // Our own main frame, once it shows another origin (a navigation the guards missed), is a stranger too.
      own.senderFrame.url = 'https://evil.example/';
      expect(await reveal(own, exportId, 'metrics.csv')).toMatchObject({ ok: false, error: { error_code: 'PERMISSION_DENIED' } });
      expect(electron.revealed).toHaveLength(1);

      unwire();
      expect(electron.handlers.has(IPC_CHANNELS.revealExport)).toBe(false);
    } finally {
      await core.close();
    }
  });
});
