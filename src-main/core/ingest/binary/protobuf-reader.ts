// A minimal protobuf wire-format reader: enough to walk any message field by field without
// generated code or a schema file. Unknown fields are skipped by their wire type; every read is
// bounds-checked and throws ProtobufError on malformed input, never reads past the buffer.

export class ProtobufError extends Error {
  override name = 'ProtobufError';
}

export const WIRE = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 } as const;

export interface Field {
  /** Field number from the .proto file. */
  no: number;
  wire: number;
}

export class ProtobufReader {
  private pos: number;
  private readonly view: DataView;

  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    private readonly end = buf.length,
    /** A view of `buf`, shared by the readers of embedded messages (one DataView per buffer). */
    view?: DataView,
  ) {
    if (end > buf.length || start > end) throw new ProtobufError('message bounds outside the buffer');
    this.pos = start;
    this.view = view ?? new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** The next field's tag, or null at the end of the message. */
  next(): Field | null {
    if (this.done) return null;
    const tag = this.varint();
    const no = Math.floor(tag / 8);
    if (no === 0) throw new ProtobufError('field number 0');
    return { no, wire: tag % 8 };
  }

  /** A varint as a JS number (exact up to 2^53; int64 steps and counts fit). */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ProtobufError('truncated varint');
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 128;
    }
    throw new ProtobufError('varint longer than 10 bytes');
  }

  /**
   * A signed int64/int32 varint. Negative values arrive as 10-byte two's-complement varints,
   * beyond a double's precision, so those (rare) ones are decoded again exactly as a BigInt.
   */
  int64(): number {
    const start = this.pos;
    const v = this.varint();
    if (v < Number.MAX_SAFE_INTEGER) return v;
    let big = 0n;
    for (let i = start, shift = 0n; i < this.pos; i++, shift += 7n) big |= BigInt(this.buf[i]! & 0x7f) << shift;
    return Number(BigInt.asIntN(64, big));
  }

  bool(): boolean {
    return this.varint() !== 0;
  }

  double(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  float(): number {
    this.need(4);
    const v = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }

  fixed32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  fixed64(): number {
    this.need(8);
    const lo = this.view.getUint32(this.pos, true);
    const hi = this.view.getUint32(this.pos + 4, true);
    this.pos += 8;
    return hi * 2 ** 32 + lo;
  }

  /** A length-delimited field's bytes (a view, not a copy). */
  bytes(): Uint8Array {
    const len = this.varint();
    this.need(len);
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  string(): string {
    return new TextDecoder('utf-8', { fatal: false }).decode(this.bytes());
  }

  /** A reader over an embedded message (over the same buffer: no copy, no new view). */
  message(): ProtobufReader {
    const len = this.varint();
    this.need(len);
    const start = this.pos;
    this.pos += len;
    return new ProtobufReader(this.buf, start, this.pos, this.view);
  }

  /** Packed repeated numbers, or one unpacked element, for a repeated numeric field. */
  repeated(field: Field, read: (r: ProtobufReader) => number): number[] {
    if (field.wire !== WIRE.bytes) return [read(this)];
    const inner = this.message();
    const out: number[] = [];
    while (!inner.done) out.push(read(inner));
    return out;
  }

  skip(field: Field): void {
    switch (field.wire) {
      case WIRE.varint:
        this.varint();
        return;
      case WIRE.fixed64:
        this.need(8);
        this.pos += 8;
        return;
      case WIRE.bytes:
        this.bytes();
        return;
      case WIRE.fixed32:
        this.need(4);
        this.pos += 4;
        return;
      case WIRE.startGroup: {
        // Deprecated groups: skip fields until the matching end-group tag.
        for (;;) {
          const f = this.next();
          if (!f) throw new ProtobufError('unterminated group');
          if (f.wire === WIRE.endGroup) return;
          this.skip(f);
        }
      }
      default:
        throw new ProtobufError(`unknown wire type ${field.wire}`);
    }
  }

  private need(n: number): void {
    if (n < 0 || this.pos + n > this.end) throw new ProtobufError('field runs past the end of the message');
  }
}
