// Quitting waits for the core to close (the server file removed, the database closed cleanly):
// Electron does not await 'before-quit' listeners, so the first quit is held back, the shutdown
// runs once, and the app quits for real when it is done — whatever started the quit (tray,
// menu, Cmd-Q, the OS), and however many times it was asked.
import type { App } from 'electron';

export function closeBeforeQuit(app: Pick<App, 'on' | 'quit'>, shutdown: () => Promise<void>): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void shutdown()
      .catch((e: unknown) => console.error(e))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
