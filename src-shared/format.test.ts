import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatNumber, formatTick } from './format';

describe('formatNumber', () => {
  it('keeps small and large values short', () => {
    expect(formatNumber(0.42131)).toBe('0.4213');
    expect(formatNumber(1234)).toBe('1.23k');
    expect(formatNumber(12_500_000)).toBe('12.5M');
    expect(formatNumber(3.4e-5)).toBe('3.4e-5');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(-0.5)).toBe('-0.5');
  });
  it('names the non-finite values', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('-∞');
  });
  it('gives axis ticks three significant digits', () => {
    expect(formatTick(19_900)).toBe('19.9k');
    expect(formatTick(0.000012345)).toBe('1.23e-5');
  });
});

describe('formatCount and formatDuration', () => {
  it('formats exactly and compactly', () => {
    expect(formatCount(10_000)).toBe('10,000');
    expect(formatDuration(42_000)).toBe('42s');
    expect(formatDuration(192_000)).toBe('3m 12s');
    expect(formatDuration(3_840_000)).toBe('1h 04m');
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000)).toBe('2d 3h');
  });
});

describe('formatBytes', () => {
  it('steps by 1024 and keeps three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(256 * 1024)).toBe('256 KB');
    expect(formatBytes(12.3 * 1024 * 1024)).toBe('12.3 MB');
    expect(formatBytes(1023.4 * 1024)).toBe('1023 KB');
    expect(formatBytes(5 * 1024 ** 5)).toBe('5120 TB');
  });
});
