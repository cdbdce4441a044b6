import { describe, expect, it } from 'vitest';
import { gateSummary, percent, remoteVersionLabel, rulesToText, textToRules } from './gate-format';
import { applyProgress, newestFirst } from './promotion-progress';
import type { PromotionRecord } from '../../../../src-shared/promotion';

describe('gate display', () => {
  it('counts passed rules', () => {
    const rule = (passed: boolean) => ({ expression: 'x', passed, detail: '' });
    expect(gateSummary({ passed: true, baselineRunId: null, rules: [] })).toBe('No rules');
    expect(gateSummary({ passed: true, baselineRunId: null, rules: [rule(true)] })).toBe('1/1 rule passed');
    expect(gateSummary({ passed: false, baselineRunId: null, rules: [rule(true), rule(false), rule(true)] })).toBe('2/3 rules passed');
  });

  it('round-trips rules through the one-per-line editor, descriptions after #', () => {
    const rules = [{ expression: 'metrics.acc >= 0.9', description: 'good enough' }, { expression: 'inputs.have_digest' }];
    expect(textToRules(rulesToText(rules))).toEqual(rules);
    expect(textToRules('\n  metrics.loss < baseline.metrics.loss \n\n# only a comment\n')).toEqual([{ expression: 'metrics.loss < baseline.metrics.loss' }]);
  });

  it('names remote versions readably', () => {
    expect(remoteVersionLabel({ registryKind: 'mlflow', remoteVersion: '3' })).toBe('v3');
    expect(remoteVersionLabel({ registryKind: 'mlflow', remoteVersion: null })).toBeNull();
    expect(remoteVersionLabel({ registryKind: 'oci', remoteVersion: `sha256:${'ab'.repeat(32)}` })).toBe('sha256:abababababab');
  });

  it('keeps percent within 0..100 and 0 for an unknown size', () => {
    expect(percent(5, 0)).toBe(0);
    expect(percent(1, 3)).toBe(33);
    expect(percent(9, 3)).toBe(100);
  });
});

describe('promotion progress', () => {
  it('keeps one row per file in arrival order, the newest bytes winning', () => {
    const upload = (file: string, fileBytesDone: number, fileBytesTotal: number, bytesDone: number) =>
      ({ promotionId: 'p', phase: 'upload', file, bytesDone, bytesTotal: 105, fileBytesDone, fileBytesTotal }) as const;
    let s = applyProgress(undefined, { promotionId: 'p', phase: 'gate', file: null, bytesDone: 0, bytesTotal: 105 });
    expect(s).toEqual({ phase: 'gate', files: [], bytesDone: 0, bytesTotal: 105 });
    s = applyProgress(s, upload('model.pkl', 10, 100, 10));
    s = applyProgress(s, upload('MLmodel', 5, 5, 15));
    s = applyProgress(s, upload('model.pkl', 60, 100, 65));
    expect(s.files).toEqual([
      { file: 'model.pkl', bytesDone: 60, bytesTotal: 100 },
      { file: 'MLmodel', bytesDone: 5, bytesTotal: 5 },
    ]);
    expect([s.bytesDone, s.bytesTotal]).toEqual([65, 105]);
    s = applyProgress(s, { promotionId: 'p', phase: 'verify', file: null, bytesDone: 105, bytesTotal: 105 });
    expect(s.phase).toBe('verify');
    expect(s.files).toHaveLength(2);
  });

  it('orders records newest first', () => {
    const r = (id: string, startedAt: number) => ({ id, startedAt }) as PromotionRecord;
    expect(newestFirst([r('a', 1), r('b', 3), r('c', 2)]).map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
});
