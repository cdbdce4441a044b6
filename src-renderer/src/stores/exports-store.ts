// Exports started from this window, by id: their latest progress and how they ended.
import { create } from 'zustand';
import type { ReportDone, ReportProgress } from '../../../src-shared/report-export';
import { api } from '../api/client';
import { jobsSlice, type JobsSlice } from './background-jobs';

export const useExportsStore = create<JobsSlice<ReportProgress, ReportDone>>()((set, get) =>
  jobsSlice(set, get, {
    progressId: (event) => event.exportId,
    doneId: (event) => event.exportId,
    fetchDone: async (id) => (await api.getReportExport({ id })).done,
    lost: (exportId, why) => ({ exportId, files: [], error: `lost track of the export (${why})` }),
  }),
);
