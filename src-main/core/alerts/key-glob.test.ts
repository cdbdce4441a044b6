import { describe, expect, it } from 'vitest';
import { compileKeyGlob } from './key-glob';

describe('compileKeyGlob', () => {
  it('matches stars, question marks and comma-separated alternatives, ignoring case', () => {
    const m = compileKeyGlob('*loss*, *NLL');
    for (const k of ['loss', 'val_loss', 'train/Loss_total', 'LOSS', 'nll', 'token_nll']) expect(m(k), k).toBe(true);
    for (const k of ['accuracy', 'los', 'nll_extra', 'lr']) expect(m(k), k).toBe(false);
    const q = compileKeyGlob('step?_acc');
    expect(q('step1_acc')).toBe(true);
    expect(q('step_acc')).toBe(false);
    expect(q('step12_acc')).toBe(false);
    expect(compileKeyGlob('exact')('exact')).toBe(true);
    expect(compileKeyGlob('exact')('exactly')).toBe(false);
    expect(compileKeyGlob('*')('anything')).toBe(true);
  });

  it('treats regex metacharacters as themselves', () => {
    const m = compileKeyGlob('val.(loss)[0]+$^|\\d{2}');
    expect(m('val.(loss)[0]+$^|\\d{2}')).toBe(true);
    expect(m('valX(loss)[0]+$^|\\d{2}')).toBe(false);
    expect(m('val.loss0')).toBe(false);
    expect(compileKeyGlob('a.c')('abc')).toBe(false);
    expect(compileKeyGlob('.*')('anything')).toBe(false);
    expect(compileKeyGlob('.*')('.x')).toBe(true);
  });

  it('stays linear-ish on patterns that make backtracking regexes explode', () => {
    // `a*a*a*…b` against a long run of `a`: exponential for a naive backtracker. A timed assertion
    // is not allowed here; the test would hang instead of passing if matching were exponential.
    const pattern = `${'a*'.repeat(120)}b`;
    const key = 'a'.repeat(250);
    expect(compileKeyGlob(pattern)(key)).toBe(false);
    expect(compileKeyGlob(pattern)(`${key}b`)).toBe(true);
    expect(compileKeyGlob('*'.repeat(250))('')).toBe(true);
  });
});
