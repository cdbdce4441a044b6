// The datasets list and the dataset pages that are open: each page's versions (oldest first)
// and, per version, the runs that read it and the run that made it, taken from the lineage
// graph around the version. A `run.updated` may mean a new input or output was recorded, so it
// refetches what is loaded (throttled).
import { create } from 'zustand';
import type { DatasetSummary, DatasetVersion } from '../../../src-shared/domain';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';
import { createKeyedThrottle } from '../lib/keyed-throttle';
import { usageFromGraph, type VersionUsage } from '../features/datasets/version-usage';


const MIN_REFETCH_INTERVAL_MS = 1000;
/** Versions whose runs are looked up (newest first): one graph request each; older ones link to
 *  the lineage page instead. */
const USAGE_VERSIONS = 50;
/** The list is one throttle key; dataset names are the others (a name is never empty). */
const LIST_KEY = '';

export interface DatasetEntry {
  status: 'loading' | 'ready' | 'error';
  versions: DatasetVersion[];
  /** By version id; absent while the graph is loading or could not be read. */
  usage: Record<number, VersionUsage>;
  error: string | null;
}

export interface DatasetsList {
  status: 'idle' | 'loading' | 'ready' | 'error';
  datasets: DatasetSummary[];
  error: string | null;
}

interface DatasetsState {
  list: DatasetsList;
  byName: Record<string, DatasetEntry>;
  loadList: () => void;
  /** A dataset page opened: fetch and keep up to date until `forget`. */
  request: (name: string) => void;
  forget: (name: string) => void;
  /** Something a dataset page or the list shows may have changed. */
  changed: () => void;
}

export const useDatasetsStore = create<DatasetsState>()((set, get) => {
  const fetchList = async () => {
    try {
      const { datasets } = await api.listDatasets({});
      set({ list: { status: 'ready', datasets, error: null } });
    } catch (error) {
      set((s) => ({ list: { ...s.list, status: 'error', error: errorMessage(error) } }));
    }
  };

  const fetchDataset = async (name: string) => {
    try {
      const { versions } = await api.getDataset({ name });
      // Who read and who made each version: one focused graph per version, in parallel. A
      // missing graph leaves the columns empty rather than failing the page.
      const recent = versions.slice(-USAGE_VERSIONS);
      const graphs = await Promise.all(
        recent.map((v) => api.getLineage({ focus: `dataset:${v.id}`, direction: 'both' }).catch(() => null)),
      );
      const usage: Record<number, VersionUsage> = {};
      recent.forEach((v, i) => {
        const graph = graphs[i];
        if (graph) usage[v.id] = usageFromGraph(graph, v.id);
      });
      set((s) => (s.byName[name] ? { byName: { ...s.byName, [name]: { status: 'ready', versions, usage, error: null } } } : s));
    } catch (error) {
      set((s) => {
        const entry = s.byName[name];
        return entry ? { byName: { ...s.byName, [name]: { ...entry, status: 'error', error: errorMessage(error) } } } : s;
      });
    }
  };

  const throttle = createKeyedThrottle(MIN_REFETCH_INTERVAL_MS, (key) => (key === LIST_KEY ? fetchList() : fetchDataset(key)));

  return {
    list: { status: 'idle', datasets: [], error: null },
    byName: {},

    loadList: () => {
      if (get().list.status !== 'ready') set((s) => ({ list: { ...s.list, status: 'loading' } }));
      throttle.schedule(LIST_KEY);
    },

    request: (name) => {
      if (!get().byName[name]) {
        set((s) => ({ byName: { ...s.byName, [name]: { status: 'loading', versions: [], usage: {}, error: null } } }));
      }
      throttle.schedule(name);
    },

    forget: (name) => {
      throttle.cancel(name);
      set((s) => {
        const { [name]: _gone, ...rest } = s.byName;
        return { byName: rest };
      });
    },

    changed: () => {
      if (get().list.status !== 'idle') throttle.schedule(LIST_KEY);
      for (const name of Object.keys(get().byName)) throttle.schedule(name);
    },
  };
});
