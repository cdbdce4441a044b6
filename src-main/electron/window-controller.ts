// The one main window: created on demand (closing it keeps the app, the server and the tray
// running), brought to the front by the tray, a second launch or a notification click, and the
// way the shell's commands reach the UI. Electron-free (it is handed a window factory), so
// where a command ends up is tested under Node.
import type { BrowserWindow } from 'electron';
import { IPC_CHANNELS } from '../../src-shared/bridge';
import type { ShellCommand } from '../../src-shared/shell-commands';
import { appPageUrl } from './app-origin';

/** Creates the main window, opening the UI at `route` (a hash route) or at its start page. */
export type WindowFactory = (route: string | null) => BrowserWindow;

export class WindowController {
  private win: BrowserWindow | null = null;

  constructor(private readonly create: WindowFactory) {}

  /** The window if it is open. */
  current(): BrowserWindow | null {
    return this.win && !this.win.isDestroyed() ? this.win : null;
  }

  /** Brings the window to the front, creating it (at `route`) when there is none. */
  show(route: string | null = null): BrowserWindow {
    const existing = this.current();
    if (!existing) return this.open(route);
    if (existing.isMinimized()) existing.restore();
    existing.show();
    existing.focus();
    return existing;
  }

  /**
   * Delivers a command to the UI. A window that is not there yet, or still loading, has no UI
   * listening: an `open-route` then becomes the address it loads, and any other command (which
   * acts on what a loaded view shows) is dropped.
   */
  send(command: ShellCommand): void {
    const route = command.type === 'open-route' ? command.route : null;
    const existing = this.current();
    if (!existing) {
      this.open(route);
      return;
    }
    this.show();
    if (!existing.webContents.isLoading()) existing.webContents.send(IPC_CHANNELS.command, command);
    else if (route) void existing.loadURL(appPageUrl(route));
  }

  private open(route: string | null): BrowserWindow {
    const win = this.create(route);
    this.win = win;
    win.on('closed', () => {
      if (this.win === win) this.win = null;
    });
    return win;
  }
}
