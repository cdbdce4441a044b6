// The theme the page is drawn in right now: the `data-theme` attribute on <html>. A canvas
// reads its colours from the CSS variables keyed on that attribute, so it must redraw after the
// attribute changes, not when the theme setting does (the app sets the attribute in an effect
// that runs after its children's).
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

export function useDocumentTheme(): string {
  return useSyncExternalStore(subscribe, () => document.documentElement.dataset.theme ?? '');
}
