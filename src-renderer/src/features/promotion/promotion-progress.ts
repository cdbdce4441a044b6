// Folding `promotion.progress` events into what the dialog draws: one row per file in the order
// the files started, each with its own bytes; the whole push's bytes; the phase it is in. Events may arrive before
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
  /** Over the whole push. */
  bytesDone: number;
  bytesTotal: number;
}

export function applyProgress(prev: PromotionProgressState | undefined, event: PromotionProgress): PromotionProgressState {
  const files = prev?.files ?? [];
  const whole = { phase: event.phase, bytesDone: event.bytesDone, bytesTotal: event.bytesTotal };
  if (!event.file) return { ...whole, files };
  const index = files.findIndex((f) => f.file === event.file);
  const row: FileProgress = { file: event.file, bytesDone: event.fileBytesDone ?? 0, bytesTotal: event.fileBytesTotal ?? 0 };
  if (index < 0) return { ...whole, files: [...files, row] };
  // A retried upload starts a file again from zero: the newest event wins, even when smaller.
  const next = files.slice();
  next[index] = row;
  return { ...whole, files: next };
}

/** Newest first, as the core lists them; ties by id so the order is stable. */
export function newestFirst(records: PromotionRecord[]): PromotionRecord[] {
  return [...records].sort((a, b) => b.startedAt - a.startedAt || b.id.localeCompare(a.id));
}
