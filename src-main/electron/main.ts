// The desktop shell: starts the same core as `runlens serve` in-process (its HTTP server is the
// endpoint notebooks log to) and shows the UI in a locked-down window that talks to the core
// over IPC. Everything interesting lives in the core; this file only wires it to Electron.
import { app, BrowserWindow } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { createCore, type Core } from '../core/core';
import { defaultDataDir } from '../core/data-dir';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { createMainWindow } from './main-window';
import { wireIpc } from './ipc';
import { createSafeStorageSecrets } from './safe-storage-secrets';
import { electronPdfPrinter } from './electron-pdf-printer';

const here = dirname(fileURLToPath(import.meta.url));
const uiDir = resolve(here, '../renderer');
const DEFAULT_PORT = 5850;

registerAppScheme();

async function startCore(): Promise<Core> {
  const dataDir = defaultDataDir();
  const log = (m: string) => console.warn(`[runlens] ${m}`);
  // Called after app.whenReady(): safeStorage needs the app ready.
  const secrets = createSafeStorageSecrets(dataDir, log);
  const base = { dataDir, uiDir, resourcesDir: resolve(here, '../../resources'), version, secrets, printPdf: electronPdfPrinter };
  // Another Runlens (e.g. `runlens serve`) may hold the usual port: take any free one then.
  return createCore({ ...base, port: DEFAULT_PORT }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EADDRINUSE') throw e;
    return createCore({ ...base, port: 0 });
  });
}

function openWindow(core: Core): void {
  const win = createMainWindow(join(here, '../preload/index.cjs'));
  const unwire = wireIpc(core, win);
  win.on('closed', unwire);
}

async function main(): Promise<void> {
  await app.whenReady();
  const core = await startCore();
  serveAppProtocol(uiDir);
  openWindow(core);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void core.close());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(core);
  });
}

main().catch((e: unknown) => {
  console.error(e);
  app.exit(1);
});
