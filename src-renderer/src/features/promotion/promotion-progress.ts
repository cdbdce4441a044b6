// Folding `promotion.progress` events into what the dialog draws: one row per file in the order
// the files started, each with its bytes; the phase the promotion is in. Events may arrive before
// the 202 answer that names the promotion, so they are kept by promotion id, not by dialog.
import type { PromotionProgress, PromotionRecord } from '../../../../src-shared/promotion';

export interface FileProgress {
  file: string;
  bytesDone: number;
  bytesTotal: number;
}

export interface PromotionProgressState {
  phase: PromotionProgress['phase'];
  files: FileProgress[];
}

export function applyProgress(prev: PromotionProgressState | undefined, event: PromotionProgress): PromotionProgressState {
  const files = prev?.files ?? [];
  if (!event.file) return { phase: event.phase, files };
  const index = files.findIndex((f) => f.file === event.file);
  const row: FileProgress = { file: event.file, bytesDone: event.bytesDone, bytesTotal: event.bytesTotal };
  if (index < 0) return { phase: event.phase, files: [...files, row] };
  // A retried upload starts a file again from zero: the newest event wins, even when smaller.
  const next = files.slice();
  next[index] = row;
  return { phase: event.phase, files: next };
}

/** Bytes over every file seen so far. */
export function totalProgress(state: PromotionProgressState | undefined): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const f of state?.files ?? []) {
    done += f.bytesDone;
    total += f.bytesTotal;
  }
  return { done, total };
}

/** Newest first, as the core lists them; ties by id so the order is stable. */
export function newestFirst(records: PromotionRecord[]): PromotionRecord[] {
  return [...records].sort((a, b) => b.startedAt - a.startedAt || b.id.localeCompare(a.id));
}
