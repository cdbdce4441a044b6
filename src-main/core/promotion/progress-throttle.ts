import type { PromotionProgress } from '../../../src-shared/promotion';

export const PROGRESS_INTERVAL_MS = 100;

/**
 * Folds an adapter's per-file progress into the whole push's and lets through at most one
 * event per interval (a fast upload reports every chunk), plus each file's end, so the last
 * figure a UI shows for a file is its full size. A report held back is sent when its interval
 * ends: an upload that stalls (a slow or stuck registry) shows what it reached, not an older
 * figure.
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
  let held: { file: string; bytesTotal: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const send = (file: string, bytesTotal: number) => {
    if (timer) clearTimeout(timer);
    timer = null;
    held = null;
    last = now();
    let sum = 0;
    for (const v of done.values()) sum += v;
    const fileDone = done.get(file) ?? 0;
    emit({ promotionId, phase: 'upload', file, bytesDone: Math.min(sum, total), bytesTotal: total, fileBytesDone: fileDone, fileBytesTotal: Math.max(bytesTotal, fileDone) });
  };

  return (file, bytesDone, bytesTotal) => {
    done.set(file, Math.min(bytesDone, bytesTotal));
    const wait = PROGRESS_INTERVAL_MS - (now() - last);
    if (bytesDone >= bytesTotal || wait <= 0) return send(file, bytesTotal);
    held = { file, bytesTotal };
    timer ??= setTimeout(() => held && send(held.file, held.bytesTotal), wait);
    // A held report must not keep a CLI process alive after its push ended.
    timer.unref?.();
  };
}
