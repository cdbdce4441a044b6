// Promotion records (append-only in the core, so a record only ever changes while `running`)
// and the live progress of running ones. Records are kept by id; the Models page and a run's
// Promotions panel derive their lists from them, so a `promotion.updated` lands in both at once.
import { create } from 'zustand';
import type { PromotionProgress, PromotionRecord } from '../../../src-shared/promotion';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';
import { applyProgress, newestFirst, type PromotionProgressState } from '../features/promotion/promotion-progress';

type LoadStatus = 'loading' | 'ready' | 'error';

interface PromotionsState {
  byId: Record<string, PromotionRecord>;
  /** Whether every record was loaded (the Models page), and how that went. */
  all: { status: LoadStatus | 'idle'; error: string | null };
  /** Runs whose records were asked for (run pages open). */
  runs: Record<string, { status: LoadStatus; error: string | null }>;
  progress: Record<string, PromotionProgressState>;
  loadAll: () => Promise<void>;
  requestRun: (runId: string) => Promise<void>;
  forgetRun: (runId: string) => void;
  recordUpdated: (record: PromotionRecord) => void;
  progressed: (event: PromotionProgress) => void;
  /** Reconnected: what is loaded may have missed events. */
  refetch: () => void;
}

function withRecords(byId: Record<string, PromotionRecord>, records: PromotionRecord[]): Record<string, PromotionRecord> {
  const next = { ...byId };
  for (const r of records) next[r.id] = r;
  return next;
}

export const usePromotionsStore = create<PromotionsState>()((set, get) => ({
  byId: {},
  all: { status: 'idle', error: null },
  runs: {},
  progress: {},

  loadAll: async () => {
    if (get().all.status !== 'ready') set({ all: { status: 'loading', error: null } });
    try {
      const { promotions } = await api.listPromotions({});
      set((s) => ({ byId: withRecords(s.byId, promotions), all: { status: 'ready', error: null } }));
    } catch (error) {
      set({ all: { status: 'error', error: errorMessage(error) } });
    }
  },

  requestRun: async (runId) => {
    if (get().runs[runId]?.status !== 'ready') set((s) => ({ runs: { ...s.runs, [runId]: { status: 'loading', error: null } } }));
    try {
      const { promotions } = await api.listPromotions({ runId });
      set((s) => (s.runs[runId] ? { byId: withRecords(s.byId, promotions), runs: { ...s.runs, [runId]: { status: 'ready', error: null } } } : s));
    } catch (error) {
      set((s) => (s.runs[runId] ? { runs: { ...s.runs, [runId]: { status: 'error', error: errorMessage(error) } } } : s));
    }
  },

  forgetRun: (runId) =>
    set((s) => {
      const { [runId]: _gone, ...rest } = s.runs;
      return { runs: rest };
    }),

  recordUpdated: (record) =>
    set((s) => {
      const byId = { ...s.byId, [record.id]: record };
      if (record.outcome === 'running') return { byId };
      // The bars are for a running promotion only; the record now says how it ended.
      const { [record.id]: _done, ...progress } = s.progress;
      return { byId, progress };
    }),

  progressed: (event) =>
    set((s) => ({ progress: { ...s.progress, [event.promotionId]: applyProgress(s.progress[event.promotionId], event) } })),

  refetch: () => {
    if (get().all.status !== 'idle') void get().loadAll();
    for (const runId of Object.keys(get().runs)) void get().requestRun(runId);
  },
}));

/** Records in the store, newest first; those of one run when `runId` is given. */
export function selectRecords(byId: Record<string, PromotionRecord>, runId?: string): PromotionRecord[] {
  return newestFirst(Object.values(byId).filter((r) => !runId || r.runId === runId));
}
