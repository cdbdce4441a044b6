import { describe, expect, it } from 'vitest';
import { parseLenientJson } from './lenient-json';

describe('parseLenientJson', () => {
  it('reads the bare NaN and Infinity that Python writes, but not inside strings', () => {
    expect(parseLenientJson('{"a":NaN,"b":[Infinity,-Infinity],"c":"NaN and Infinity"}')).toEqual({
      a: 'NaN',
      b: ['Infinity', '-Infinity'],
      c: 'NaN and Infinity',
    });
    expect(parseLenientJson('{"s":"say \\"NaN\\"","v":NaN}')).toEqual({ s: 'say "NaN"', v: 'NaN' });
  });

  it('still rejects what is not JSON', () => {
    expect(() => parseLenientJson('{"a":')).toThrow();
    expect(() => parseLenientJson('{"a":NaN')).toThrow();
  });

  it('reads multi-megabyte strings and survives unterminated ones full of escaped quotes', () => {
    const long = 'x\\"'.repeat(1_000_000);
    expect(parseLenientJson(`{"v":NaN,"s":"${long}"}`)).toEqual({ v: 'NaN', s: 'x"'.repeat(1_000_000) });
    // Every escaped quote once opened a new regex attempt running to the end: quadratic.
    expect(() => parseLenientJson(`{"v":NaN,"s":"${'\\"'.repeat(1_000_000)}`)).toThrow(SyntaxError);
  });
});
