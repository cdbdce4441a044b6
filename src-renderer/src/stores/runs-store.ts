import { useMemo } from 'react';
import { create } from 'zustand';
import type { RunSummary } from '../../../src-shared/domain';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface RunsState {
  byId: Record<string, RunSummary>;
  loadState: LoadState;
  error: string | null;
  /** Fetches the whole list; keeps showing the current one while it refreshes. */
  load: () => Promise<void>;
  /** Fetches one run (a run page opened by URL, before the list); resolves to the error, if any. */
  fetchRun: (id: string) => Promise<string | null>;
  setAll: (runs: RunSummary[]) => void;
  upsert: (runs: RunSummary[]) => void;
  dismissError: () => void;
}

/**
 * Runs upserted while a list request is in flight are newer than that list's snapshot; they
 * are re-applied on top of it so a live update is never rolled back by a slow refresh.
 * One map per request: a reconnect can start a refresh while another is still out.
 */
const upsertedDuringLoads = new Set<Map<string, RunSummary>>();

export const useRunsStore = create<RunsState>()((set, get) => ({
  byId: {},
  loadState: 'idle',
  error: null,

  load: async () => {
    const newer = new Map<string, RunSummary>();
    upsertedDuringLoads.add(newer);
    if (get().loadState !== 'ready') set({ loadState: 'loading' });
    try {
      const { runs } = await api.listRuns({});
      get().setAll(runs);
      get().upsert([...newer.values()]);
      set({ loadState: 'ready', error: null });
    } catch (error) {
      set({ loadState: get().loadState === 'ready' ? 'ready' : 'error', error: errorMessage(error) });
    } finally {
      upsertedDuringLoads.delete(newer);
    }
  },

  fetchRun: async (id) => {
    try {
      const { run } = await api.getRun({ id });
      get().upsert([run]);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  setAll: (runs) => set({ byId: Object.fromEntries(runs.map((run) => [run.id, run])) }),

  upsert: (runs) => {
    if (runs.length === 0) return;
    for (const newer of upsertedDuringLoads) for (const run of runs) newer.set(run.id, run);
    set((state) => {
      const byId = { ...state.byId };
      for (const run of runs) byId[run.id] = run;
      return { byId };
    });
  },

  dismissError: () => set({ error: null }),
}));

/** The runs not deleted: what the table and the run pickers list. */
export function useActiveRuns(): RunSummary[] {
  const byId = useRunsStore((s) => s.byId);
  return useMemo(() => Object.values(byId).filter((run) => run.lifecycleStage !== 'deleted'), [byId]);
}
