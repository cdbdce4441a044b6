// Which model the "Promote model…" dialog is open for. One dialog for the whole app, opened from
// the run page, the lineage panel and the compare page alike.
import { create } from 'zustand';
import type { PromoteTarget } from '../features/promotion/promote-dialog-state';

interface PromoteDialogState {
  target: PromoteTarget | null;
  open: (target: PromoteTarget) => void;
  close: () => void;
}

export const usePromoteDialogStore = create<PromoteDialogState>()((set) => ({
  target: null,
  open: (target) => set({ target }),
  close: () => set({ target: null }),
}));
