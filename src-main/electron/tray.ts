// The tray / menu-bar item: what notebooks should log to, and the app's way back to its window
// or out (closing the window leaves the server running, so quitting lives here).
import { join } from 'node:path';
import { clipboard, Menu, nativeImage, Tray } from 'electron';
import { mlflowPowerShellSnippet, mlflowShellSnippet, runlensPythonSnippet, type Endpoint } from './connect-snippets';
import { buildTrayTemplate } from './tray-template';

export interface TrayOptions {
  resourcesDir: string;
  endpoint: Endpoint | null;
  openWindow(): void;
  quit(): void;
}

/** Keep the returned Tray referenced: a collected Tray disappears from the menu bar. */
export function createTray(opts: TrayOptions): Tray {
  // macOS tints a "Template" image for light and dark menu bars; elsewhere the coloured tile.
  const icon = nativeImage.createFromPath(join(opts.resourcesDir, process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'));
  const tray = new Tray(icon);
  const { endpoint } = opts;
  tray.setToolTip(endpoint ? `Runlens — logging to ${endpoint.url}` : 'Runlens');
  const copy = (text: string) => clipboard.writeText(text);
  const mlflowSnippet = process.platform === 'win32' ? mlflowPowerShellSnippet : mlflowShellSnippet;
  tray.setContextMenu(
    Menu.buildFromTemplate(
      buildTrayTemplate(endpoint?.url ?? null, process.platform, {
        copyEndpoint: () => endpoint && copy(endpoint.url),
        copyRunlensSnippet: () => endpoint && copy(runlensPythonSnippet(endpoint)),
        copyMlflowSnippet: () => endpoint && copy(mlflowSnippet(endpoint)),
        openWindow: opts.openWindow,
        quit: opts.quit,
      }),
    ),
  );
  // Windows and Linux: a click on the icon itself opens the window (macOS shows the menu).
  tray.on('click', () => {
    if (process.platform !== 'darwin') opts.openWindow();
  });
  return tray;
}
