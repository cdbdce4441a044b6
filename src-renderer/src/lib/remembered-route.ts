// The desktop app opens where it was left: the route (a comparison with its zoom, smoothing,
// baseline, … or a run page) is remembered on every change and restored at start when the
// window opens on no route. In a browser (`runlens serve`) the address bar and bookmarks
// already do this, and a bare URL should mean the runs table, so only the desktop app restores.

const STORAGE_KEY = 'runlens.lastRoute';

interface RouteMemory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The hash to open at start: the remembered one when the window opened on none. */
export function startHash(currentHash: string, memory: RouteMemory): string | null {
  if (currentHash !== '' && currentHash !== '#' && currentHash !== '#/') return null;
  const saved = memory.getItem(STORAGE_KEY);
  return saved?.startsWith('#/') ? saved : null;
}

export function rememberHash(hash: string, memory: RouteMemory): void {
  if (hash.startsWith('#/')) memory.setItem(STORAGE_KEY, hash);
}

/** Restores the last route now and remembers every later one. */
export function restoreAndRememberRoutes(win: Window): void {
  const restored = startHash(win.location.hash, win.localStorage);
  if (restored) win.location.replace(restored);
  win.addEventListener('hashchange', () => rememberHash(win.location.hash, win.localStorage));
}
