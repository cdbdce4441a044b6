// The runs table's filter and sort: pure functions of the runs and the UI's choices.
import type { RunSummary } from '../../../../src-shared/domain';
import type { SortOrder } from '../../stores/ui-store';
import { syncSearchTerms } from '../sync/sync-state';
import { columnById, sortValue } from './run-columns';

const searchText = new WeakMap<RunSummary, string>();

/** Everything the filter box matches against, lowercased once per run object. */
function haystack(run: RunSummary): string {
  let text = searchText.get(run);
  if (text === undefined) {
    const params = Object.entries(run.params).map(([k, v]) => `${k}=${v}`);
    const tags = Object.entries(run.tags).map(([k, v]) => `${k}=${v}`);
    text = [run.name, run.experiment, run.id, run.status, ...params, ...tags, ...syncSearchTerms(run.sync)].join('\n').toLowerCase();
    searchText.set(run, text);
  }
  return text;
}

/** Every whitespace-separated term must occur somewhere in the run. */
export function filterRuns(runs: RunSummary[], filter: string): RunSummary[] {
  const terms = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return runs;
  return runs.filter((run) => {
    const text = haystack(run);
    return terms.every((term) => text.includes(term));
  });
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareValues(a: string | number | null, b: string | number | null): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(a ?? '', b ?? '');
}

/**
 * Runs without a value sort last in both directions: an empty cell is never the answer. The
 * column need not be shown (a saved view may sort by a column it hides).
 */
export function sortRuns(runs: RunSummary[], order: SortOrder, now: number): RunSummary[] {
  const column = columnById(order.column);
  if (!column) return runs;
  const sign = order.direction === 'asc' ? 1 : -1;
  const keyed = runs.map((run) => ({ run, value: sortValue(run, column, now) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.run.startTime - b.run.startTime;
      return a.value === null ? 1 : -1;
    }
    return sign * compareValues(a.value, b.value) || b.run.startTime - a.run.startTime;
  });
  return keyed.map((k) => k.run);
}
