import { contract, type MethodName } from '../../../src-shared/contract';
import { decodePath } from './decode-path';

export interface RouteMatch {
  method: MethodName;
  params: Record<string, string>;
  successStatus: number;
}

interface CompiledRoute {
  name: MethodName;
  httpMethod: string;
  pattern: RegExp;
  paramNames: string[];
  successStatus: number;
}

/** `:name` matches one segment, `:name*` the rest of the path (metric keys may hold `/`). */
function compile(path: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = path
    .split('/')
    .map((seg) => {
      if (!seg.startsWith(':')) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const rest = seg.endsWith('*');
      paramNames.push(seg.slice(1, rest ? -1 : undefined));
      return rest ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), paramNames };
}

const ROUTES: CompiledRoute[] = (Object.keys(contract) as MethodName[]).map((name) => {
  const { http } = contract[name];
  return { name, httpMethod: http.method, successStatus: http.status ?? 200, ...compile(http.path) };
});

export type RouteLookup = { match: RouteMatch } | { pathKnown: boolean };

/** Finds the contract method for a request; path segments are percent-decoded one by one. */
export function matchContractRoute(httpMethod: string, pathname: string): RouteLookup {
  let pathKnown = false;
  for (const r of ROUTES) {
    const m = r.pattern.exec(pathname);
    if (!m) continue;
    pathKnown = true;
    if (r.httpMethod !== httpMethod) continue;
    const params: Record<string, string> = {};
    r.paramNames.forEach((p, i) => {
      params[p] = decodePath(m[i + 1]!);
    });
    return { match: { method: r.name, params, successStatus: r.successStatus } };
  }
  return { pathKnown };
}
