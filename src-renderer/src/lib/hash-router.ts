// A handful of pages do not need a router package: the route lives in the hash (`#/runs/<id>`,
// `#/compare?runs=<id>,<id>`), which works the same from `runlens serve` and from the Electron
// app's custom protocol, and which a reload or a pasted link restores.
import { useMemo, useSyncExternalStore } from 'react';
import type { PromotionOutcome } from '../../../src-shared/promotion';
import { compareViewQuery, DEFAULT_COMPARE_VIEW, parseCompareView, type CompareView } from './compare-view';

export type Route =
  | { page: 'runs' }
  | { page: 'run'; runId: string }
  | { page: 'compare'; view: CompareView }
  | { page: 'datasets' }
  | { page: 'dataset'; name: string }
  /** `focus`: a lineage node id (`model:…`, `dataset:12`, `run:…`); `q`: the search text. */
  | { page: 'lineage'; focus: string | null; q: string }
  /** Every promotion record; `outcome` filters them (`#/models?outcome=failed`). */
  | { page: 'models'; outcome: PromotionOutcome | null }
  | { page: 'registries' }
  /** Team remotes; `remote` and `experiment` pick what the browser shows (`#/team?remote=x&experiment=3`). */
  | { page: 'team'; remote: string | null; experiment: string | null }
  /** Alerts raised and the rules; `experiment` picks whose user rules show (`#/alerts?experiment=mnist`). */
  | { page: 'alerts'; experiment: string | null };

const OUTCOMES: readonly PromotionOutcome[] = ['verified', 'failed', 'blocked', 'cancelled', 'running'];

/** Dataset names may hold `/` (`imdb/reviews`): each segment is encoded on its own so the
 *  address stays readable. */
function datasetPath(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

function decodeSegments(path: string): string | null {
  try {
    return path.split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}

/** The route, or the runs table for an address that names no page. */
export function parseRoute(hash: string): Route {
  return parseKnownRoute(hash) ?? { page: 'runs' };
}

/** The route the address names; null when it names none (what the desktop shell sends is checked with this). */
export function parseKnownRoute(hash: string): Route | null {
  if (/^#\/runs\/?(?:\?.*)?$/.test(hash) || hash === '' || hash === '#' || hash === '#/') return { page: 'runs' };
  const match = /^#\/runs\/([^/?#]+)/.exec(hash);
  if (match?.[1]) return { page: 'run', runId: decodeURIComponent(match[1]) };
  const compare = /^#\/compare(?:\?(.*))?$/.exec(hash);
  if (compare) return { page: 'compare', view: parseCompareView(compare[1] ?? '') };
  const lineage = /^#\/lineage(?:\?(.*))?$/.exec(hash);
  if (lineage) {
    const params = new URLSearchParams(lineage[1] ?? '');
    return { page: 'lineage', focus: params.get('focus') || null, q: params.get('q') ?? '' };
  }
  const models = /^#\/models(?:\?(.*))?$/.exec(hash);
  if (models) {
    const outcome = new URLSearchParams(models[1] ?? '').get('outcome');
    return { page: 'models', outcome: OUTCOMES.find((o) => o === outcome) ?? null };
  }
  if (/^#\/settings\/registries(?:[/?#]|$)/.test(hash)) return { page: 'registries' };
  const team = /^#\/team(?:\?(.*))?$/.exec(hash);
  if (team) {
    const params = new URLSearchParams(team[1] ?? '');
    const remote = params.get('remote') || null;
    return { page: 'team', remote, experiment: (remote && params.get('experiment')) || null };
  }
  const dataset = /^#\/datasets\/([^?#]+)/.exec(hash);
  const datasetName = dataset?.[1] ? decodeSegments(dataset[1]) : null;
  if (datasetName) return { page: 'dataset', name: datasetName };
  if (/^#\/datasets(?:[/?#]|$)/.test(hash)) return { page: 'datasets' };
  const alerts = /^#\/alerts(?:\?(.*))?$/.exec(hash);
  if (alerts) return { page: 'alerts', experiment: new URLSearchParams(alerts[1] ?? '').get('experiment') || null };
  return null;
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'run':
      return `#/runs/${encodeURIComponent(route.runId)}`;
    case 'compare':
      return `#/compare?${compareViewQuery(route.view)}`;
    case 'lineage': {
      const params = new URLSearchParams();
      if (route.focus) params.set('focus', route.focus);
      if (route.q) params.set('q', route.q);
      const query = params.toString();
      return query ? `#/lineage?${query}` : '#/lineage';
    }
    case 'datasets':
      return '#/datasets';
    case 'models':
      return route.outcome ? `#/models?outcome=${route.outcome}` : '#/models';
    case 'registries':
      return '#/settings/registries';
    case 'team': {
      const params = new URLSearchParams();
      if (route.remote) params.set('remote', route.remote);
      if (route.remote && route.experiment) params.set('experiment', route.experiment);
      const query = params.toString();
      return query ? `#/team?${query}` : '#/team';
    }
    case 'dataset':
      return `#/datasets/${datasetPath(route.name)}`;
    case 'alerts':
      return route.experiment ? `#/alerts?${new URLSearchParams({ experiment: route.experiment }).toString()}` : '#/alerts';
    default:
      return '#/runs';
  }
}

/** A comparison of these runs with every other setting at its default. */
export function compareRoute(runIds: string[]): Route {
  return { page: 'compare', view: { ...DEFAULT_COMPARE_VIEW, runIds } };
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** Changes the address without a new history entry: for view tweaks (zoom, smoothing, …). */
export function replaceRoute(route: Route): void {
  window.location.replace(routeHref(route));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
