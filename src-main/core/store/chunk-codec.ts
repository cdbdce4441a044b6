// Packs metric columns into little-endian Float64 blobs and back. Float64 keeps NaN and ±Inf
// bit-exact (SQLite REAL would turn NaN into NULL) and steps up to 2^53 exactly.

export function packFloats(values: ArrayLike<number>): Buffer {
  const arr = Float64Array.from(values as ArrayLike<number>);
  return Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength);
}

export function unpackFloats(blob: Buffer): Float64Array {
  // SQLite hands back a Buffer that may sit at an unaligned offset of a shared pool: copy.
  const out = new Float64Array(blob.byteLength / 8);
  new Uint8Array(out.buffer).set(blob);
  return out;
}
