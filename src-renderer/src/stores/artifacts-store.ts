// Folder listings for the artifact browsers on open run pages: one entry per listed folder
// (of a run's artifacts, or of a model it produced), fetched when a folder is first expanded.
// A `run.updated` refetches the run's listed folders (throttled), so a file logged while the
// page is open appears without a reload.
import { create } from 'zustand';
import type { ArtifactEntry } from '../../../src-shared/domain';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';
import { createKeyedThrottle } from '../lib/keyed-throttle';

const MIN_REFETCH_INTERVAL_MS = 1000;

export interface FolderListing {
  status: 'loading' | 'ready' | 'error';
  /** The artifact root on disk; null when the run's artifacts are not stored locally. */
  root: string | null;
  entries: ArtifactEntry[];
  error: string | null;
}

export interface FolderRef {
  runId: string;
  /** Set to browse a produced model's files instead of the run's. */
  modelId?: string;
  /** Folder relative to the artifact root; '' is the root. */
  path: string;
}

/** NUL never occurs in run ids, model ids or artifact paths (the core refuses it). */
export function listingId({ runId, modelId, path }: FolderRef): string {
  return `${runId}\u0000${modelId ?? ''}\u0000${path}`;
}

function parseListingId(id: string): FolderRef {
  const [runId = '', modelId = '', path = ''] = id.split('\u0000');
  return { runId, ...(modelId ? { modelId } : {}), path };
}

interface ArtifactsState {
  listings: Record<string, FolderListing>;
  /** Lists the folder unless it is already listed (or being listed). */
  request: (folder: FolderRef) => void;
  runUpdated: (runId: string) => void;
  refetchAll: () => void;
  forgetRun: (runId: string) => void;
}

export const useArtifactsStore = create<ArtifactsState>()((set, get) => {
  const patch = (id: string, update: (listing: FolderListing) => FolderListing) =>
    set((s) => {
      const listing = s.listings[id];
      return listing ? { listings: { ...s.listings, [id]: update(listing) } } : s;
    });

  const throttle = createKeyedThrottle(MIN_REFETCH_INTERVAL_MS, async (id) => {
    const { runId, modelId, path } = parseListingId(id);
    try {
      const { root, entries } = await api.listArtifacts({ id: runId, ...(modelId ? { modelId } : {}), ...(path ? { path } : {}) });
      patch(id, () => ({ status: 'ready', root, entries, error: null }));
    } catch (error) {
      patch(id, (listing) => ({ ...listing, status: 'error', error: errorMessage(error) }));
    }
  });

  const idsOfRun = (ids: Iterable<string>, runId: string) => [...ids].filter((id) => id.startsWith(`${runId}\u0000`));

  return {
    listings: {},

    request: (folder) => {
      const id = listingId(folder);
      const listing = get().listings[id];
      if (listing && listing.status !== 'error') return;
      set((s) => ({ listings: { ...s.listings, [id]: { root: null, entries: [], ...listing, status: 'loading', error: null } } }));
      throttle.schedule(id);
    },

    runUpdated: (runId) => {
      for (const id of idsOfRun(Object.keys(get().listings), runId)) throttle.schedule(id);
    },

    refetchAll: () => {
      for (const id of Object.keys(get().listings)) throttle.schedule(id);
    },

    forgetRun: (runId) => {
      for (const id of idsOfRun(throttle.keys(), runId)) throttle.cancel(id);
      set((s) => ({ listings: Object.fromEntries(Object.entries(s.listings).filter(([id]) => !id.startsWith(`${runId}\u0000`))) }));
    },
  };
});
