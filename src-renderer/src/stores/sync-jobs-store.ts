// Pushes and pulls, by job id: those this window started and any other the core reports (a
// followed experiment's import, a push started from another window). The top bar shows the
// running ones, and how this window's own ones ended (and any failure) until dismissed: a
// followed experiment's quiet poll every few seconds is no news.
import { create } from 'zustand';
import type { SyncDone, SyncProgress } from '../../../src-shared/sync';
import { api } from '../api/client';
import { jobsSlice, type JobsSlice } from './background-jobs';

interface SyncJobsState extends JobsSlice<SyncProgress, SyncDone> {
  /** Jobs this window started. */
  ours: Record<string, true>;
  /** Ended jobs the user closed the notice of. */
  dismissed: Record<string, true>;
  dismiss: (jobId: string) => void;
}

export const useSyncJobsStore = create<SyncJobsState>()((set, get) => {
  const slice = jobsSlice<SyncProgress, SyncDone, SyncJobsState>(set, get, {
    progressId: (event) => event.jobId,
    doneId: (event) => event.jobId,
    fetchDone: async (id) => (await api.getSyncJob({ id })).done,
    lost: (jobId, why) => {
      const progress = get().byId[jobId]?.progress;
      return {
        jobId,
        direction: progress?.direction ?? 'push',
        remote: progress?.remote ?? '',
        outcome: 'failed',
        runs: [],
        points: progress?.points ?? 0,
        bytes: progress?.bytes ?? 0,
        error: `lost track of the job (${why})`,
      };
    },
  });
  return {
    ...slice,
    started: (jobId) => {
      slice.started(jobId);
      set((s) => ({ ours: { ...s.ours, [jobId]: true } }));
    },
    ours: {},
    dismissed: {},
    dismiss: (jobId) => set((s) => ({ dismissed: { ...s.dismissed, [jobId]: true } })),
  };
});
