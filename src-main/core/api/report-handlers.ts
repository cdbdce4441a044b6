// Comparison reports through the contract: the export starts in the background and answers
// its id; progress and the files come as events (see report-exports.ts).
import type { Handlers } from '../../../src-shared/contract';
import type { ReportExports } from '../report/report-exports';

export function createReportHandlers(exports: ReportExports): Pick<Handlers, 'exportReport' | 'getReportExport'> {
  return {
    exportReport: (input) => exports.start(input),
    getReportExport: ({ id }) => exports.status(id),
  };
}
