import { describe, expect, it } from 'vitest';
import { asNumbers, buildAxis, wantsLogScale } from './parallel-axes';

describe('parallel-coordinates axes', () => {
  it('reads numbers from param text, and gives up on the first word', () => {
    expect(asNumbers(['1', ' 2.5 ', 3, null, undefined])).toEqual([1, 2.5, 3, null, null]);
    expect(asNumbers(['1', 'adam'])).toBeNull();
    expect(asNumbers(['1', ''])).toBeNull();
    expect(asNumbers(['NaN'])).toBeNull();
  });

  it('puts numbers on a linear axis widened to whole tick steps', () => {
    const axis = buildAxis('param:bs', ['16', '32', '64', undefined]);
    expect(axis.kind).toBe('linear');
    expect(axis.ticks.map((t) => t.label)).toEqual(['0', '20', '40', '60', '80']);
    expect(axis.positions).toEqual([0.2, 0.4, 0.8, null]);
  });

  it('uses a log axis when positive values span two decades or more', () => {
    expect(wantsLogScale([0.0001, 0.01])).toBe(true);
    expect(wantsLogScale([0.001, 0.01])).toBe(false);
    expect(wantsLogScale([0, 10, 1000])).toBe(false);
    const axis = buildAxis('param:lr', ['0.0001', '0.001', '0.01']);
    expect(axis.kind).toBe('log');
    expect(axis.positions.map((p) => p!.toFixed(3))).toEqual(['0.000', '0.500', '1.000']);
    expect(axis.ticks.map((t) => t.label)).toEqual(['1e-4', '0.001', '0.01']);
  });

  it('spaces categories evenly in natural order', () => {
    const axis = buildAxis('param:opt', ['sgd', 'adam', 'sgd', 'lion', null]);
    expect(axis.kind).toBe('category');
    expect(axis.ticks).toEqual([
      { at: 0, label: 'adam' },
      { at: 0.5, label: 'lion' },
      { at: 1, label: 'sgd' },
    ]);
    expect(axis.positions).toEqual([1, 0, 1, 0.5, null]);
    expect(buildAxis('c', ['v10', 'v2']).ticks.map((t) => t.label)).toEqual(['v2', 'v10']);
  });

  it('centres a single value, and labels only some of many categories', () => {
    expect(buildAxis('m', [0.5, 0.5]).positions).toEqual([0.5, 0.5]);
    expect(buildAxis('c', ['x']).positions).toEqual([0.5]);
    const many = buildAxis('seed', Array.from({ length: 40 }, (_, i) => `s${i}`));
    expect(many.ticks.length).toBeLessThanOrEqual(12);
    expect(many.ticks[0]!.label).toBe('s0');
  });
});
