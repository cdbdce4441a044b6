// Binary formats: the protobuf wire reader (what the writer wrote reads back), W&B records and
// TensorBoard events broken a few bytes at a time (ProtobufError or a value, nothing else), and
// the store's metric chunk blobs. The framing readers (tfrecord.ts, record-log.ts) and the event
// decoder have their damaged-input properties beside them; these cover the rest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtobufError, ProtobufReader, WIRE } from '../ingest/binary/protobuf-reader';
import { eventWallTime } from '../ingest/tensorboard/event-decoder';
import { decodeRecord } from '../ingest/wandb/wandb-record';
import { packFloats, unpackFloats, unpackInto } from '../store/chunk-codec';
import { Proto } from '../test-support/protobuf-writer';
import { event, hparamsValue, simpleValue } from '../test-support/tfevents';
import { rec } from '../test-support/wandb-log';
import { exactly, fuzzRuns, hostileBytes, neverThrows, reasonError, settles } from './fuzz-support';

const protobufError = exactly(ProtobufError);

type Written = { kind: 'varint'; v: number } | { kind: 'double'; v: number } | { kind: 'float'; v: number } | { kind: 'string'; v: string };

const written: fc.Arbitrary<Written> = fc.oneof(
  fc.maxSafeNat().map((v) => ({ kind: 'varint' as const, v })),
  fc.double().map((v) => ({ kind: 'double' as const, v })),
  fc.float().map((v) => ({ kind: 'float' as const, v })),
  fc.string({ unit: 'grapheme' }).map((v) => ({ kind: 'string' as const, v })),
);

const WANDB_RECORDS = [
  rec.run({ id: 'abc', project: 'p', name: 'n', startMs: 1_700_000_000_123, config: [['lr', '0.1']], tags: ['t'] }),
  rec.history(3, 1_700_000_000.5, [['loss', '0.25'], ['acc', 'NaN']]),
  rec.config([['opt', '{"name": "adam"}']]),
  rec.summary([['best', '0.9']]),
  rec.exit(1, 30),
  rec.stats(1_700_000_000_000, [['gpu.0.gpu', '55']]),
  rec.environment('host', 'deadbeef'),
].map((r) => Uint8Array.from(r));

const EVENTS = [event(1.5, 10, [simpleValue('loss', 0.5)]), event(3, 0, [hparamsValue({ lr: 0.1, name: 'x', flag: true })])];

describe('binary format fuzzing', () => {
  it('protobuf fields read back as written: varints to 2^53, doubles and floats bit-exact, UTF-8 text', () => {
    fc.assert(
      fc.property(fc.array(written, { maxLength: 8 }), (fields) => {
        const p = new Proto();
        fields.forEach((f, i) => (f.kind === 'varint' ? p.varint(i + 1, f.v) : f.kind === 'double' ? p.double(i + 1, f.v) : f.kind === 'float' ? p.float(i + 1, f.v) : p.string(i + 1, f.v)));
        const r = new ProtobufReader(p.finish());
        for (const [i, f] of fields.entries()) {
          const tag = r.next()!;
          expect(tag.no).toBe(i + 1);
          if (f.kind === 'varint') expect([tag.wire, r.varint()]).toEqual([WIRE.varint, f.v]);
          else if (f.kind === 'double') expect(Object.is(r.double(), f.v)).toBe(true);
          else if (f.kind === 'float') expect(Object.is(r.float(), f.v)).toBe(true);
          else expect(new TextDecoder().decode(r.bytes())).toBe(f.v);
        }
        expect(r.next()).toBeNull();
      }),
      fuzzRuns(1500),
    );
  });

  it('a damaged W&B record decodes or throws ProtobufError', () => {
    fc.assert(
      fc.property(hostileBytes(WANDB_RECORDS), (bytes) => void settles(() => decodeRecord(bytes), protobufError)),
      fuzzRuns(4000),
    );
  });

  it("a damaged TensorBoard event's wall time is a number or null, never an error", () => {
    fc.assert(
      fc.property(hostileBytes(EVENTS), (bytes) => {
        const t = settles(() => eventWallTime(bytes, 0, bytes.length), neverThrows);
        expect(t === null || typeof t === 'number').toBe(true);
      }),
      fuzzRuns(3000),
    );
  });

  it('metric chunks: any Float64 column packs and unpacks bit-exact, wherever the blob sits', () => {
    fc.assert(
      fc.property(fc.float64Array({ maxLength: 64 }), fc.nat(7), fc.nat(4), (values, shift, at) => {
        // SQLite hands blobs back at any offset of a shared pool: misalign the copy on purpose.
        const pool = Buffer.alloc(shift + values.length * 8);
        packFloats(values).copy(pool, shift);
        const blob = pool.subarray(shift);
        const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
        expect(bits(unpackFloats(blob))).toBe(bits(values));
        const out = new Float64Array(at + values.length);
        unpackInto(blob, out, at);
        expect(bits(out.subarray(at))).toBe(bits(values));
      }),
      fuzzRuns(1000),
    );
  });

  it('a damaged chunk blob (a corrupt database) is refused with a reason, not a RangeError (regression)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.nat(10), fc.nat(10), (bytes, size, at) => {
        const blob = Buffer.from(bytes);
        settles(() => unpackFloats(blob), reasonError);
        settles(() => unpackInto(blob, new Float64Array(size), at), reasonError);
      }),
      fuzzRuns(1000),
    );
    expect(() => unpackFloats(Buffer.alloc(12))).toThrow(/corrupt metric chunk/);
  });
});
