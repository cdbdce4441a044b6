// Three pages do not need a router package: the route lives in the hash (`#/runs/<id>`,
// `#/compare?runs=<id>,<id>`), which works the same from `runlens serve` and from the Electron
// app's custom protocol, and which a reload or a pasted link restores.
import { useMemo, useSyncExternalStore } from 'react';

export type Route = { page: 'runs' } | { page: 'run'; runId: string } | { page: 'compare'; runIds: string[] };

export function parseRoute(hash: string): Route {
  const match = /^#\/runs\/([^/?#]+)/.exec(hash);
  if (match?.[1]) return { page: 'run', runId: decodeURIComponent(match[1]) };
  const compare = /^#\/compare(?:\?(.*))?$/.exec(hash);
  if (compare) {
    const ids = new URLSearchParams(compare[1] ?? '').get('runs') ?? '';
    // A run listed twice is one column.
    return { page: 'compare', runIds: [...new Set(ids.split(',').map((id) => id.trim()).filter(Boolean))] };
  }
  return { page: 'runs' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'run':
      return `#/runs/${encodeURIComponent(route.runId)}`;
    case 'compare':
      // Run ids are `[\w-]+` (contract), so the commas stay readable in the address bar.
      return `#/compare?runs=${route.runIds.map(encodeURIComponent).join(',')}`;
    default:
      return '#/runs';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
