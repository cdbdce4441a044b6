// Exports started from this window, by id: their latest progress and how they ended. Events can
// arrive before exportReport's answer (SSE and the request travel apart), so they are kept by id
// and the dialog looks its export up once it knows the id.
import { create } from 'zustand';
import type { ReportDone, ReportProgress } from '../../../src-shared/report-export';

export interface ExportState {
  progress: ReportProgress | null;
  done: ReportDone | null;
}

interface ExportsState {
  byId: Record<string, ExportState>;
  progressed: (event: ReportProgress) => void;
  finished: (event: ReportDone) => void;
}

const EMPTY: ExportState = { progress: null, done: null };

export const useExportsStore = create<ExportsState>()((set) => ({
  byId: {},
  progressed: (event) =>
    set((s) => {
      const current = s.byId[event.exportId] ?? EMPTY;
      // A report of progress held up behind the end says nothing new.
      if (current.done) return s;
      return { byId: { ...s.byId, [event.exportId]: { ...current, progress: event } } };
    }),
  finished: (event) => set((s) => ({ byId: { ...s.byId, [event.exportId]: { ...(s.byId[event.exportId] ?? EMPTY), done: event } } })),
}));
