import type { WireNumber } from './domain';

/** Encodes a number for JSON, keeping NaN and ±Infinity as their names. */
export function toWire(n: number): WireNumber {
  if (Number.isFinite(n)) return n;
  if (Number.isNaN(n)) return 'NaN';
  return n > 0 ? 'Infinity' : '-Infinity';
}

/** Python spellings (`float('nan')` prints as nan, inf) that writers also send. */
export type WireNumberInput = WireNumber | 'nan' | 'inf' | '-inf';

/** Decodes a wire value back into a JS number. */
export function fromWire(w: WireNumberInput): number {
  if (typeof w === 'number') return w;
  if (w === 'NaN' || w === 'nan') return NaN;
  return w.startsWith('-') ? -Infinity : Infinity;
}
