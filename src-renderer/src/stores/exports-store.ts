// Exports started from this window, by id: their latest progress and how they ended. Events can
// arrive before exportReport's answer (SSE and the request travel apart), so they are kept by id
// and the dialog looks its export up once it knows the id.
import { create } from 'zustand';
import type { ReportDone, ReportProgress } from '../../../src-shared/report-export';
import { api } from '../api/client';

export interface ExportState {
  progress: ReportProgress | null;
  done: ReportDone | null;
}

interface ExportsState {
  byId: Record<string, ExportState>;
  /** The core answered with this id: the export is ours to follow. */
  started: (exportId: string) => void;
  progressed: (event: ReportProgress) => void;
  finished: (event: ReportDone) => void;
  /** Reconnected: a running export may have ended while no event could arrive. */
  refetch: () => Promise<void>;
}

const EMPTY: ExportState = { progress: null, done: null };

export const useExportsStore = create<ExportsState>()((set, get) => ({
  byId: {},
  started: (exportId) => set((s) => (s.byId[exportId] ? s : { byId: { ...s.byId, [exportId]: EMPTY } })),
  progressed: (event) =>
    set((s) => {
      const current = s.byId[event.exportId] ?? EMPTY;
      // A report of progress held up behind the end says nothing new.
      if (current.done) return s;
      return { byId: { ...s.byId, [event.exportId]: { ...current, progress: event } } };
    }),
  finished: (event) => set((s) => ({ byId: { ...s.byId, [event.exportId]: { ...(s.byId[event.exportId] ?? EMPTY), done: event } } })),
  refetch: async () => {
    const running = Object.entries(get().byId).filter(([, state]) => !state.done);
    await Promise.all(
      running.map(([id]) =>
        api.getReportExport({ id }).then(
          ({ done }) => done && get().finished(done),
          // The core restarted and forgot it: say so rather than spin forever.
          (error: unknown) => get().finished({ exportId: id, files: [], error: `lost track of the export (${error instanceof Error ? error.message : String(error)})` }),
        ),
      ),
    );
  },
}));
