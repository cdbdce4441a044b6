import { describe, expect, it } from 'vitest';
import { compareRoute, parseKnownRoute, parseRoute, routeHref, type Route } from './hash-router';

describe('hash routes', () => {
  it('round-trips every page', () => {
    const routes: Route[] = [
      { page: 'runs' },
      { page: 'run', runId: 'abc' },
      compareRoute(['a1', 'b-2', 'c']),
      { page: 'lineage', focus: null, q: '' },
      { page: 'lineage', focus: 'model:m-1', q: 'clean data & more' },
      { page: 'lineage', focus: 'dataset:12', q: '' },
      { page: 'models', outcome: null },
      { page: 'models', outcome: 'failed' },
      { page: 'registries' },
      { page: 'team', remote: null, experiment: null },
      { page: 'team', remote: 'team-mlflow', experiment: null },
      { page: 'team', remote: 'a b&c', experiment: '12' },
      { page: 'alerts', experiment: null },
      { page: 'alerts', experiment: 'mnist & co/2' },
    ];
    for (const route of routes) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });

  it('reads a pasted compare link leniently', () => {
    expect(parseRoute('#/compare?runs=a,,b,a, c')).toEqual(compareRoute(['a', 'b', 'c']));
    expect(parseRoute('#/compare')).toEqual(compareRoute([]));
    expect(parseRoute('#/elsewhere')).toEqual({ page: 'runs' });
  });

  it('routes datasets, names with slashes and odd characters included', () => {
    const names = ['reviews', 'imdb/reviews/clean', 'a b?c#d%e', 'ünïcode/x'];
    for (const name of names) {
      const route: Route = { page: 'dataset', name };
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
    expect(routeHref({ page: 'dataset', name: 'imdb/reviews' })).toBe('#/datasets/imdb/reviews');
    expect(parseRoute('#/datasets')).toEqual({ page: 'datasets' });
    expect(parseRoute('#/datasets/')).toEqual({ page: 'datasets' });
    expect(parseRoute(routeHref({ page: 'datasets' }))).toEqual({ page: 'datasets' });
    expect(parseRoute('#/datasets/%E0%A4%A')).toEqual({ page: 'datasets' });
  });

  it('reads a pasted lineage link leniently', () => {
    expect(parseRoute('#/lineage')).toEqual({ page: 'lineage', focus: null, q: '' });
    expect(parseRoute('#/lineage?focus=&q=raw')).toEqual({ page: 'lineage', focus: null, q: 'raw' });
    expect(parseRoute('#/lineage?focus=run%3Aabc')).toEqual({ page: 'lineage', focus: 'run:abc', q: '' });
  });

  it('routes the models page and registry settings, ignoring an unknown outcome', () => {
    expect(routeHref({ page: 'registries' })).toBe('#/settings/registries');
    expect(parseRoute('#/settings/registries/')).toEqual({ page: 'registries' });
    expect(parseRoute('#/settings')).toEqual({ page: 'runs' });
    expect(parseRoute('#/models?outcome=verified')).toEqual({ page: 'models', outcome: 'verified' });
    expect(parseRoute('#/models?outcome=nonsense')).toEqual({ page: 'models', outcome: null });
    expect(routeHref({ page: 'models', outcome: null })).toBe('#/models');
  });

  it('tells an address naming no page from the runs table', () => {
    expect(parseKnownRoute('#/runs')).toEqual({ page: 'runs' });
    expect(parseKnownRoute('#/')).toEqual({ page: 'runs' });
    expect(parseKnownRoute('#/runs/r1')).toEqual({ page: 'run', runId: 'r1' });
    for (const unknown of ['#/elsewhere', '#javascript:alert(1)', '#//evil.example', '#/alertsx', '#/runsx']) {
      expect(parseKnownRoute(unknown)).toBeNull();
      expect(parseRoute(unknown)).toEqual({ page: 'runs' });
    }
  });
});
