import { describe, expect, it } from 'vitest';
import { valueTicks, xKind, xTicks, xValueLabel } from './axis-format';

describe('x axis labels', () => {
  it('knows the axis kind of a view', () => {
    expect(xKind('step')).toBe('step');
    expect(xKind('metric:val/loss')).toBe('metric');
  });

  it('formats steps and metric values compactly', () => {
    expect(xTicks('step', [0, 5000, 250_000], 5000)).toEqual(['0', '5k', '250k']);
    expect(xValueLabel('step', 12_345)).toBe('step 12,345');
  });

  it('formats relative time as durations', () => {
    expect(xTicks('relative', [0, 300_000, 3_600_000], 300_000)).toEqual(['0s', '5m 00s', '1h 00m']);
    expect(xTicks('relative', [0, 500], 500)).toEqual(['0s', '0.5s']);
    expect(xTicks('relative', [-120_000, 0], 60_000)).toEqual(['-2m 00s', '0s']);
  });

  it('prints the day on wall-time ticks only where it changes', () => {
    const t0 = new Date(2025, 10, 25, 23, 0).getTime();
    const hour = 3_600_000;
    expect(xTicks('time', [t0, t0 + hour, t0 + 2 * hour], hour)).toEqual(['23:00\nNov 25', '00:00\nNov 26', '01:00']);
    expect(xTicks('time', [t0, t0 + 86_400_000], 86_400_000)).toEqual(['Nov 25', 'Nov 26']);
  });
});

describe('value ticks', () => {
  it('stay compact when the spacing allows', () => {
    expect(valueTicks([0, 0.5, 1, 1.5], 0.5)).toEqual(['0', '0.5', '1', '1.5']);
    expect(valueTicks([0, 5000, 10_000], 5000)).toEqual(['0', '5k', '10k']);
  });

  it('get the digits a narrow range needs, so no two ticks read the same', () => {
    const ticks = [2.141, 2.143, 2.145, 2.147];
    const labels = valueTicks(ticks, 0.002);
    expect(new Set(labels).size).toBe(ticks.length);
    expect(labels).toEqual(['2.141', '2.143', '2.145', '2.147']);
    const big = valueTicks([100_000, 100_010, 100_020], 10);
    expect(big).toEqual(['100000', '100010', '100020']);
  });
});
