// The native menu bar (its items: menu-template.ts). Menu actions that are the UI's become
// shell commands; adding a watched folder is the shell's own, since it needs a folder dialog.
import { app, dialog, Menu } from 'electron';
import type { ShellCommand } from '../../src-shared/shell-commands';
import type { Core } from '../core/core';
import { buildMenuTemplate, type MenuInputs } from './menu-template';
import { openExternalSafely } from './security';
import type { WindowController } from './window-controller';

async function addWatchedFolder(core: Core, windows: WindowController): Promise<void> {
  const win = windows.current();
  const options = { title: 'Add Watched Folder', properties: ['openDirectory' as const] };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const dir = picked.canceled ? undefined : picked.filePaths[0];
  if (!dir) return;
  // The UI hears of the new folder through the core's 'watch.changed' event.
  await core.watch.add(dir).catch((e: unknown) => dialog.showErrorBox('Could not watch the folder', e instanceof Error ? e.message : String(e)));
}

export function installAppMenu(core: Core, windows: WindowController, helpLinks: MenuInputs['helpLinks']): void {
  const send = (command: ShellCommand) => windows.send(command);
  const template = buildMenuTemplate(
    { platform: process.platform, isDev: !app.isPackaged, appName: app.name, helpLinks },
    {
      addWatchedFolder: () => void addWatchedFolder(core, windows),
      exportView: () => send({ type: 'export' }),
      compare: () => send({ type: 'compare' }),
      find: () => send({ type: 'find' }),
      preferences: () => send({ type: 'preferences' }),
      openLink: (url) => openExternalSafely(url),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
