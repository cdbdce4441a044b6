// Short-lived notes in the window's corner (in serve mode, the alerts the core raises). The
// stack shows the newest few; each leaves after a while unless the pointer rests on it.
import { create } from 'zustand';
import type { Route } from '../lib/hash-router';

export interface Toast {
  id: number;
  title: string;
  detail: string;
  /** The title's colour (a run's colour); null: the text colour. */
  color: string | null;
  /** Where a click on the toast goes; null: nowhere. */
  route: Route | null;
  /** Called once the toast is clicked (e.g. marks its alert read). */
  onOpen?: () => void;
}

/** Toasts shown at once; the rest wait behind "+N more". */
export const TOASTS_SHOWN = 3;
/** Past this many waiting, the oldest are dropped: they are news no longer. */
const TOASTS_KEPT = 50;

interface ToastsState {
  /** Newest first. */
  toasts: Toast[];
  show: (toast: Omit<Toast, 'id'>) => number;
  dismiss: (id: number) => void;
  clear: () => void;
}

let nextId = 1;

export const useToastsStore = create<ToastsState>()((set) => ({
  toasts: [],
  show: (toast) => {
    const id = nextId++;
    set((s) => ({ toasts: [{ ...toast, id }, ...s.toasts].slice(0, TOASTS_KEPT) }));
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  clear: () => set({ toasts: [] }),
}));
