// Where runs come from besides the API: watched folders and the bundled samples.
import { create } from 'zustand';
import type { IngestReport, WatchRoot } from '../../../src-shared/domain';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';
import { useRunsStore } from './runs-store';

interface SourcesState {
  roots: WatchRoot[];
  loaded: boolean;
  busy: boolean;
  error: string | null;
  /** What the last folder added or sample load brought in, shown once under the form. */
  lastReport: IngestReport | null;
  load: () => Promise<void>;
  add: (path: string) => Promise<boolean>;
  remove: (path: string) => Promise<void>;
  loadSamples: () => Promise<void>;
  dismissError: () => void;
}

export const useSourcesStore = create<SourcesState>()((set, get) => {
  /** Runs an action with the busy flag and error capture every action here shares. */
  const guarded = async (action: () => Promise<void>): Promise<boolean> => {
    set({ busy: true, error: null });
    try {
      await action();
      return true;
    } catch (error) {
      set({ error: errorMessage(error) });
      return false;
    } finally {
      set({ busy: false });
    }
  };

  return {
    roots: [],
    loaded: false,
    busy: false,
    error: null,
    lastReport: null,

    load: async () => {
      try {
        const { roots } = await api.listWatchRoots({});
        set({ roots, loaded: true });
      } catch (error) {
        set({ error: errorMessage(error), loaded: true });
      }
    },
    add: (path) =>
      guarded(async () => {
        const { report } = await api.addWatchRoot({ path });
        set({ lastReport: report });
        await get().load();
      }),
    remove: async (path) => {
      await guarded(async () => {
        await api.removeWatchRoot({ path });
        await get().load();
      });
    },
    loadSamples: async () => {
      await guarded(async () => {
        set({ lastReport: await api.loadSampleRuns({}) });
        // The runs also arrive as events; the refetch covers a feed that is down right now.
        await useRunsStore.getState().load();
      });
    },
    dismissError: () => set({ error: null }),
  };
});
