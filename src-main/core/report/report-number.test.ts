import { describe, expect, it } from 'vitest';
import { reportDelta, reportNumber } from './report-number';

describe('reportNumber', () => {
  it('keeps seven significant digits, so float32 values read back as logged', () => {
    expect(reportNumber(0.30000000000000004)).toBe('0.3');
    expect(reportNumber(Math.fround(0.2))).toBe('0.2');
    expect(reportNumber(0.123456789)).toBe('0.1234568');
    expect(reportNumber(3.4e-5)).toBe('3.4e-5');
    expect(Number(reportNumber(Math.fround(0.7312)))).toBe(0.7312);
  });

  it('writes large numbers out instead of abbreviating them', () => {
    expect(reportNumber(12345.678)).toBe('12345.68');
    expect(reportNumber(1234567)).toBe('1234567');
    expect(reportNumber(2.5e20)).toBe('2.5e20');
  });

  it('marks missing and non-finite values, and signs deltas', () => {
    expect(reportNumber(null)).toBe('—');
    expect(reportNumber(Number.NaN)).toBe('NaN');
    expect(reportNumber(-Infinity)).toBe('-∞');
    expect(reportDelta(0.1)).toBe('+0.1');
    expect(reportDelta(-0.25)).toBe('-0.25');
    expect(reportDelta(0)).toBe('0');
    expect(reportDelta(null)).toBe('—');
  });
});
