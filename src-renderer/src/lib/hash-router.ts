// Two pages do not need a router package: the route lives in the hash (`#/runs/<id>`), which
// works the same from `runlens serve` and from the Electron app's custom protocol.
import { useMemo, useSyncExternalStore } from 'react';

export type Route = { page: 'runs' } | { page: 'run'; runId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/runs\/([^/?#]+)/.exec(hash);
  if (match?.[1]) return { page: 'run', runId: decodeURIComponent(match[1]) };
  return { page: 'runs' };
}

export function routeHref(route: Route): string {
  return route.page === 'run' ? `#/runs/${encodeURIComponent(route.runId)}` : '#/runs';
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
