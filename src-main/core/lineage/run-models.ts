// A model a run produced, declared by where its files are: a run folder's outputs.json entry
// with kind "model", or the native API's outputs with kind "model" and an artifact path. Both
// record it here, the same way.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Store } from '../store/store';

export interface DeclaredModel {
  /** The model's file or folder, absolute. */
  path: string;
  /** Defaults to the path's last name. */
  name?: string | undefined;
}

/** Stable for the run and path, so declaring the same model again adds none. */
export function runModelId(runId: string, path: string): string {
  return `m-${createHash('sha256').update(`${runId}\0${path}`).digest('hex').slice(0, 32)}`;
}

/** Whether the run already holds the model at `path`. */
export function hasRunModel(store: Store, runId: string, path: string): boolean {
  const id = runModelId(runId, path);
  return store.models.outputsOf(runId).some((o) => o.modelId === id);
}

/**
 * Records the model as a logged model of the run (ready, its files where they are) and as the
 * run's output; call inside the caller's transaction, the run known to exist. Returns its id.
 */
export function recordRunModel(store: Store, runId: string, experimentId: string, model: DeclaredModel, now: number): string {
  const id = runModelId(runId, model.path);
  if (hasRunModel(store, runId, model.path)) return id;
  store.models.create(
    {
      id,
      experimentId,
      sourceRunId: runId,
      name: model.name ?? basename(model.path),
      artifactUri: model.path,
      status: 'LOGGED_MODEL_READY',
      modelType: '',
      tags: {},
      params: {},
    },
    now,
  );
  store.models.addOutput(runId, id, 0);
  return id;
}
