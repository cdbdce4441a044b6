// The main window: created with the checklist's preferences (security.ts), placed where the
// user left it, and remembering where that is when it closes.
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { appPageUrl } from './app-origin';
import { windowPreferences } from './security';
import { MIN_WINDOW, readWindowState, restoreBounds, writeWindowState } from './window-bounds';

/** `route`: the UI view to open at (a deep link or a notification that arrived before the window). */
export function createMainWindow(preloadPath: string, stateFile: string, route: string | null): BrowserWindow {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const state = restoreBounds(readWindowState(stateFile), displays);
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    title: 'Runlens',
    show: false,
    // The page's own background (styles/theme.css), so a dark system gets no white flash.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#ffffff',
    webPreferences: windowPreferences(preloadPath),
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    try {
      writeWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (e) {
      // Losing the window's place is not worth failing a close over.
      console.warn(`[runlens] could not save the window state: ${(e as Error).message}`);
    }
  });
  void win.loadURL(appPageUrl(route));
  return win;
}
