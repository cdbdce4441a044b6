// Registries the user configured. Secrets go in through `save` and never come back: the list
// carries `hasSecret` only, and nothing here keeps the secret after the call.
import { create } from 'zustand';
import type { RegistryConfig, RegistryKind } from '../../../src-shared/promotion';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';

export interface RegistryDraft {
  name: string;
  kind: RegistryKind;
  url: string;
  username: string;
  /** Empty: keep the stored secret (or none for a new registry). */
  secret: string;
}

interface RegistriesState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  registries: RegistryConfig[];
  error: string | null;
  load: () => Promise<void>;
  /** The error message, or null when saved. */
  save: (draft: RegistryDraft) => Promise<string | null>;
  remove: (name: string) => Promise<string | null>;
}

function byName(registries: RegistryConfig[]): RegistryConfig[] {
  return [...registries].sort((a, b) => a.name.localeCompare(b.name));
}

export const useRegistriesStore = create<RegistriesState>()((set, get) => ({
  status: 'idle',
  registries: [],
  error: null,

  load: async () => {
    if (get().status !== 'ready') set({ status: 'loading' });
    try {
      const { registries } = await api.listRegistries({});
      set({ status: 'ready', registries: byName(registries), error: null });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },

  save: async ({ secret, ...rest }) => {
    try {
      const { registry } = await api.saveRegistry({ ...rest, ...(secret ? { secret } : {}) });
      set((s) => ({ registries: byName([...s.registries.filter((r) => r.name !== registry.name), registry]) }));
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  remove: async (name) => {
    try {
      await api.deleteRegistry({ name });
      set((s) => ({ registries: s.registries.filter((r) => r.name !== name) }));
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },
}));
