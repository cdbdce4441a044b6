// The tray (menu-bar) menu as plain data, tested without Electron: the endpoint notebooks log
// to, the snippets to connect from one, and the way back to the window or out of the app.
import type { MenuItemConstructorOptions } from 'electron';

export interface TrayHandlers {
  copyRunlensSnippet(): void;
  copyMlflowSnippet(): void;
  copyEndpoint(): void;
  openWindow(): void;
  quit(): void;
}

/** `endpoint`: the logging server's URL; null when it could not start. On Windows the MLflow variables are PowerShell's. */
export function buildTrayTemplate(endpoint: string | null, platform: NodeJS.Platform, h: TrayHandlers): MenuItemConstructorOptions[] {
  const server: MenuItemConstructorOptions[] = endpoint
    ? [
        { label: `Logging to ${endpoint}`, enabled: false },
        { label: 'Copy Endpoint', click: () => h.copyEndpoint() },
        { label: 'Copy Python Snippet (runlens)', click: () => h.copyRunlensSnippet() },
        { label: `Copy MLflow Environment (${platform === 'win32' ? 'PowerShell' : 'shell'})`, click: () => h.copyMlflowSnippet() },
      ]
    : [{ label: 'Logging server not running', enabled: false }];
  return [...server, { type: 'separator' }, { label: 'Open Runlens', click: () => h.openWindow() }, { label: 'Quit Runlens', click: () => h.quit() }];
}
