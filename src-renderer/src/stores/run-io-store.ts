// Dataset inputs and produced models of the runs whose pages are open. A `run.updated` for such
// a run refetches them (throttled): `mlflow.log_input` and `log_model` change nothing else the
// summary carries, so the event is the only signal there is.
import { create } from 'zustand';
import type { RunDatasetInput, RunModelOutput } from '../../../src-shared/domain';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';
import { createKeyedThrottle } from '../lib/keyed-throttle';

const MIN_REFETCH_INTERVAL_MS = 1000;

export interface RunIo {
  status: 'loading' | 'ready' | 'error';
  inputs: RunDatasetInput[];
  models: RunModelOutput[];
  error: string | null;
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
      const { inputs, models } = await api.getRunIO({ id: runId });
      set((s) => (s.byRun[runId] ? { byRun: { ...s.byRun, [runId]: { status: 'ready', inputs, models, error: null } } } : s));
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
      set((s) => ({ byRun: { ...s.byRun, [runId]: { status: 'loading', inputs: [], models: [], error: null } } }));
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
