// What a menu item or shortcut asked of a part of the UI that may not be on screen yet: Export…
// belongs to the compare page and the filter to the runs table, which mount only once their
// runs are loaded. A request waits here until the part that answers it takes it, or until the
// user goes to another page (a request left from a comparison that never showed is stale).
import { create } from 'zustand';
import type { Route } from '../lib/hash-router';

export type UiRequest = 'export' | 'find';

/** The page that answers each request. */
const ANSWERED_ON: Record<UiRequest, Route['page']> = { export: 'compare', find: 'runs' };

interface UiRequestsState {
  pending: Record<UiRequest, boolean>;
  preferencesOpen: boolean;
  request: (what: UiRequest) => void;
  /** True when the request was pending: the caller answers it. */
  take: (what: UiRequest) => boolean;
  /** Another page shows: requests it does not answer are dropped. */
  pageShown: (page: Route['page']) => void;
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
  pageShown: (page) =>
    set((s) => ({ pending: { export: s.pending.export && ANSWERED_ON.export === page, find: s.pending.find && ANSWERED_ON.find === page } })),
  setPreferencesOpen: (preferencesOpen) => set({ preferencesOpen }),
}));
