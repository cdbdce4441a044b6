// Filters runs with MLflow's search syntax. One place builds the record a filter is evaluated
// against, so MLflow's runs/search route and the native listRuns method can never disagree on
// what `metrics.x` or `attributes.status` means.
import type { RunSummary } from '../../../src-shared/domain';
import { fromWire } from '../../../src-shared/wire-number';
import type { Clause } from '../../../src-shared/search/filter-parser';
import { matchesAll, type SearchRecord } from '../../../src-shared/search/match-records';
import { CONTEXT_TAG, type RunInput } from '../store/dataset-repo';
import type { Store } from '../store/store';
import type { ViewType } from '../store/experiment-repo';
import { candidateRuns } from './run-candidates';

/** A run as the evaluator sees it: metrics by their last value, as MLflow compares them. */
export function runSearchRecord(r: RunSummary, inputs: RunInput[]): SearchRecord {
  return {
    attributes: {
      run_id: r.id,
      run_name: r.name,
      user_id: r.userId,
      status: r.status,
      start_time: r.startTime,
      end_time: r.endTime,
      artifact_uri: r.artifactUri,
      newer_data: String(r.newerDataAvailable),
    },
    metrics: Object.fromEntries(r.metrics.map((m) => [m.key, fromWire(m.last)])),
    params: r.params,
    tags: r.tags,
    datasets: inputs.map((i) => ({ name: i.dataset.name, digest: i.dataset.digest, context: i.tags[CONTEXT_TAG] ?? null })),
  };
}

/**
 * The runs (of the given experiments and view) matching every clause. SQL narrows first, so only
 * candidates are built and evaluated. A run's record is built when a clause or a sort needs it;
 * dataset inputs are read only when a clause asks about datasets (one query per run is the cost
 * of that clause, not of every search).
 */
export function searchRuns(store: Store, clauses: readonly Clause[], opts: { experimentIds?: readonly string[]; view?: ViewType } = {}) {
  const runs = store.runs.list({ ...opts, ids: candidateRuns(store.db, clauses) });
  const wantsDatasets = clauses.some((c) => c.type === 'dataset');
  const records = new Map<string, SearchRecord>();
  const recordOf = (r: RunSummary): SearchRecord => {
    let record = records.get(r.id);
    if (!record) records.set(r.id, (record = runSearchRecord(r, wantsDatasets ? store.datasets.inputsOf(r.id) : [])));
    return record;
  };
  return { recordOf, found: clauses.length === 0 ? runs : runs.filter((r) => matchesAll(recordOf(r), clauses)) };
}
