// Writes MLflow experiments and runs read from a local store into Runlens's store. Shared by the
// file-store and the SQLite importers; callers run these inside their own transaction.
import type { SourceKind } from '../../../../src-shared/domain';
import type { Store } from '../../store/store';
import type { MlflowExperiment, MlflowRun } from '../../ingest/mlflow/records';

/**
 * The Runlens experiment of that name, created with MLflow's creation time and artifact
 * location when missing. Experiments are matched by name: MLflow's ids are per store (the file
 * store draws random 18-digit ones), and two stores may both hold a `Default`.
 */
export function ensureExperiment(store: Store, exp: Pick<MlflowExperiment, 'name' | 'artifactLocation' | 'creationTime'>, now: number): string {
  const found = store.experiments.byName(exp.name);
  if (found) return found.id;
  return store.experiments.create(exp.name, exp.creationTime ?? now, { artifactLocation: exp.artifactLocation });
}

/**
 * Brings the named experiment's location, lifecycle and tags up to date. Tags are set, never
 * removed: an experiment is shared by name with other sources (the API, another store), so a
 * tag missing here may well belong to one of those.
 */
export function applyExperiment(store: Store, exp: MlflowExperiment, now: number): void {
  const id = ensureExperiment(store, exp, now);
  const current = store.experiments.get(id)!;
  if (exp.artifactLocation !== null && current.artifactLocation !== exp.artifactLocation) store.experiments.setArtifactLocation(id, exp.artifactLocation);
  if (current.lifecycleStage !== exp.lifecycleStage) store.experiments.setLifecycle(id, exp.lifecycleStage, now);
  for (const [k, v] of Object.entries(exp.tags)) if (current.tags[k] !== v) store.experiments.setTag(id, k, v);
}

/**
 * Creates or updates an imported run. Params are immutable, as in MLflow: a value that differs
 * from the stored one is reported and the stored one kept. Tags mirror the source, deletions
 * included: the run's id is MLflow's, so the source owns the run.
 */
export function applyRun(store: Store, run: MlflowRun, source: { kind: SourceKind; path: string }, problems: string[], now: number): void {
  store.runs.upsert({
    id: run.id,
    experiment: run.experiment,
    name: run.name,
    status: run.status,
    startTime: run.startTime,
    endTime: run.endTime,
    sourceKind: source.kind,
    sourcePath: source.path,
    userId: run.userId,
    artifactUri: run.artifactUri,
    lifecycleStage: run.lifecycleStage,
    deletedTime: run.lifecycleStage === 'deleted' ? (run.deletedTime ?? now) : null,
  });
  // A deleted experiment's runs move to `.trash/`; the run page must list files from there.
  store.runs.setSource(run.id, source.kind, source.path);
  const params = { ...run.params };
  for (const key of store.runs.paramConflicts(run.id, params)) {
    problems.push(`${source.path}: run ${run.id}: param '${key}' changed value; the first value is kept`);
    delete params[key];
  }
  store.runs.setParams(run.id, params);
  for (const key of Object.keys(store.runs.tags(run.id))) if (!(key in run.tags)) store.runs.deleteTag(run.id, key);
  store.runs.setTags(run.id, run.tags);
  for (const input of run.inputs) store.datasets.addRunInput(run.id, input.dataset, input.tags, now);
}

/**
 * Remembers what was last written per key, so a store re-read on every change (a whole SQLite
 * file, a run folder on each metric line) writes — and announces — only what changed. Lives in
 * memory: after a restart everything is written once more, which the writes above tolerate.
 */
export class ChangeFilter {
  private readonly seen = new Map<string, string>();

  /** True when `value` differs from what was recorded for `key`; records it. */
  changed(key: string, value: unknown): boolean {
    const text = JSON.stringify(value);
    if (this.seen.get(key) === text) return false;
    this.seen.set(key, text);
    return true;
  }

  /** Forgets a key, e.g. when writing it failed. */
  forget(key: string): void {
    this.seen.delete(key);
  }
}
