// Push events from the core to every UI, over SSE (serve mode) or IPC (Electron).
import type { RunSummary, WatchRoot } from './domain';
import type { PromotionProgress, PromotionRecord } from './promotion';
import type { ReportDone, ReportProgress } from './report-export';
import type { SyncDone, SyncProgress } from './sync';
import type { Alert } from './alerts';

export interface CoreEvents {
  /** A run was created or any of its fields, params, tags or summaries changed. */
  'run.updated': { run: RunSummary };
  /** Points were appended to these keys of a run. */
  'points.appended': { runId: string; keys: string[] };
  /** A watched folder gained, lost or hit a problem. */
  'watch.changed': { root: WatchRoot };
  /** These dataset names gained a version (or a run recorded one): lists, lineage and badges are stale. */
  'datasets.changed': { names: string[] };
  /** A promotion moved on (per file while uploading). */
  'promotion.progress': PromotionProgress;
  /** A promotion record was written or finished. */
  'promotion.updated': { record: PromotionRecord };
  /** An export (exportReport) moved on. */
  'report.progress': ReportProgress;
  /** An export ended: its files, or why it failed. */
  'report.done': ReportDone;
  /** A push or pull (pushRuns / pullRuns) moved on. */
  'sync.progress': SyncProgress;
  /** A push or pull ended. */
  'sync.done': SyncDone;
  /** A rule fired for a run (the desktop app shows an OS notification, serve mode a toast). */
  'alert.raised': { alert: Alert };
  /** Alerts were marked read (`ids` null: all), by any UI or a click on an OS notification. */
  'alerts.read': { ids: number[] | null };
}
export type CoreEventName = keyof CoreEvents;
export type CoreEvent = { [K in CoreEventName]: { type: K; data: CoreEvents[K] } }[CoreEventName];
