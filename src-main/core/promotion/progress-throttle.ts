import type { PromotionProgress } from '../../../src-shared/promotion';

export const PROGRESS_INTERVAL_MS = 100;

/**
 * Folds an adapter's per-file progress into the whole push's and lets through at most one
 * event per interval (a fast upload reports every chunk), plus each file's end, so the last
 * figure a UI shows for a file is its full size.
 */
export function progressThrottle(
  promotionId: string,
  sizes: ReadonlyMap<string, number>,
  emit: (p: PromotionProgress) => void,
  now: () => number,
): (file: string, bytesDone: number, bytesTotal: number) => void {
  const done = new Map<string, number>();
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  let last = -Infinity;
  return (file, bytesDone, bytesTotal) => {
    done.set(file, Math.min(bytesDone, bytesTotal));
    const t = now();
    if (bytesDone < bytesTotal && t - last < PROGRESS_INTERVAL_MS) return;
    last = t;
    let sum = 0;
    for (const v of done.values()) sum += v;
    const fileDone = done.get(file) ?? 0;
    emit({ promotionId, phase: 'upload', file, bytesDone: Math.min(sum, total), bytesTotal: total, fileBytesDone: fileDone, fileBytesTotal: Math.max(bytesTotal, fileDone) });
  };
}
