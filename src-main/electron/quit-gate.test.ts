import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { closeBeforeQuit } from './quit-gate';

/** An app whose quit() emits 'before-quit' and quits unless a listener prevents it. */
function fakeApp() {
  const emitter = new EventEmitter();
  const app = {
    quitted: 0,
    on: (name: string, listener: (...args: unknown[]) => void) => emitter.on(name, listener),
    quit: () => {
      let prevented = false;
      emitter.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) app.quitted++;
    },
  };
  return app;
}

describe('closeBeforeQuit', () => {
  it('holds the quit until the shutdown is done, runs it once, then quits', async () => {
    const app = fakeApp();
    let finish!: () => void;
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    closeBeforeQuit(app as unknown as App, shutdown);
    app.quit();
    app.quit();
    expect(shutdown).toHaveBeenCalledOnce();
    expect(app.quitted).toBe(0);
    finish();
    await vi.waitFor(() => expect(app.quitted).toBe(1));
    expect(shutdown).toHaveBeenCalledOnce();
  });

  it('still quits when the shutdown fails', async () => {
    const app = fakeApp();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    closeBeforeQuit(app as unknown as App, () => Promise.reject(new Error('disk gone')));
    app.quit();
    await vi.waitFor(() => expect(app.quitted).toBe(1));
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
