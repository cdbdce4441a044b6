import { create } from 'zustand';
import type { ConnectionState } from '../api/event-feed';

interface ConnectionStore {
  state: ConnectionState;
  setState: (state: ConnectionState) => void;
}

export const useConnectionStore = create<ConnectionStore>()((set) => ({
  state: 'connecting',
  setState: (state) => set({ state }),
}));
