// Evaluates parsed filters and order_by clauses against records (runs or experiments), with
// MLflow's semantics: a missing metric/param/tag never matches a comparison, LIKE is
// case-sensitive with % and _ wildcards, and missing or NaN values sort last either way.
import type { Clause, OrderBy } from './filter-parser';
import { likeMatches } from './like-pattern';

export interface SearchRecord {
  attributes: Record<string, string | number | null>;
  metrics?: Record<string, number>;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  datasets?: { name: string; digest: string; context: string | null }[];
}

function compare(lhs: string | number, comparator: Clause['comparator'], rhs: Clause['value']): boolean {
  switch (comparator) {
    case '=':
      return lhs === rhs;
    case '!=':
      return lhs !== rhs;
    case '>':
      return (lhs as number) > (rhs as number);
    case '>=':
      return (lhs as number) >= (rhs as number);
    case '<':
      return (lhs as number) < (rhs as number);
    case '<=':
      return (lhs as number) <= (rhs as number);
    case 'LIKE':
      return likeMatches(String(lhs), String(rhs), false);
    case 'ILIKE':
      return likeMatches(String(lhs), String(rhs), true);
    case 'IN':
      return (rhs as string[]).includes(String(lhs));
    case 'NOT IN':
      return !(rhs as string[]).includes(String(lhs));
    default:
      return false;
  }
}

/** A record's value for `<type>.<key>`; undefined when it has none (datasets are lists: see matchesClause). */
export function lookup(r: SearchRecord, type: Clause['type'], key: string): string | number | null | undefined {
  switch (type) {
    case 'metric':
      return r.metrics?.[key];
    case 'param':
      return r.params?.[key];
    case 'tag':
      return r.tags?.[key];
    case 'attribute':
      return r.attributes[key];
    default:
      return undefined;
  }
}

function matchesClause(r: SearchRecord, c: Clause): boolean {
  if (c.type === 'dataset') {
    return (r.datasets ?? []).some((d) => {
      const v = d[c.key as 'name' | 'digest' | 'context'];
      return v !== null && compare(v, c.comparator, c.value);
    });
  }
  const lhs = lookup(r, c.type, c.key);
  if (c.comparator === 'IS NULL') return lhs === undefined || lhs === null;
  if (c.comparator === 'IS NOT NULL') return lhs !== undefined && lhs !== null;
  if (lhs === undefined || lhs === null) return false;
  return compare(lhs, c.comparator, c.value);
}

export function matchesAll(r: SearchRecord, clauses: readonly Clause[]): boolean {
  return clauses.every((c) => matchesClause(r, c));
}

/** 0 for a value, 1 for NaN, 2 for missing: both kinds of nothing sort after every value. */
function rank(v: string | number | null | undefined): number {
  if (v === undefined || v === null) return 2;
  return typeof v === 'number' && Number.isNaN(v) ? 1 : 0;
}

/**
 * A comparator applying `orderBy` in turn, then the natural order given by `tieBreak`.
 */
export function recordComparator<T>(orderBy: readonly OrderBy[], toRecord: (item: T) => SearchRecord, tieBreak: (a: T, b: T) => number) {
  return (a: T, b: T): number => {
    const ra = toRecord(a);
    const rb = toRecord(b);
    for (const o of orderBy) {
      const va = lookup(ra, o.type, o.key);
      const vb = lookup(rb, o.type, o.key);
      const byRank = rank(va) - rank(vb);
      if (byRank !== 0) return byRank;
      if (rank(va) !== 0 || va === vb) continue;
      const diff = (va as string | number) < (vb as string | number) ? -1 : 1;
      return o.ascending ? diff : -diff;
    }
    return tieBreak(a, b);
  };
}
