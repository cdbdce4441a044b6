// A tiny protobuf and TFRecord writer for TensorBoard event files, for tests and the bench:
// just enough of the wire format (varints, fixed 32/64, length-delimited) to build the messages
// tensorboardX and TensorFlow write.
import { maskedCrc32c } from '../ingest/binary/crc32c';

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

/** TFRecord framing: u64 length | masked CRC of it | data | masked CRC of the data. */
export function record(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(16 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length, true);
  view.setUint32(4, Math.floor(data.length / 2 ** 32), true);
  view.setUint32(8, maskedCrc32c(out, 0, 8), true);
  out.set(data, 12);
  view.setUint32(12 + data.length, maskedCrc32c(data), true);
  return out;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An Event with the given summary values (each a Summary.Value message). */
export function event(wallTime: number, step: number | bigint, values: Proto[]): Uint8Array {
  const summary = new Proto();
  for (const v of values) summary.message(1, v);
  return new Proto().double(1, wallTime).varint(2, step).message(5, summary).finish();
}

export function fileVersionEvent(wallTime: number): Uint8Array {
  return new Proto().double(1, wallTime).string(3, 'brain.Event:2').finish();
}

/** SummaryMetadata naming a plugin (and its content). */
export function pluginMetadata(plugin: string, content?: Uint8Array): Proto {
  const data = new Proto().string(1, plugin);
  if (content) data.bytes(2, content);
  return new Proto().message(1, data);
}

export function simpleValue(tag: string, value: number, metadata?: Proto): Proto {
  const v = new Proto().string(1, tag).float(2, value);
  return metadata ? v.message(9, metadata) : v;
}

/** A Summary.Value holding a tensor, with the `scalars` plugin's metadata unless told otherwise. */
export function tensorValue(tag: string, tensor: Proto, metadata: Proto | null = pluginMetadata('scalars')): Proto {
  const v = new Proto().string(1, tag).message(8, tensor);
  return metadata ? v.message(9, metadata) : v;
}

/** A TensorShapeProto with the given dims (none: rank 0). */
export function shape(...dims: number[]): Proto {
  const s = new Proto();
  for (const d of dims) s.message(2, new Proto().varint(1, d));
  return s;
}

/** An hparams session-start summary value, as tensorboardX's add_hparams writes it. */
export function hparamsValue(hparams: Record<string, number | string | boolean>): Proto {
  const info = new Proto();
  for (const [key, value] of Object.entries(hparams)) {
    const v = new Proto();
    if (typeof value === 'number') v.double(2, value);
    else if (typeof value === 'string') v.string(3, value);
    else v.varint(4, value ? 1 : 0);
    info.message(1, new Proto().string(1, key).message(2, v));
  }
  const content = new Proto().varint(1, 0).message(3, info).finish();
  return new Proto().string(1, '_hparams_/session_start_info').message(9, pluginMetadata('hparams', content));
}
