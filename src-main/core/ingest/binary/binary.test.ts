import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32c, maskedCrc32c } from './crc32c';
import { ProtobufError, ProtobufReader, WIRE } from './protobuf-reader';
import { f32, f64, varint } from '../../test-support/protobuf-writer';

describe('crc32c', () => {
  it('matches the standard check value and TFRecord masking', () => {
    // The CRC-32C catalogue check value for "123456789".
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa);
    const c = crc32c(new Uint8Array([1, 2, 3]));
    expect(maskedCrc32c(new Uint8Array([1, 2, 3]))).toBe((((c >>> 15) | (c << 17)) + 0xa282ead8) >>> 0);
  });
});

describe('ProtobufReader', () => {
  it('reads varints, doubles, floats, strings, nested and packed fields, and skips the rest', () => {
    const inner = [...varint((1 << 3) | WIRE.varint), ...varint(7)];
    const dbl = f64(1.5);
    const flt = f32(0.25);
    const packed = [...varint(1), ...varint(300), ...varint(2 ** 40)];
    const bytes = new Uint8Array([
      ...varint((1 << 3) | WIRE.fixed64), ...dbl,
      ...varint((2 << 3) | WIRE.varint), ...varint(2 ** 50),
      ...varint((3 << 3) | WIRE.bytes), 3, 0x61, 0x62, 0x63,
      ...varint((4 << 3) | WIRE.bytes), inner.length, ...inner,
      ...varint((5 << 3) | WIRE.fixed32), ...flt,
      ...varint((6 << 3) | WIRE.bytes), packed.length, ...packed,
      ...varint((99 << 3) | WIRE.fixed32), 1, 2, 3, 4,
    ]);
    const r = new ProtobufReader(bytes);
    const seen: unknown[] = [];
    for (let f = r.next(); f; f = r.next()) {
      if (f.no === 1) seen.push(r.double());
      else if (f.no === 2) seen.push(r.varint());
      else if (f.no === 3) seen.push(r.string());
      else if (f.no === 4) {
        const m = r.message();
        m.next();
        seen.push(m.varint());
      } else if (f.no === 5) seen.push(r.float());
      else if (f.no === 6) seen.push(r.repeated(f, (x) => x.varint()));
      else r.skip(f);
    }
    expect(seen).toEqual([1.5, 2 ** 50, 'abc', 7, 0.25, [1, 300, 2 ** 40]]);
  });

  it('reads negative int64 varints', () => {
    const r = new ProtobufReader(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect(r.int64()).toBe(-1);
  });

  it('never throws anything but ProtobufError and never loops on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = new ProtobufReader(bytes);
        try {
          for (let f = r.next(), n = 0; f && n < 1000; f = r.next(), n++) r.skip(f);
        } catch (e) {
          expect(e).toBeInstanceOf(ProtobufError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
