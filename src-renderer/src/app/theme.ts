import { useEffect, useSyncExternalStore } from 'react';
import { useUiStore, type Theme } from '../stores/ui-store';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  darkQuery.addEventListener('change', onChange);
  return () => darkQuery.removeEventListener('change', onChange);
}

/** The theme in effect: the user's choice, else the system's. */
export function useTheme(): Theme {
  const systemDark = useSyncExternalStore(subscribe, () => darkQuery.matches);
  const choice = useUiStore((s) => s.themeChoice);
  return choice ?? (systemDark ? 'dark' : 'light');
}

/** Puts the theme on <html>, where the CSS variables for it are keyed. */
export function useApplyTheme(): Theme {
  const theme = useTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
