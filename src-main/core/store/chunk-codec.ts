// Packs metric columns into little-endian Float64 blobs and back. Float64 keeps NaN and ±Inf
// bit-exact (SQLite REAL would turn NaN into NULL) and steps up to 2^53 exactly.

/** A view of the first `n` values; SQLite copies a bound blob, so the array may be reused after. */
export function packFloats(values: Float64Array, n = values.length): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, n * 8);
}

// A damaged database can hand back any bytes: say so, rather than let a typed-array
// constructor throw a RangeError (or fill the wrong values) far from the cause.
function checkWhole(blob: Buffer): number {
  if (blob.byteLength % 8 !== 0) throw new Error(`corrupt metric chunk: ${blob.byteLength} bytes is not a whole number of Float64 values`);
  return blob.byteLength / 8;
}

export function unpackFloats(blob: Buffer): Float64Array {
  // SQLite hands back a Buffer that may sit at an unaligned offset of a shared pool: copy.
  const out = new Float64Array(checkWhole(blob));
  new Uint8Array(out.buffer).set(blob);
  return out;
}

/** Decodes a blob straight into `out` from index `at`: one copy, however the blob is aligned. */
export function unpackInto(blob: Buffer, out: Float64Array, at: number): void {
  const n = checkWhole(blob);
  if (at + n > out.length) throw new Error(`corrupt metric chunk: ${n} values where ${out.length - at} were counted`);
  new Uint8Array(out.buffer, out.byteOffset + at * 8, blob.byteLength).set(blob);
}
