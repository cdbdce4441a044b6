// What the Team page shows of a remote: its experiments, the runs of one experiment page by page
// (newest first, as the remote lists them), and the experiments followed. Fetched on demand and
// again after a pull ends, since a pull changes the followed flags and the runs' local copies.
import { create } from 'zustand';
import type { FollowedExperiment, RemoteExperiment, RemoteRun } from '../../../src-shared/sync';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';

export interface ExperimentsEntry {
  status: 'loading' | 'ready' | 'error';
  experiments: RemoteExperiment[];
  error: string | null;
}

export interface RunsEntry {
  status: 'loading' | 'ready' | 'error';
  runs: RemoteRun[];
  nextPageToken: string | null;
  /** A further page is on its way (the runs so far stay shown). */
  loadingMore: boolean;
  error: string | null;
}

interface RemoteBrowserState {
  experiments: Record<string, ExperimentsEntry>;
  /** By runsKey(remote, experimentId). */
  runs: Record<string, RunsEntry>;
  follows: FollowedExperiment[];
  followsError: string | null;
  loadExperiments: (remote: string) => Promise<void>;
  /** The first page again (what a pull changed shows at the top). */
  loadRuns: (remote: string, experimentId: string) => Promise<void>;
  loadMore: (remote: string, experimentId: string) => Promise<void>;
  loadFollows: () => Promise<void>;
  /** The error message, or null when done. */
  unfollow: (remote: string, experimentId: string) => Promise<string | null>;
  /** A pull from this remote ended: followed flags, local copies and follows may have changed. */
  pulled: (remote: string) => void;
}

export function runsKey(remote: string, experimentId: string): string {
  return `${remote}\n${experimentId}`;
}

/** A later page appended; a run listed again (new runs pushed it down a page) keeps its first place, with the newer data. */
export function appendPage(shown: readonly RemoteRun[], page: readonly RemoteRun[]): RemoteRun[] {
  const fresh = new Map(page.map((run) => [run.id, run]));
  const kept = shown.map((run) => fresh.get(run.id) ?? run);
  const seen = new Set(shown.map((run) => run.id));
  return [...kept, ...page.filter((run) => !seen.has(run.id))];
}

/** The newest request per key wins: an older answer arriving late is dropped. */
const latest = new Map<string, number>();
let requests = 0;
function ticket(key: string): () => boolean {
  const id = ++requests;
  latest.set(key, id);
  return () => latest.get(key) === id;
}

export const useRemoteBrowserStore = create<RemoteBrowserState>()((set, get) => ({
  experiments: {},
  runs: {},
  follows: [],
  followsError: null,

  loadExperiments: async (remote) => {
    const current = ticket(`experiments\n${remote}`);
    set((s) => ({ experiments: { ...s.experiments, [remote]: { experiments: s.experiments[remote]?.experiments ?? [], status: 'loading', error: null } } }));
    let entry: ExperimentsEntry;
    try {
      const { experiments } = await api.listRemoteExperiments({ name: remote });
      entry = { status: 'ready', experiments, error: null };
    } catch (error) {
      entry = { status: 'error', experiments: [], error: errorMessage(error) };
    }
    if (current()) set((s) => ({ experiments: { ...s.experiments, [remote]: entry } }));
  },

  loadRuns: async (remote, experimentId) => {
    const key = runsKey(remote, experimentId);
    const current = ticket(key);
    set((s) => ({ runs: { ...s.runs, [key]: { runs: s.runs[key]?.runs ?? [], nextPageToken: null, status: 'loading', loadingMore: false, error: null } } }));
    let entry: RunsEntry;
    try {
      const { runs, nextPageToken } = await api.listRemoteRuns({ name: remote, experimentId });
      entry = { status: 'ready', runs, nextPageToken, loadingMore: false, error: null };
    } catch (error) {
      entry = { status: 'error', runs: [], nextPageToken: null, loadingMore: false, error: errorMessage(error) };
    }
    if (current()) set((s) => ({ runs: { ...s.runs, [key]: entry } }));
  },

  loadMore: async (remote, experimentId) => {
    const key = runsKey(remote, experimentId);
    const entry = get().runs[key];
    if (!entry?.nextPageToken || entry.loadingMore) return;
    const current = ticket(key);
    set((s) => ({ runs: { ...s.runs, [key]: { ...entry, loadingMore: true } } }));
    try {
      const page = await api.listRemoteRuns({ name: remote, experimentId, pageToken: entry.nextPageToken });
      if (current()) set((s) => ({ runs: { ...s.runs, [key]: { ...entry, runs: appendPage(entry.runs, page.runs), nextPageToken: page.nextPageToken, loadingMore: false } } }));
    } catch (error) {
      if (current()) set((s) => ({ runs: { ...s.runs, [key]: { ...entry, loadingMore: false, error: errorMessage(error) } } }));
    }
  },

  loadFollows: async () => {
    try {
      const { follows } = await api.listFollows({});
      set({ follows, followsError: null });
    } catch (error) {
      set({ followsError: errorMessage(error) });
    }
  },

  unfollow: async (remote, experimentId) => {
    try {
      await api.unfollow({ remote, experimentId });
      set((s) => ({ follows: s.follows.filter((f) => f.remote !== remote || f.experimentId !== experimentId) }));
      if (get().experiments[remote]) void get().loadExperiments(remote);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  pulled: (remote) => {
    void get().loadFollows();
    if (get().experiments[remote]) void get().loadExperiments(remote);
    for (const key of Object.keys(get().runs)) {
      const [owner, experimentId] = key.split('\n');
      if (owner === remote && experimentId) void get().loadRuns(remote, experimentId);
    }
  },
}));
