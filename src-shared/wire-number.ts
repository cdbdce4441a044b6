import type { WireNumber } from './domain';

/** Encodes a number for JSON, keeping NaN and ±Infinity as their names. */
export function toWire(n: number): WireNumber {
  if (Number.isFinite(n)) return n;
  if (Number.isNaN(n)) return 'NaN';
  return n > 0 ? 'Infinity' : '-Infinity';
}

/** Decodes a wire value back into a JS number. */
export function fromWire(w: WireNumber): number {
  if (typeof w === 'number') return w;
  if (w === 'NaN') return NaN;
  return w === 'Infinity' ? Infinity : -Infinity;
}
