// The native menu bar as plain data: platform and dev mode in, a template out, so which items
// exist, their accelerators and what they call are unit-tested without Electron (app-menu.ts
// only hands the result to Menu.buildFromTemplate).
import type { MenuItemConstructorOptions } from 'electron';
import { safeExternalUrl } from './external-url';

export interface MenuInputs {
  platform: NodeJS.Platform;
  /** Development build (not packaged): adds DevTools and a forced reload. */
  isDev: boolean;
  appName: string;
  /** Help links; a missing one leaves its item out (safeExternalUrl vets them before opening). */
  helpLinks: { docs: string | null; issues: string | null };
}

export interface MenuHandlers {
  addWatchedFolder(): void;
  exportView(): void;
  compare(): void;
  find(): void;
  preferences(): void;
  openLink(url: string): void;
}

type Item = MenuItemConstructorOptions;
const SEPARATOR: Item = { type: 'separator' };

function fileMenu(mac: boolean, h: MenuHandlers): Item {
  return {
    label: 'File',
    submenu: [
      { label: 'Add Watched Folder…', accelerator: 'CmdOrCtrl+O', click: () => h.addWatchedFolder() },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => h.exportView() },
      SEPARATOR,
      // On macOS, Preferences lives in the app menu (see appMenu).
      ...(mac ? [] : [{ label: 'Preferences…', accelerator: 'CmdOrCtrl+,', click: () => h.preferences() }, SEPARATOR]),
      { role: 'close', label: 'Close Window', accelerator: 'CmdOrCtrl+W' },
      ...(mac ? [] : [{ role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' } as Item]),
    ],
  };
}

function appMenu(appName: string, h: MenuHandlers): Item {
  return {
    label: appName,
    submenu: [
      { role: 'about' },
      SEPARATOR,
      { label: 'Preferences…', accelerator: 'CmdOrCtrl+,', click: () => h.preferences() },
      SEPARATOR,
      { role: 'services' },
      SEPARATOR,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      SEPARATOR,
      { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };
}

const EDIT_MENU: Item = {
  label: 'Edit',
  submenu: [{ role: 'undo' }, { role: 'redo' }, SEPARATOR, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
};

function viewMenu(mac: boolean, isDev: boolean, h: MenuHandlers): Item {
  // SECURITY: DevTools would give whoever sits at a packaged app a console in the renderer.
  const dev: Item[] = isDev
    ? [
        { role: 'forceReload', accelerator: 'CmdOrCtrl+Shift+R' },
        { role: 'toggleDevTools', accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' },
      ]
    : [];
  return {
    label: 'View',
    submenu: [
      { label: 'Compare Selected Runs', accelerator: 'CmdOrCtrl+D', click: () => h.compare() },
      { label: 'Find Runs', accelerator: 'CmdOrCtrl+F', click: () => h.find() },
      SEPARATOR,
      { role: 'reload', accelerator: 'CmdOrCtrl+R' },
      ...dev,
      SEPARATOR,
      { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
      { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      SEPARATOR,
      { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };
}

function helpMenu(links: MenuInputs['helpLinks'], h: MenuHandlers): Item {
  const items: Item[] = [];
  if (links.docs) items.push({ label: 'Runlens Documentation', click: () => h.openLink(links.docs!) });
  if (links.issues) items.push({ label: 'Report an Issue', click: () => h.openLink(links.issues!) });
  return { role: 'help', submenu: items };
}

export function buildMenuTemplate(inputs: MenuInputs, handlers: MenuHandlers): Item[] {
  const mac = inputs.platform === 'darwin';
  return [
    ...(mac ? [appMenu(inputs.appName, handlers)] : []),
    fileMenu(mac, handlers),
    EDIT_MENU,
    viewMenu(mac, inputs.isDev, handlers),
    ...(mac ? [{ role: 'windowMenu' } as Item] : []),
    helpMenu(inputs.helpLinks, handlers),
  ];
}

/** The Help links from package.json's `homepage` and `bugs` (a string or `{url}`), vetted as https. */
export function helpLinksFrom(pkg: object): MenuInputs['helpLinks'] {
  const { homepage, bugs } = pkg as { homepage?: unknown; bugs?: unknown };
  const issues = typeof bugs === 'object' && bugs !== null ? (bugs as { url?: unknown }).url : bugs;
  return { docs: safeExternalUrl(homepage), issues: safeExternalUrl(issues) };
}
