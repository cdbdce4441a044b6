// The one number a scalar TensorProto holds (tensorflow/tensorboard `compat/proto/tensor.proto`,
// `types.proto`). TF2 scalar summaries (Keras, tf.summary.scalar) are rank-0 tensors rather than
// `simple_value`; their number sits either in `tensor_content` (raw little-endian bytes) or in
// the repeated field of its dtype, packed or not.
import { ProtobufReader, WIRE, type Field } from '../binary/protobuf-reader';

export const DTYPE = { FLOAT: 1, DOUBLE: 2, INT32: 3, INT64: 9, BF16: 14, HALF: 19 } as const;

const FIELD = { dtype: 1, shape: 2, content: 4, floatVal: 5, doubleVal: 6, intVal: 7, int64Val: 10, halfVal: 13 } as const;
const SHAPE_DIM = 2;
const SHAPE_UNKNOWN_RANK = 3;
const DIM_SIZE = 1;

/** Bytes per element in `tensor_content`, per supported dtype. */
const CONTENT_BYTES: Record<number, number> = { 1: 4, 2: 8, 3: 4, 9: 8, 14: 2, 19: 2 };

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 half precision from its 16 bits. */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** bfloat16 is the top half of a float32. */
export function bf16ToNumber(bits: number): number {
  u32[0] = (bits & 0xffff) << 16;
  return f32[0]!;
}

/**
 * The value of a single-element tensor of a numeric dtype Runlens reads (FLOAT, DOUBLE, INT32,
 * INT64, BF16, HALF), or null for anything else: other dtypes, several elements, no value.
 * Throws ProtobufError on malformed bytes.
 */
export function tensorScalar(bytes: Uint8Array): number | null {
  const r = new ProtobufReader(bytes);
  let dtype = 0;
  let elements = 1;
  let content: Uint8Array | null = null;
  // The first value of each repeated field, by field number: the dtype may come after them.
  const firsts = new Map<number, number>();
  for (let f = r.next(); f; f = r.next()) {
    switch (f.no) {
      case FIELD.dtype:
        dtype = r.varint();
        break;
      case FIELD.shape:
        elements = shapeElements(r.message());
        break;
      case FIELD.content:
        content = r.bytes();
        break;
      case FIELD.floatVal:
      case FIELD.doubleVal:
      case FIELD.intVal:
      case FIELD.int64Val:
      case FIELD.halfVal: {
        const v = firstValue(r, f);
        if (v !== null && !firsts.has(f.no)) firsts.set(f.no, v);
        break;
      }
      default:
        r.skip(f);
    }
  }
  const size = CONTENT_BYTES[dtype];
  if (size === undefined || elements !== 1) return null;
  if (content !== null && content.length > 0) return content.length === size ? fromContent(content, dtype) : null;
  const first = firsts.get(valueFieldOf(dtype));
  if (first === undefined) return null;
  if (dtype === DTYPE.HALF) return halfToNumber(first);
  if (dtype === DTYPE.BF16) return bf16ToNumber(first);
  return first;
}

/** The repeated field a dtype's values go in; bf16 shares half_val (tensor.proto). */
function valueFieldOf(dtype: number): number {
  switch (dtype) {
    case DTYPE.FLOAT:
      return FIELD.floatVal;
    case DTYPE.DOUBLE:
      return FIELD.doubleVal;
    case DTYPE.INT32:
      return FIELD.intVal;
    case DTYPE.INT64:
      return FIELD.int64Val;
    default:
      return FIELD.halfVal;
  }
}

/** The first element of a repeated numeric field, packed or not; null when packed and empty. */
function firstValue(r: ProtobufReader, f: Field): number | null {
  const read = f.no === FIELD.floatVal ? readFloat : f.no === FIELD.doubleVal ? readDouble : readInt;
  const values = r.repeated(f, read);
  return values.length > 0 ? values[0]! : null;
}

const readFloat = (r: ProtobufReader) => r.float();
const readDouble = (r: ProtobufReader) => r.double();
const readInt = (r: ProtobufReader) => r.int64();

function fromContent(c: Uint8Array, dtype: number): number {
  const v = new DataView(c.buffer, c.byteOffset, c.byteLength);
  switch (dtype) {
    case DTYPE.FLOAT:
      return v.getFloat32(0, true);
    case DTYPE.DOUBLE:
      return v.getFloat64(0, true);
    case DTYPE.INT32:
      return v.getInt32(0, true);
    case DTYPE.INT64:
      return Number(v.getBigInt64(0, true));
    case DTYPE.BF16:
      return bf16ToNumber(v.getUint16(0, true));
    default:
      return halfToNumber(v.getUint16(0, true));
  }
}

/** Elements in a TensorShapeProto: the product of its dims (1 for rank 0), -1 if unknown. */
function shapeElements(r: ProtobufReader): number {
  let n = 1;
  for (let f = r.next(); f; f = r.next()) {
    if (f.no === SHAPE_DIM && f.wire === WIRE.bytes) {
      const dim = r.message();
      let size = 0;
      for (let d = dim.next(); d; d = dim.next()) {
        if (d.no === DIM_SIZE && d.wire === WIRE.varint) size = dim.int64();
        else dim.skip(d);
      }
      n *= size;
    } else if (f.no === SHAPE_UNKNOWN_RANK && f.wire === WIRE.varint) {
      if (r.bool()) n = -1;
    } else r.skip(f);
  }
  return n;
}
