import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PromotionProgress } from '../../../src-shared/promotion';
import { progressThrottle } from './progress-throttle';

describe('progressThrottle', () => {
  it('sums per-file progress over the push and lets one event through per 100 ms, plus each file’s end', () => {
    const out: PromotionProgress[] = [];
    let t = 0;
    const report = progressThrottle('p1', new Map([['a', 10], ['b', 100]]), (p) => out.push(p), () => t);
    report('a', 5, 10);
    t = 50;
    report('a', 10, 10);
    t = 60;
    report('b', 20, 100);
    t = 120;
    report('b', 40, 100);
    t = 180;
    report('b', 60, 100);
    t = 260;
    report('b', 80, 100);
    t = 261;
    report('b', 100, 100);
    expect(out.map((p) => [p.file, p.bytesDone, p.bytesTotal])).toEqual([
      ['a', 5, 110],
      ['a', 10, 110],
      ['b', 70, 110],
      ['b', 110, 110],
    ]);
    expect(out[0]).toMatchObject({ promotionId: 'p1', phase: 'upload' });
    expect(out.map((p) => [p.fileBytesDone, p.fileBytesTotal])).toEqual([
      [5, 10],
      [10, 10],
      [60, 100],
      [100, 100],
    ]);
  });

  describe('a stalled upload', () => {
    afterEach(() => vi.useRealTimers());

    it('still shows the figure it reached: a held report goes out when its interval ends', () => {
      vi.useFakeTimers();
      const out: PromotionProgress[] = [];
      let t = 0;
      const report = progressThrottle('p1', new Map([['big', 1000]]), (p) => out.push(p), () => t);
      report('big', 0, 1000);
      t = 10;
      report('big', 300, 1000);
      t = 20;
      report('big', 500, 1000);
      expect(out.map((p) => p.fileBytesDone)).toEqual([0]);
      t = 100;
      vi.advanceTimersByTime(100);
      expect(out.map((p) => p.fileBytesDone)).toEqual([0, 500]);
      vi.advanceTimersByTime(1000);
      expect(out).toHaveLength(2);
    });

    it('drops a held report when the file’s end goes out first', () => {
      vi.useFakeTimers();
      const out: PromotionProgress[] = [];
      let t = 0;
      const report = progressThrottle('p1', new Map([['f', 10]]), (p) => out.push(p), () => t);
      report('f', 0, 10);
      t = 5;
      report('f', 5, 10);
      report('f', 10, 10);
      vi.advanceTimersByTime(1000);
      expect(out.map((p) => p.fileBytesDone)).toEqual([0, 10]);
    });
  });
});
