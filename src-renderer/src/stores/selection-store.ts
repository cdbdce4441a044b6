// Runs checked in the table for comparison. Kept in check order, so the first checked run is
// the comparison's first column and default baseline.
import { create } from 'zustand';

interface SelectionState {
  checked: string[];
  /** The last run clicked without shift: the other end of a shift-click range. */
  anchor: string | null;
  /** A click on a row's box; with shift, sets every run between the anchor and it (in `visible` order) like the anchor. */
  toggle: (runId: string, shift: boolean, visible: readonly string[]) => void;
  /** "Select all visible": checks them all, or unchecks them all when all are already checked. */
  toggleAll: (visible: readonly string[]) => void;
  clear: () => void;
}

export const useSelectionStore = create<SelectionState>()((set, get) => ({
  checked: [],
  anchor: null,

  toggle: (runId, shift, visible) => {
    const { checked, anchor } = get();
    const from = anchor ? visible.indexOf(anchor) : -1;
    const to = visible.indexOf(runId);
    if (shift && from >= 0 && to >= 0) {
      const range = visible.slice(Math.min(from, to), Math.max(from, to) + 1);
      const on = checked.includes(anchor!);
      set({ checked: on ? [...checked, ...range.filter((id) => !checked.includes(id))] : checked.filter((id) => !range.includes(id)) });
      return;
    }
    set({ checked: checked.includes(runId) ? checked.filter((id) => id !== runId) : [...checked, runId], anchor: runId });
  },

  toggleAll: (visible) => {
    const { checked } = get();
    const allOn = visible.length > 0 && visible.every((id) => checked.includes(id));
    set({ checked: allOn ? checked.filter((id) => !visible.includes(id)) : [...checked, ...visible.filter((id) => !checked.includes(id))] });
  },

  clear: () => set({ checked: [], anchor: null }),
}));
