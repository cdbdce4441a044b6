// The main window's size and position, remembered in <data>/window-state.json. The file is
// read defensively: it may be hand-edited, truncated, or from a monitor that is gone, and a
// window placed off every screen is a window the user cannot reach.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a window may be placed, given in the same coordinates as Bounds. */
export type Display = Bounds;

export interface WindowState {
  /** Undefined x/y: let the OS place the window (centred). */
  bounds: Partial<Pick<Bounds, 'x' | 'y'>> & Pick<Bounds, 'width' | 'height'>;
  maximized: boolean;
}

export const MIN_WINDOW = { width: 800, height: 500 } as const;
const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
/** Of the title bar region: this much of the window must be on a display to be grabbed. */
const VISIBLE = { width: 100, height: 40 } as const;
const MAX_COORD = 100_000;

function isCoordinate(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= MAX_COORD;
}

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The default: the usual size, shrunk to fit the first display, placed by the OS. */
function defaults(displays: readonly Display[]): WindowState {
  const area = displays[0];
  const width = area ? Math.max(MIN_WINDOW.width, Math.min(DEFAULT_SIZE.width, area.width)) : DEFAULT_SIZE.width;
  const height = area ? Math.max(MIN_WINDOW.height, Math.min(DEFAULT_SIZE.height, area.height)) : DEFAULT_SIZE.height;
  return { bounds: { width, height }, maximized: false };
}

/**
 * The window state to open with: the saved one when it is sane — whole-number bounds at least
 * the minimum size, no larger than the display it is on, with its top strip on a display —
 * else the defaults for `displays` (their work areas).
 */
export function restoreBounds(saved: unknown, displays: readonly Display[]): WindowState {
  if (typeof saved !== 'object' || saved === null) return defaults(displays);
  const { bounds, maximized } = saved as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return defaults(displays);
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (![x, y, width, height].every(isCoordinate)) return defaults(displays);
  const b = { x, y, width, height } as Bounds;
  if (b.width < MIN_WINDOW.width || b.height < MIN_WINDOW.height) return defaults(displays);
  const titleStrip = { x: b.x, y: b.y, width: b.width, height: VISIBLE.height };
  const home = displays.find((d) => {
    const o = overlap(titleStrip, d);
    return o.width >= VISIBLE.width && o.height >= VISIBLE.height && b.width <= d.width && b.height <= d.height;
  });
  if (!home) return defaults(displays);
  return { bounds: b, maximized: maximized === true };
}

export function windowStateFile(dataDir: string): string {
  return join(dataDir, 'window-state.json');
}

/** The saved state as parsed JSON, or null when there is none or it is not JSON. */
export function readWindowState(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written to a temp file and renamed over, so a crash mid-write leaves the old state, not half a file. */
export function writeWindowState(file: string, state: { bounds: Bounds; maximized: boolean }): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state) + '\n');
  renameSync(tmp, file);
}
