import { describe, expect, it } from 'vitest';
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
});
