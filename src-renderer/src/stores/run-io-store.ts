// Dataset inputs, outputs and produced models of the runs whose pages are open, with the
// recorded versions of each dataset named (rows, format, schema, which one is latest). A `run.updated` for such
// a run refetches them (throttled): `mlflow.log_input` and `log_model` change nothing else the
// summary carries, so the event is the only signal there is.
import { create } from 'zustand';
import type { DatasetVersion, RunDatasetInput, RunModelOutput } from '../../../src-shared/domain';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';
import { createKeyedThrottle } from '../lib/keyed-throttle';

const MIN_REFETCH_INTERVAL_MS = 1000;

export interface RunIo {
  status: 'loading' | 'ready' | 'error';
  inputs: RunDatasetInput[];
  outputs: RunDatasetInput[];
  models: RunModelOutput[];
  /** Every version of each dataset name the run read or wrote, oldest first; a name whose
   *  versions could not be read is absent. */
  versions: Record<string, DatasetVersion[]>;
  error: string | null;
}

/** The versions of every dataset named, fetched together; one that fails is left out. */
async function versionsOf(names: string[]): Promise<Record<string, DatasetVersion[]>> {
  const unique = [...new Set(names)];
  const found = await Promise.all(unique.map((name) => api.getDataset({ name }).then((d) => d.versions, () => null)));
  const byName: Record<string, DatasetVersion[]> = {};
  unique.forEach((name, i) => {
    const versions = found[i];
    if (versions) byName[name] = versions;
  });
  return byName;
}

interface RunIoState {
  byRun: Record<string, RunIo>;
  /** A run page opened: fetch and keep up to date until `forgetRun`. */
  request: (runId: string) => void;
  runUpdated: (runId: string) => void;
  refetchAll: () => void;
  forgetRun: (runId: string) => void;
}

export const useRunIoStore = create<RunIoState>()((set, get) => {
  const throttle = createKeyedThrottle(MIN_REFETCH_INTERVAL_MS, async (runId) => {
    try {
      const { inputs, outputs, models } = await api.getRunIO({ id: runId });
      const versions = await versionsOf([...inputs, ...outputs].map((d) => d.name));
      set((s) => (s.byRun[runId] ? { byRun: { ...s.byRun, [runId]: { status: 'ready', inputs, outputs, models, versions, error: null } } } : s));
    } catch (error) {
      set((s) => {
        const entry = s.byRun[runId];
        return entry ? { byRun: { ...s.byRun, [runId]: { ...entry, status: 'error', error: errorMessage(error) } } } : s;
      });
    }
  });

  return {
    byRun: {},

    request: (runId) => {
      if (get().byRun[runId]) return;
      set((s) => ({ byRun: { ...s.byRun, [runId]: { status: 'loading', inputs: [], outputs: [], models: [], versions: {}, error: null } } }));
      throttle.schedule(runId);
    },

    runUpdated: (runId) => {
      if (get().byRun[runId]) throttle.schedule(runId);
    },

    refetchAll: () => {
      for (const runId of Object.keys(get().byRun)) throttle.schedule(runId);
    },

    forgetRun: (runId) => {
      throttle.cancel(runId);
      set((s) => {
        const { [runId]: _gone, ...rest } = s.byRun;
        return { byRun: rest };
      });
    },
  };
});
