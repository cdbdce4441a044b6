// The desktop shell: starts the same core as `runlens serve` in-process (its HTTP server is the
// endpoint notebooks log to) and shows the UI in a locked-down window that talks to the core
// over IPC. Everything interesting lives in the core or in the electron-free modules beside
// this one; this file only wires them to Electron. Security: see security.ts.
import { app, nativeTheme, session } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../../package.json';
import { createCore, type Core } from '../core/core';
import { defaultDataDir } from '../core/data-dir';
import { notifyAlerts } from './alert-notifier';
import { installAppMenu } from './app-menu';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, parseDeepLink } from './deep-link';
import { electronPdfPrinter } from './electron-pdf-printer';
import { electronSqliteBinding } from './electron-sqlite-binding';
import { wireIpc } from './ipc';
import { createMainWindow } from './main-window';
import { helpLinksFrom } from './menu-template';
import { createSafeStorageSecrets } from './safe-storage-secrets';
import { closeBeforeQuit } from './quit-gate';
import { hardenApp } from './security';
import { createTray } from './tray';
import { windowStateFile } from './window-bounds';
import { WindowController } from './window-controller';
import type { ShellCommand } from '../../src-shared/shell-commands';
import { APP_ID } from './app-id';

const here = dirname(fileURLToPath(import.meta.url));
const uiDir = resolve(here, '../renderer');
const resourcesDir = resolve(here, '../../resources');
const DEFAULT_PORT = 5850;

async function startCore(dataDir: string): Promise<Core> {
  const log = (m: string) => console.warn(`[runlens] ${m}`);
  // Called after app.whenReady(): safeStorage needs the app ready.
  const secrets = createSafeStorageSecrets(dataDir, log);
  // From a checkout, better-sqlite3's Electron build lives apart from node_modules' Node build
  // (electron-sqlite-binding.ts); a packaged app carries the Electron build in its node_modules.
  const sqliteBinding = app.isPackaged ? undefined : electronSqliteBinding(resolve(here, '../..'));
  const base = { dataDir, uiDir, resourcesDir, version: packageJson.version, secrets, printPdf: electronPdfPrinter, sqliteBinding };
  // Another Runlens (e.g. `runlens serve`) may hold the usual port: take any free one then.
  return createCore({ ...base, port: DEFAULT_PORT }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EADDRINUSE') throw e;
    return createCore({ ...base, port: 0 });
  });
}

function registerDeepLinks(): void {
  // Started as `electron .` in development, the OS must be told to pass the app's path too.
  if (process.defaultApp) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(process.argv[1] ?? '.')]);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}

async function main(): Promise<void> {
  // A second launch hands its arguments (maybe a deep link) to the first and leaves.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Every renderer sandboxed, whatever a window's preferences say (must precede 'ready').
  app.enableSandbox();
  registerAppScheme();
  registerDeepLinks();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  // Links that arrive before the window can take them open it at their view instead.
  let windows: WindowController | null = null;
  let pending: ShellCommand | null = deepLinkFromArgv(process.argv);
  const deliver = (command: ShellCommand | null) => {
    if (!command) return;
    if (windows) windows.send(command);
    else pending = command;
  };
  // macOS delivers deep links as events, from before 'ready' on.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deliver(parseDeepLink(url));
  });
  app.on('second-instance', (_event, argv) => {
    const command = deepLinkFromArgv(argv);
    // A link shows the window itself (at its view); a plain second launch only focuses it.
    if (command) deliver(command);
    else windows?.show();
  });

  await app.whenReady();
  hardenApp(app, session.defaultSession);
  nativeTheme.themeSource = 'system';
  const dataDir = defaultDataDir();
  const core = await startCore(dataDir);
  serveAppProtocol(uiDir);

  const controller = new WindowController((route) => {
    const win = createMainWindow(join(here, '../preload/index.cjs'), windowStateFile(dataDir), route);
    const unwire = wireIpc(core, win);
    win.on('closed', unwire);
    return win;
  });
  windows = controller;
  const initial = pending?.type === 'open-route' ? pending.route : null;
  pending = null;
  controller.show(initial);

  installAppMenu(core, controller, helpLinksFrom(packageJson));
  const stopNotifying = notifyAlerts(core, (route) => controller.send({ type: 'open-route', route }));
  const tray = createTray({
    resourcesDir,
    endpoint: core.server ? { url: core.server.url, token: core.token } : null,
    openWindow: () => controller.show(),
    quit: () => app.quit(),
  });

  // Closing the window keeps the app, the server and the tray: quit from the tray or the menu.
  app.on('window-all-closed', () => {});
  app.on('activate', () => controller.show());
  closeBeforeQuit(app, async () => {
    stopNotifying();
    tray.destroy();
    await core.close();
  });
}

main().catch((e: unknown) => {
  console.error(e);
  app.exit(1);
});
