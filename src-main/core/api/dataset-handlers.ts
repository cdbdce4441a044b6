// Datasets through the contract: recording what a run read and wrote (digesting local data
// here, off the request's transaction), listing dataset versions, and a run's inputs and outputs.
import { isAbsolute } from 'node:path';
import type { Handlers } from '../../../src-shared/contract';
import type { DatasetVersion } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import type { EventHub } from '../events/event-hub';
import type { Store } from '../store/store';
import { CONTEXT_TAG } from '../store/dataset-repo';
import { resolveRef, type DatasetRef } from '../datasets/dataset-ref';
import type { LocalDataset } from '../datasets/describe-local';
import { checkExists, requireRun } from './run-writes';

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

export function createDatasetHandlers(
  store: Store,
  hub: EventHub,
  now: () => number,
): Pick<Handlers, 'addRunInputs' | 'addRunOutputs' | 'listDatasets' | 'getDataset' | 'getRunIO'> {
  /** Records resolved refs against a run in one transaction and announces the change. */
  async function record(runId: string, role: Role, refs: readonly DatasetRef[]): Promise<DatasetVersion[]> {
    checkExists(store, runId);
    const resolved = await resolveAll(store, role, refs);
    const at = now();
    const ids = store.tx(() => {
      // The run may have been deleted while its data was being digested.
      checkExists(store, runId);
      return resolved.map(({ record: d }, i) => {
        const context = refs[i]!.context ?? null;
        return role === 'inputs'
          ? store.datasets.addRunInput(runId, d, context === null ? {} : { [CONTEXT_TAG]: context }, at)
          : store.datasets.addRunOutput(runId, d, context, at);
      });
    });
    hub.runChanged(runId);
    hub.datasetsChanged(resolved.map((r) => r.record.name));
    return ids.map((id) => store.datasets.version(id)!);
  }

  return {
    addRunInputs: async ({ id, inputs }) => ({ inputs: await record(id, 'inputs', inputs) }),
    addRunOutputs: async ({ id, outputs }) => ({ outputs: await record(id, 'outputs', outputs) }),

    listDatasets: () => ({ datasets: store.datasets.summaries() }),

    getDataset: ({ name }) => {
      const versions = store.datasets.versionsOf(name);
      if (versions.length === 0) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Dataset '${name}' not found`);
      return { name, versions };
    },

    getRunIO: ({ id }) => {
      requireRun(store, id);
      const { inputs, outputs } = store.datasets.runDatasets(id);
      // A model belongs to a run that output it, or that it was logged from.
      const steps = new Map(store.models.outputsOf(id).map((o) => [o.modelId, o.step]));
      const models = store.models
        .search([])
        .filter((m) => steps.has(m.id) || m.sourceRunId === id)
        .map((m) => ({ id: m.id, name: m.name, status: m.status, step: steps.get(m.id) ?? 0, artifactUri: m.artifactUri }));
      return { inputs, outputs, models };
    },
  };
}
