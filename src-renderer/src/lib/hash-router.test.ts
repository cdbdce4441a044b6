import { describe, expect, it } from 'vitest';
import { compareRoute, parseRoute, routeHref, type Route } from './hash-router';

describe('hash routes', () => {
  it('round-trips every page', () => {
    const routes: Route[] = [{ page: 'runs' }, { page: 'run', runId: 'abc' }, compareRoute(['a1', 'b-2', 'c'])];
    for (const route of routes) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });

  it('reads a pasted compare link leniently', () => {
    expect(parseRoute('#/compare?runs=a,,b,a, c')).toEqual(compareRoute(['a', 'b', 'c']));
    expect(parseRoute('#/compare')).toEqual(compareRoute([]));
    expect(parseRoute('#/elsewhere')).toEqual({ page: 'runs' });
  });
});
