import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWindowState, restoreBounds, writeWindowState, type Display } from './window-bounds';

const laptop: Display = { x: 0, y: 25, width: 1440, height: 875 };
const rightMonitor: Display = { x: 1440, y: 0, width: 2560, height: 1440 };
const defaults = { bounds: { width: 1400, height: 875 }, maximized: false };

describe('restoreBounds', () => {
  it('restores a window that is on a display', () => {
    const saved = { bounds: { x: 100, y: 100, width: 1200, height: 700 }, maximized: true };
    expect(restoreBounds(saved, [laptop])).toEqual(saved);
    const onMonitor = { bounds: { x: 2000, y: 200, width: 1800, height: 1000 }, maximized: false };
    expect(restoreBounds(onMonitor, [laptop, rightMonitor])).toEqual(onMonitor);
  });

  it('keeps a window hanging partly off a display if its title bar can be grabbed', () => {
    const saved = { bounds: { x: 1000, y: 300, width: 1000, height: 800 }, maximized: false };
    expect(restoreBounds(saved, [laptop])).toEqual(saved);
  });

  it('falls back to the defaults when the display it was on is gone', () => {
    const onMonitor = { bounds: { x: 2000, y: 200, width: 1800, height: 1000 }, maximized: false };
    expect(restoreBounds(onMonitor, [laptop])).toEqual(defaults);
    // Only a sliver of the title bar on screen, or the title bar above the display.
    expect(restoreBounds({ bounds: { x: 1400, y: 100, width: 900, height: 600 } }, [laptop])).toEqual(defaults);
    expect(restoreBounds({ bounds: { x: 100, y: -580, width: 900, height: 600 } }, [laptop])).toEqual(defaults);
  });

  it.each([
    [null],
    ['{"bounds":'],
    [42],
    [[]],
    [{}],
    [{ bounds: null }],
    [{ bounds: { x: 0, y: 0, width: 1000 } }],
    [{ bounds: { x: '0', y: 0, width: 1000, height: 700 } }],
    [{ bounds: { x: NaN, y: 0, width: 1000, height: 700 } }],
    [{ bounds: { x: 0, y: 0, width: Infinity, height: 700 } }],
    [{ bounds: { x: 0.5, y: 0, width: 1000, height: 700 } }],
    [{ bounds: { x: 0, y: 30, width: 10, height: 10 } }],
    [{ bounds: { x: 0, y: 30, width: -1000, height: 700 } }],
    [{ bounds: { x: 0, y: 30, width: 50_000, height: 700 } }],
    [{ bounds: { x: 1e12, y: 30, width: 1000, height: 700 } }],
    [{ bounds: { x: -1e6, y: -1e6, width: 1000, height: 700 } }],
  ])('refuses a saved state of %j', (saved) => {
    expect(restoreBounds(saved, [laptop])).toEqual(defaults);
  });

  it('sizes the defaults to a small display, but never below the minimum', () => {
    expect(restoreBounds(null, [{ x: 0, y: 0, width: 1024, height: 600 }])).toEqual({ bounds: { width: 1024, height: 600 }, maximized: false });
    expect(restoreBounds(null, [{ x: 0, y: 0, width: 640, height: 480 }])).toEqual({ bounds: { width: 800, height: 500 }, maximized: false });
    expect(restoreBounds(null, [])).toEqual({ bounds: { width: 1400, height: 900 }, maximized: false });
  });

  it('reads "maximized" only as a real true', () => {
    expect(restoreBounds({ bounds: { x: 0, y: 25, width: 1000, height: 700 }, maximized: 'yes' }, [laptop]).maximized).toBe(false);
  });
});

describe('window state file', () => {
  it('round-trips, and reads a missing or corrupt file as nothing saved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runlens-window-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(readWindowState(file)).toBeNull();
      const state = { bounds: { x: 10, y: 40, width: 1000, height: 700 }, maximized: false };
      writeWindowState(file, state);
      expect(readWindowState(file)).toEqual(state);
      expect(restoreBounds(readWindowState(file), [laptop])).toEqual(state);
      writeFileSync(file, '{"bounds": {"x": 1');
      expect(readWindowState(file)).toBeNull();
      expect(restoreBounds(readWindowState(file), [laptop])).toEqual(defaults);
      writeWindowState(file, state);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
