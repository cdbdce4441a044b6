// The team's MLflow tracking servers ("remotes"). Secrets go in through `save` and never come
// back: the list carries `hasSecret` only, and nothing here keeps the secret after the call.
import { create } from 'zustand';
import type { RemoteConfig } from '../../../src-shared/sync';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';

export interface RemoteDraft {
  name: string;
  url: string;
  username: string;
  /** Empty: keep the stored secret (or none for a new remote). */
  secret: string;
}

/** The last "Test connection" of a remote: running, or what the core found. */
export type RemoteTest = { status: 'testing' } | { status: 'ok' | 'failed'; message: string };

interface RemotesState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  remotes: RemoteConfig[];
  error: string | null;
  tests: Record<string, RemoteTest>;
  load: () => Promise<void>;
  /** The error message, or null when saved. */
  save: (draft: RemoteDraft) => Promise<string | null>;
  remove: (name: string) => Promise<string | null>;
  test: (name: string) => Promise<void>;
}

function byName(remotes: RemoteConfig[]): RemoteConfig[] {
  return [...remotes].sort((a, b) => a.name.localeCompare(b.name));
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}

export const useRemotesStore = create<RemotesState>()((set, get) => ({
  status: 'idle',
  remotes: [],
  error: null,
  tests: {},

  load: async () => {
    if (get().status !== 'ready') set({ status: 'loading' });
    try {
      const { remotes } = await api.listRemotes({});
      set({ status: 'ready', remotes: byName(remotes), error: null });
    } catch (error) {
      set({ status: get().status === 'ready' ? 'ready' : 'error', error: errorMessage(error) });
    }
  },

  save: async ({ secret, ...rest }) => {
    try {
      const { remote } = await api.saveRemote({ ...rest, ...(secret ? { secret } : {}) });
      // A changed URL or credential makes the last test's verdict stale.
      set((s) => ({ remotes: byName([...s.remotes.filter((r) => r.name !== remote.name), remote]), tests: withoutKey(s.tests, remote.name) }));
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  remove: async (name) => {
    try {
      await api.deleteRemote({ name });
      set((s) => ({ remotes: s.remotes.filter((r) => r.name !== name), tests: withoutKey(s.tests, name) }));
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  test: async (name) => {
    set((s) => ({ tests: { ...s.tests, [name]: { status: 'testing' } } }));
    let result: RemoteTest;
    try {
      const { ok, message } = await api.testRemote({ name });
      result = { status: ok ? 'ok' : 'failed', message };
    } catch (error) {
      result = { status: 'failed', message: errorMessage(error) };
    }
    // Deleted or saved again while the test ran: its verdict is about something gone.
    set((s) => (s.tests[name]?.status === 'testing' ? { tests: { ...s.tests, [name]: result } } : s));
  },
}));
