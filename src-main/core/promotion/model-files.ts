// Which files a promotion pushes: a logged model the run produced, or a folder of the run's
// artifacts, digested the way dataset folders are so a retry recognises its earlier push.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiError } from '../../../src-shared/errors';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { digestFolder, digestOfFiles, digestPath, type DigestedFile } from '../datasets/digest';
import type { LoggedModel } from '../store/logged-model-repo';
import type { Store } from '../store/store';
import { requireRun } from '../api/run-writes';
import type { ModelFile } from '../registry/registry-adapter';

export interface ResolvedModel {
  /** The logged model id, or the artifact path of the folder, as the audit records it. */
  modelRef: string;
  files: ModelFile[];
  /** `sha256:` over the sorted paths and file digests (see datasets/digest.ts). */
  modelDigest: string;
}

const LOGGED_MODEL_ID = /^m-[0-9a-f]{1,64}$/;

/** Logged models the run produced: logged from it, or recorded as its outputs. */
export function modelsOfRun(store: Store, runId: string): LoggedModel[] {
  const ids = new Set(store.models.outputsOf(runId).map((o) => o.modelId));
  const run = store.runs.summary(runId);
  const fromRun = run ? store.models.search([run.experimentId]).filter((m) => m.sourceRunId === runId) : [];
  for (const m of fromRun) ids.add(m.id);
  return [...ids].flatMap((id) => store.models.get(id) ?? []).sort((a, b) => a.creationTime - b.creationTime || a.id.localeCompare(b.id));
}

/** The folder (or file) behind `model`, and what to call it in the audit. */
function locate(store: Store, artifacts: ArtifactStore, runId: string, model: string | undefined): { ref: string; base: string; rel: string } {
  const run = requireRun(store, runId);
  if (model === undefined) {
    const models = modelsOfRun(store, runId);
    if (models.length === 0) {
      throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Run ${runId} has no logged model; name a folder of its artifacts as the model`);
    }
    if (models.length > 1) {
      throw new ApiError('INVALID_PARAMETER_VALUE', `Run ${runId} has ${models.length} logged models; choose one: ${models.map((m) => `${m.id} (${m.name})`).join(', ')}`);
    }
    model = models[0]!.id;
  }
  if (LOGGED_MODEL_ID.test(model)) {
    const logged = modelsOfRun(store, runId).find((m) => m.id === model);
    if (!logged) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Run ${runId} has no model ${model}`);
    const dir = artifacts.localDir(logged.artifactUri);
    if (!dir) throw new ApiError('INVALID_PARAMETER_VALUE', `Model ${model}'s files are not stored locally (${logged.artifactUri})`);
    return { ref: model, base: dir, rel: '' };
  }
  const root = artifacts.localDir(run.artifactUri);
  if (!root) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Run ${runId} has no local artifacts`);
  let rel = model.replace(/^\/+|\/+$/g, '');
  // A run folder's artifact root is its `artifacts/` folder: `artifacts/model`, as the folder
  // shows on disk, means `model` below that root (unless the root really holds `artifacts/`).
  if (rel.startsWith('artifacts/') && !existsSync(artifacts.resolveUnder(root, rel))) rel = rel.slice('artifacts/'.length);
  return { ref: rel, base: root, rel };
}

/** Resolves and digests the model's files (streamed; unchanged files come from the digest cache). */
export async function resolveModel(store: Store, artifacts: ArtifactStore, runId: string, model: string | undefined): Promise<ResolvedModel> {
  const { ref, base, rel } = locate(store, artifacts, runId, model);
  // By real path: a symlink in the run's artifacts must not push files from elsewhere on the
  // machine to a registry (checked again for each file of a folder, below).
  const path = await artifacts.resolveReal(base, rel);
  const info = await stat(path).catch(() => null);
  if (!info) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Model '${ref}' of run ${runId} has no files at ${path}`);
  let digested: DigestedFile[];
  if (info.isDirectory()) {
    digested = (await digestFolder(path, store.digests)).files;
    for (const f of digested) await artifacts.resolveReal(base, rel === '' ? f.rel : `${rel}/${f.rel}`);
  } else {
    const file = await digestPath(path, store.digests);
    digested = [{ rel: basename(path), abs: path, size: file.sizeBytes, digest: file.digest }];
  }
  if (digested.length === 0) throw new ApiError('INVALID_PARAMETER_VALUE', `Model '${ref}' of run ${runId} is an empty folder`);
  return {
    modelRef: ref,
    files: digested.map((f) => ({ path: f.rel, absPath: f.abs, size: f.size, sha256: f.digest.replace(/^sha256:/, '') })),
    modelDigest: digestOfFiles(digested).digest,
  };
}
