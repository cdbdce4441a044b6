import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { event, hparamsValue, pluginMetadata, shape, simpleValue, tensorValue } from '../../test-support/tfevents';
import { f32, f64, Proto, varint } from '../../test-support/protobuf-writer';
import { ProtobufError } from '../binary/protobuf-reader';
import { EventDecoder, eventWallTime, type EventSink } from './event-decoder';
import { bf16ToNumber, DTYPE, halfToNumber } from './tensor-scalar';

interface Seen {
  scalars: [string, number, number, number][];
  hparams: Record<string, string>[];
  unreadable: string[];
}

function decoderSink(): { sink: EventSink; seen: Seen } {
  const seen: Seen = { scalars: [], hparams: [], unreadable: [] };
  return {
    seen,
    sink: {
      scalar: (tag, value, step, wall) => seen.scalars.push([tag, value, step, wall]),
      hparams: (p) => seen.hparams.push(p),
      unreadable: (tag) => seen.unreadable.push(tag),
    },
  };
}

function decodeAll(events: Uint8Array[], decoder = new EventDecoder()): Seen {
  const { sink, seen } = decoderSink();
  for (const e of events) decoder.decode(e, 0, e.length, sink);
  return seen;
}

const tensor = (dtype: number, build: (t: Proto) => Proto, dims: number[] = []) => build(new Proto().varint(1, dtype).message(2, shape(...dims)));
/** Half and bf16 bit patterns of a few values. */
const HALF_1_5 = 0x3e00;
const BF16_MINUS_2 = 0xc000;

describe('EventDecoder', () => {
  it('reads simple_value scalars with their step and wall time, NaN and infinities included', () => {
    const seen = decodeAll([
      event(1700000000.25, 3, [simpleValue('loss', 0.5), simpleValue('acc', NaN)]),
      event(1700000001.5, 2 ** 40, [simpleValue('loss', Infinity)]),
      event(1700000002, -7n, [simpleValue('loss', -Infinity)]),
    ]);
    expect(seen.scalars).toEqual([
      ['loss', 0.5, 3, 1700000000.25],
      ['acc', NaN, 3, 1700000000.25],
      ['loss', Infinity, 2 ** 40, 1700000001.5],
      ['loss', -Infinity, -7, 1700000002],
    ]);
  });

  it('reads rank-0 tensors of every numeric dtype, from the typed field packed or not, or from tensor_content', () => {
    const cases: [string, Proto, number][] = [
      ['float packed', tensor(DTYPE.FLOAT, (t) => t.packed(5, [f32(0.25)])), 0.25],
      ['float unpacked', tensor(DTYPE.FLOAT, (t) => t.raw(varint((5 << 3) | 5)).raw(f32(-1.5))), -1.5],
      ['double packed', tensor(DTYPE.DOUBLE, (t) => t.packed(6, [f64(0.1)])), 0.1],
      ['double unpacked', tensor(DTYPE.DOUBLE, (t) => t.double(6, 1e300)), 1e300],
      ['int32 packed', tensor(DTYPE.INT32, (t) => t.packed(7, [varint(-5)])), -5],
      ['int32 unpacked', tensor(DTYPE.INT32, (t) => t.varint(7, 42)), 42],
      ['int64 packed', tensor(DTYPE.INT64, (t) => t.packed(10, [varint(2 ** 50)])), 2 ** 50],
      ['int64 unpacked', tensor(DTYPE.INT64, (t) => t.varint(10, -3n)), -3],
      ['half', tensor(DTYPE.HALF, (t) => t.packed(13, [varint(HALF_1_5)])), 1.5],
      ['half unpacked', tensor(DTYPE.HALF, (t) => t.varint(13, 0x7c00)), Infinity],
      ['bf16 in half_val', tensor(DTYPE.BF16, (t) => t.varint(13, BF16_MINUS_2)), -2],
      ['float content', tensor(DTYPE.FLOAT, (t) => t.bytes(4, f32(3.5))), 3.5],
      ['double content', tensor(DTYPE.DOUBLE, (t) => t.bytes(4, f64(NaN))), NaN],
      ['int32 content', tensor(DTYPE.INT32, (t) => t.bytes(4, [0xff, 0xff, 0xff, 0xff])), -1],
      ['int64 content', tensor(DTYPE.INT64, (t) => t.bytes(4, [1, 0, 0, 0, 1, 0, 0, 0])), 2 ** 32 + 1],
      ['half content', tensor(DTYPE.HALF, (t) => t.bytes(4, [0x00, 0x3e])), 1.5],
      ['bf16 content', tensor(DTYPE.BF16, (t) => t.bytes(4, [0x00, 0xc0])), -2],
      ['single element of shape [1, 1]', tensor(DTYPE.FLOAT, (t) => t.packed(5, [f32(8)]), [1, 1]), 8],
      ['dtype after the value', new Proto().packed(5, [f32(2)]).varint(1, DTYPE.FLOAT), 2],
    ];
    for (const [name, t, want] of cases) {
      const seen = decodeAll([event(1, 1, [tensorValue('x', t)])]);
      expect(seen.scalars, name).toEqual([['x', want, 1, 1]]);
    }
  });

  it('decodes half and bfloat16 bit patterns', () => {
    expect(halfToNumber(0x3c00)).toBe(1);
    expect(halfToNumber(0xc000)).toBe(-2);
    expect(halfToNumber(0x0001)).toBe(2 ** -24);
    expect(halfToNumber(0x7bff)).toBe(65504);
    expect(halfToNumber(0xfc00)).toBe(-Infinity);
    expect(halfToNumber(0x7e00)).toBeNaN();
    expect(bf16ToNumber(0x3f80)).toBe(1);
    expect(bf16ToNumber(0x7fc0)).toBeNaN();
  });

  it('skips tensors that are not one number, and tells once per tag when a scalar tag cannot be read', () => {
    const d = new EventDecoder();
    const seen = decodeAll(
      [
        event(1, 1, [tensorValue('vec', tensor(DTYPE.FLOAT, (t) => t.packed(5, [f32(1), f32(2)]), [2]))]),
        event(1, 1, [tensorValue('str', new Proto().varint(1, 7).bytes(8, [97]))]),
        event(1, 2, [tensorValue('str', new Proto().varint(1, 7).bytes(8, [97]), null)]),
        event(1, 1, [tensorValue('empty', tensor(DTYPE.FLOAT, (t) => t))]),
      ],
      d,
    );
    expect(seen.scalars).toEqual([]);
    expect(seen.unreadable).toEqual(['vec', 'str', 'empty']);
  });

  it("remembers each tag's plugin from its first value: later values without metadata follow it", () => {
    const one = tensor(DTYPE.FLOAT, (t) => t.packed(5, [f32(1)]));
    const seen = decodeAll([
      event(1, 0, [tensorValue('img', one, pluginMetadata('images')), tensorValue('loss', one, pluginMetadata('scalars'))]),
      event(2, 1, [tensorValue('img', one, null), tensorValue('loss', one, null), tensorValue('never-described', one, null)]),
      event(3, 2, [simpleValue('shown', 4, new Proto().string(2, 'Display name'))]),
      event(4, 3, [tensorValue('class-scalar', one, new Proto().varint(4, 1)), tensorValue('class-blob', one, new Proto().varint(4, 3))]),
    ]);
    expect(seen.scalars.map((s) => `${s[0]}@${s[2]}`)).toEqual(['loss@0', 'loss@1', 'never-described@1', 'shown@2', 'class-scalar@3']);
  });

  it('reads hparams session starts as params and leaves the experiment and session-end messages alone', () => {
    const experiment = new Proto().string(1, '_hparams_/experiment').message(9, pluginMetadata('hparams', new Proto().varint(1, 0).message(2, new Proto()).finish()));
    const end = new Proto().string(1, '_hparams_/session_end_info').message(9, pluginMetadata('hparams', new Proto().message(4, new Proto().varint(1, 1)).finish()));
    const seen = decodeAll([event(1, 0, [experiment]), event(1, 0, [hparamsValue({ lr: 0.001, layers: 4, opt: 'adam', bn: true, wd: false })]), event(1, 0, [end])]);
    expect(seen.hparams).toEqual([{ lr: '0.001', layers: '4', opt: 'adam', bn: 'true', wd: 'false' }]);
    expect(seen.scalars).toEqual([]);
  });

  it('ignores events without a summary, and reads the wall time of any event', () => {
    const fileVersion = new Proto().double(1, 1234.5).string(3, 'brain.Event:2').finish();
    expect(decodeAll([fileVersion]).scalars).toEqual([]);
    expect(eventWallTime(fileVersion, 0, fileVersion.length)).toBe(1234500);
    expect(eventWallTime(Uint8Array.from([0xff]), 0, 1)).toBeNull();
  });
});

describe('EventDecoder fuzzing', () => {
  const expectOnlyProtobufErrors = (bytes: Uint8Array, decoder: EventDecoder) => {
    const { sink } = decoderSink();
    try {
      decoder.decode(bytes, 0, bytes.length, sink);
    } catch (e) {
      expect(e).toBeInstanceOf(ProtobufError);
    }
  };

  it('throws nothing but ProtobufError on random bytes', () => {
    const d = new EventDecoder();
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => expectOnlyProtobufErrors(b, d)), { numRuns: 5000 });
  });

  it('throws nothing but ProtobufError on mutated and truncated real events', () => {
    const samples = [
      event(1.5, 10, [simpleValue('loss', 0.5)]),
      event(2, 3, [tensorValue('t', tensor(DTYPE.DOUBLE, (t) => t.packed(6, [f64(1)])))]),
      event(2, 3, [tensorValue('h', tensor(DTYPE.HALF, (t) => t.packed(13, [varint(HALF_1_5)]), [1]))]),
      event(3, 0, [hparamsValue({ lr: 0.1, name: 'x', flag: true })]),
    ];
    const d = new EventDecoder();
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.nat(), (sample, edits, cut) => {
        const b = sample.slice(0, 1 + (cut % sample.length));
        for (const [at, v] of edits) b[at % b.length] = v;
        expectOnlyProtobufErrors(b, d);
      }),
      { numRuns: 5000 },
    );
  });
});
