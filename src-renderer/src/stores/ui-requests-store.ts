// What a menu item or shortcut asked of a part of the UI that may not be on screen yet: Export…
// belongs to the compare page and the filter to the runs table, which mount only once their
// runs are loaded. A request waits here until the part that answers it takes it.
import { create } from 'zustand';

export type UiRequest = 'export' | 'find';

interface UiRequestsState {
  pending: Record<UiRequest, boolean>;
  preferencesOpen: boolean;
  request: (what: UiRequest) => void;
  /** True when the request was pending: the caller answers it. */
  take: (what: UiRequest) => boolean;
  setPreferencesOpen: (open: boolean) => void;
}

export const useUiRequestsStore = create<UiRequestsState>()((set, get) => ({
  pending: { export: false, find: false },
  preferencesOpen: false,
  request: (what) => set((s) => ({ pending: { ...s.pending, [what]: true } })),
  take: (what) => {
    if (!get().pending[what]) return false;
    set((s) => ({ pending: { ...s.pending, [what]: false } }));
    return true;
  },
  setPreferencesOpen: (preferencesOpen) => set({ preferencesOpen }),
}));
