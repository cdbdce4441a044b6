import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './hash-router';

describe('hash routes', () => {
  it('round-trips every page', () => {
    const routes: Route[] = [{ page: 'runs' }, { page: 'run', runId: 'abc' }, { page: 'compare', runIds: ['a1', 'b-2', 'c'] }];
    for (const route of routes) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });

  it('reads a pasted compare link leniently', () => {
    expect(parseRoute('#/compare?runs=a,,b,a, c')).toEqual({ page: 'compare', runIds: ['a', 'b', 'c'] });
    expect(parseRoute('#/compare')).toEqual({ page: 'compare', runIds: [] });
    expect(parseRoute('#/elsewhere')).toEqual({ page: 'runs' });
  });
});
