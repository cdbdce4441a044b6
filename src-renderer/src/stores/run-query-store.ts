// The runs table's server-side query, in MLflow's filter syntax. The core evaluates it (the
// same parser and evaluator as MLflow's runs/search), so the table and an MLflow client agree
// on what `metrics.loss < 0.3` selects. The result is a set of run ids over the live runs
// store: events keep upserting summaries, and a run update re-runs the query, throttled, in
// case the run moved into or out of the result.
import { create } from 'zustand';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';
import { createKeyedThrottle } from '../lib/keyed-throttle';
import { useRunsStore } from './runs-store';

const REQUERY_INTERVAL_MS = 1000;

interface RunQueryState {
  /** The applied query; '' shows every run. */
  query: string;
  /** Ids the applied query selected; null while there is no query or no answer yet. */
  matchIds: ReadonlySet<string> | null;
  /** The server's message for an invalid query; it names the character at fault. */
  error: string | null;
  apply: (query: string) => void;
  /** A run changed: it may have entered or left the result. */
  runsUpdated: () => void;
}

export const useRunQueryStore = create<RunQueryState>()((set, get) => {
  const throttle = createKeyedThrottle(REQUERY_INTERVAL_MS, async () => {
    const query = get().query;
    if (!query) return;
    try {
      const { runs } = await api.listRuns({ filter: query });
      if (get().query !== query) return;
      useRunsStore.getState().upsert(runs);
      set({ matchIds: new Set(runs.map((r) => r.id)), error: null });
    } catch (error) {
      if (get().query === query) set({ error: errorMessage(error), matchIds: null });
    }
  });

  return {
    query: '',
    matchIds: null,
    error: null,

    apply: (text) => {
      const query = text.trim();
      if (query === get().query && !get().error) return;
      // The previous result stays on screen until the new one arrives: no flash of every run.
      set(query ? { query, error: null } : { query, matchIds: null, error: null });
      if (query) throttle.schedule('query');
      else throttle.cancel('query');
    },

    runsUpdated: () => {
      if (get().query && !get().error) throttle.schedule('query');
    },
  };
});
