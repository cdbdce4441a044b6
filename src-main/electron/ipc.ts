// The only place that touches ipcMain. SECURITY: a call is answered only when it comes from our
// own window's main frame on the app:// origin; its payload is validated by the dispatcher
// against the shared contract like any HTTP request.
import { ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type IpcResult } from '../../src-shared/bridge';
import { ApiError } from '../../src-shared/errors';
import type { Core } from '../core/core';
import { isAppUrl } from './app-origin';

function isOwnMainFrame(event: IpcMainInvokeEvent, win: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return event.sender === win.webContents && frame !== null && frame === win.webContents.mainFrame && isAppUrl(frame.url);
}

function failure(e: unknown): IpcResult<never> {
  const error = e instanceof ApiError ? e : new ApiError('INTERNAL_ERROR', e instanceof Error ? e.message : String(e));
  return { ok: false, error: error.toBody() };
}

const UNKNOWN_SENDER: IpcResult<never> = { ok: false, error: { error_code: 'PERMISSION_DENIED', message: 'Unknown sender' } };

export function wireIpc(core: Core, win: BrowserWindow): () => void {
  ipcMain.handle(IPC_CHANNELS.call, async (event, method: unknown, input: unknown): Promise<IpcResult<unknown>> => {
    if (!isOwnMainFrame(event, win)) return UNKNOWN_SENDER;
    try {
      return { ok: true, value: await core.dispatch(String(method), input) };
    } catch (e) {
      return failure(e);
    }
  });
  // SECURITY: the renderer names an export and a file of it, never a path; the core resolves
  // both inside <data>/exports and refuses anything else.
  ipcMain.handle(IPC_CHANNELS.revealExport, (event, exportId: unknown, name: unknown): IpcResult<null> => {
    if (!isOwnMainFrame(event, win)) return UNKNOWN_SENDER;
    try {
      shell.showItemInFolder(core.reports.file(String(exportId), String(name)).path);
      return { ok: true, value: null };
    } catch (e) {
      return failure(e);
    }
  });
  const unsubscribe = core.hub.subscribe((e) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_CHANNELS.event, e);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CHANNELS.call);
    ipcMain.removeHandler(IPC_CHANNELS.revealExport);
  };
}
