// Datasets through the contract: recording what a run read and wrote (digesting local data
// here, off the request's transaction; a model output is its files under the run's artifacts),
// listing dataset versions, and a run's inputs, outputs and models.
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Handlers, ParsedInput } from '../../../src-shared/contract';
import type { RunModelOutput } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import type { EventHub } from '../events/event-hub';
import type { Store } from '../store/store';
import { CONTEXT_TAG } from '../store/dataset-repo';
import { resolveRef, type DatasetRef } from '../datasets/dataset-ref';
import type { LocalDataset } from '../datasets/describe-local';
import { checkWritable, requireRun } from './run-writes';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { recordRunModel, type DeclaredModel } from '../lineage/run-models';

type RunOutput = ParsedInput<'addRunOutputs'>['outputs'][number];

type Role = 'inputs' | 'outputs';

/** Digests and reads every ref before anything is written, so one bad path records nothing. */
async function resolveAll(store: Store, role: Role, refs: readonly DatasetRef[]): Promise<LocalDataset[]> {
  const out: LocalDataset[] = [];
  for (const [i, ref] of refs.entries()) {
    const field = `${role}.${i}.path`;
    if (ref.path !== undefined && !isAbsolute(ref.path)) {
      // The server's working folder means nothing to the caller: only an absolute path is clear.
      throw new ApiError('INVALID_PARAMETER_VALUE', `Invalid value for '${field}': must be an absolute path`);
    }
    try {
      out.push(await resolveRef(ref, ref.path ?? null, store.digests));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file or folder' : e instanceof Error ? e.message : String(e);
      throw new ApiError('INVALID_PARAMETER_VALUE', `Invalid value for '${field}': ${why}${ref.path === undefined ? '' : `: ${ref.path}`}`);
    }
  }
  return out;
}

/** A model output: its files under the run's artifact folder, which must be there already. */
async function locateModels(store: Store, artifacts: ArtifactStore, runId: string, outputs: readonly RunOutput[]): Promise<DeclaredModel[]> {
  const models: DeclaredModel[] = [];
  if (!outputs.some((o) => o.kind === 'model')) return models;
  const root = artifacts.localDir(requireRun(store, runId).artifactUri);
  for (const [i, o] of outputs.entries()) {
    if (o.kind !== 'model') continue;
    const field = `outputs.${i}.artifactPath`;
    if (root === null) throw new ApiError('INVALID_PARAMETER_VALUE', `Invalid value for '${field}': run ${runId} has no artifacts; upload the model's files first`);
    // By real path: a symlink in the run's artifacts must not make a model of files elsewhere.
    const path = await artifacts.resolveReal(root, o.artifactPath!);
    if (!(await stat(path).catch(() => null))) {
      throw new ApiError('INVALID_PARAMETER_VALUE', `Invalid value for '${field}': no such file or folder under the run's artifacts: ${o.artifactPath}`);
    }
    models.push({ path, name: o.name });
  }
  return models;
}

export function createDatasetHandlers(
  store: Store,
  hub: EventHub,
  artifacts: ArtifactStore,
  now: () => number,
): Pick<Handlers, 'addRunInputs' | 'addRunOutputs' | 'listDatasets' | 'getDataset' | 'getRunIO'> {
  /** Records resolved refs (and models, for outputs) against a run in one transaction and announces the change. */
  async function record(runId: string, role: Role, refs: readonly DatasetRef[], models: readonly DeclaredModel[] = []) {
    checkWritable(store, runId);
    const resolved = await resolveAll(store, role, refs);
    const at = now();
    const { ids, modelIds } = store.tx(() => {
      // The run may have been deleted while its data was being digested.
      checkWritable(store, runId);
      const experimentId = requireRun(store, runId).experimentId;
      return {
        ids: resolved.map(({ record: d }, i) => {
          const context = refs[i]!.context ?? null;
          return role === 'inputs'
            ? store.datasets.addRunInput(runId, d, context === null ? {} : { [CONTEXT_TAG]: context }, at)
            : store.datasets.addRunOutput(runId, d, context, at);
        }),
        modelIds: models.map((m) => recordRunModel(store, runId, experimentId, m, at)),
      };
    });
    hub.runChanged(runId);
    if (resolved.length > 0) hub.datasetsChanged(resolved.map((r) => r.record.name));
    return { versions: ids.map((id) => store.datasets.version(id)!), modelIds };
  }

  /** A run's models as its page lists them: those it output, and those logged from it. */
  function modelsOf(runId: string): RunModelOutput[] {
    const steps = new Map(store.models.outputsOf(runId).map((o) => [o.modelId, o.step]));
    return store.models
      .search([])
      .filter((m) => steps.has(m.id) || m.sourceRunId === runId)
      .map((m) => ({ id: m.id, name: m.name, status: m.status, step: steps.get(m.id) ?? 0, artifactUri: m.artifactUri }));
  }

  return {
    addRunInputs: async ({ id, inputs }) => ({ inputs: (await record(id, 'inputs', inputs)).versions }),
    addRunOutputs: async ({ id, outputs }) => {
      checkWritable(store, id);
      const models = await locateModels(store, artifacts, id, outputs);
      const data = outputs.filter((o): o is RunOutput & { kind: 'dataset' | 'artifact' } => o.kind !== 'model');
      const { versions, modelIds } = await record(id, 'outputs', data, models);
      const recorded = new Set(modelIds);
      return { outputs: versions, models: modelsOf(id).filter((m) => recorded.has(m.id)) };
    },

    listDatasets: () => ({ datasets: store.datasets.summaries() }),

    getDataset: ({ name }) => {
      const versions = store.datasets.versionsOf(name);
      if (versions.length === 0) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Dataset '${name}' not found`);
      return { name, versions };
    },

    getRunIO: ({ id }) => {
      requireRun(store, id);
      const { inputs, outputs } = store.datasets.runDatasets(id);
      return { inputs, outputs, models: modelsOf(id) };
    },
  };
}
