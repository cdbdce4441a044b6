// Narrows a runs search in SQL before any run is built. Only a superset is promised: the
// evaluator (match-records) still decides every clause, so MLflow's semantics live in one place
// and SQL only has to never drop a run that could match.
import type { Clause } from '../../../src-shared/search/filter-parser';
import type { Db } from '../store/open-db';

/** Metric comparisons SQL agrees on: NaN (stored NULL) fails each, as in the evaluator. */
const METRIC_COMPARATORS = new Set(['=', '<', '<=', '>', '>=']);

/**
 * One clause as SQL over an index (migration 0005), or null when it cannot narrow: attribute and
 * dataset clauses, negations (a missing key fails them in the evaluator, not in SQL) and
 * patterns SQL reads differently. SQL LIKE ignores ASCII case, so it matches a superset of
 * MLflow's case-sensitive LIKE; its `_` is one character where the evaluator's is one UTF-16
 * unit, so patterns holding `_` are left to the evaluator.
 */
function clauseSql(c: Clause): { sql: string; value: string | number } | null {
  if (c.type === 'metric' && METRIC_COMPARATORS.has(c.comparator) && typeof c.value === 'number') {
    return { sql: `SELECT run_id FROM metric_series WHERE key = ? AND last_value ${c.comparator} ?`, value: c.value };
  }
  if ((c.type === 'param' || c.type === 'tag') && typeof c.value === 'string') {
    const table = c.type === 'param' ? 'params' : 'tags';
    if (c.comparator === '=') return { sql: `SELECT run_id FROM ${table} WHERE key = ? AND value = ?`, value: c.value };
    if (c.comparator === 'LIKE' && !c.value.includes('_')) return { sql: `SELECT run_id FROM ${table} WHERE key = ? AND value LIKE ?`, value: c.value };
  }
  return null;
}

/** Ids of the runs that may match every clause, or null when no clause narrows the search. */
export function candidateRuns(db: Db, clauses: readonly Clause[]): Set<string> | null {
  let found: Set<string> | null = null;
  for (const c of clauses) {
    const q = clauseSql(c);
    if (!q) continue;
    const ids = db.prepare<[string, string | number], string>(q.sql).pluck().all(c.key, q.value);
    found = found ? new Set(ids.filter((id) => found!.has(id))) : new Set(ids);
    if (found.size === 0) break;
  }
  return found;
}
