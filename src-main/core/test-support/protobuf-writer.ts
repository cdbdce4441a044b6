// A tiny protobuf writer for tests: just enough of the wire format (varints, fixed 32/64,
// length-delimited) to build the messages of the binary formats Runlens reads (TensorBoard
// events, W&B records).

export class Proto {
  private readonly out: number[] = [];

  private tag(no: number, wire: number): this {
    return this.raw(varint(no * 8 + wire));
  }

  raw(bytes: ArrayLike<number>): this {
    for (let i = 0; i < bytes.length; i++) this.out.push(bytes[i]!);
    return this;
  }

  varint(no: number, v: number | bigint): this {
    return this.tag(no, 0).raw(varint(v));
  }

  double(no: number, v: number): this {
    return this.tag(no, 1).raw(new Uint8Array(new Float64Array([v]).buffer));
  }

  float(no: number, v: number): this {
    return this.tag(no, 5).raw(new Uint8Array(new Float32Array([v]).buffer));
  }

  bytes(no: number, b: ArrayLike<number>): this {
    return this.tag(no, 2).raw(varint(b.length)).raw(b);
  }

  string(no: number, s: string): this {
    return this.bytes(no, new TextEncoder().encode(s));
  }

  message(no: number, m: Proto): this {
    return this.bytes(no, m.finish());
  }

  /** A packed repeated field of already-encoded elements. */
  packed(no: number, elements: ArrayLike<number>[]): this {
    const body: number[] = [];
    for (const e of elements) for (let i = 0; i < e.length; i++) body.push(e[i]!);
    return this.bytes(no, body);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

/** A varint; negative numbers as 10-byte two's complement, as int32/int64 fields carry them. */
export function varint(value: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

export const f32 = (v: number) => new Uint8Array(new Float32Array([v]).buffer);
export const f64 = (v: number) => new Uint8Array(new Float64Array([v]).buffer);
