// TensorBoard `Event` records (tensorflow/tensorboard `compat/proto/event.proto`, `summary.proto`):
// Event { wall_time 1 double; step 2 int64; file_version 3; summary 5 }, Summary { value 1 },
// Summary.Value { tag 1; simple_value 2 float; tensor 8; metadata 9 },
// SummaryMetadata { plugin_data 1 { plugin_name 1; content 2 }; data_class 4 }.
import { ProtobufError, ProtobufReader, WIRE } from '../binary/protobuf-reader';
import { sessionStartHparams } from './hparams';
import { tensorScalar } from './tensor-scalar';

const EVENT = { wallTime: 1, step: 2, summary: 5 } as const;
const SUMMARY_VALUE = 1;
const VALUE = { tag: 1, simpleValue: 2, tensor: 8, metadata: 9 } as const;
const METADATA = { pluginData: 1, dataClass: 4 } as const;
const PLUGIN_DATA = { name: 1, content: 2 } as const;
/** SummaryMetadata.DataClass (summary.proto): SCALAR = 1, TENSOR = 2, BLOB_SEQUENCE = 3. */
const DATA_CLASS_SCALAR = 1;

/** What a tag holds, as its metadata says. */
export const TagKind = {
  Scalar: 1,
  Hparams: 2,
  /** Images, histograms, text, graphs…: not metrics. */
  Other: 3,
} as const;
export type TagKind = (typeof TagKind)[keyof typeof TagKind];

export interface EventSink {
  scalar(tag: string, value: number, step: number, wallTime: number): void;
  hparams(params: Record<string, string>): void;
  /** A tag said to hold scalars whose tensor is not a readable scalar (told once per tag). */
  unreadable(tag: string): void;
}

/**
 * Decodes the events of one file. Metadata usually rides on a tag's first value only, so the
 * decoder remembers per tag what plugin it belongs to; a tag never seen with metadata (e.g.
 * after a restart resumed past its first value) is judged by its shape: `simple_value` or a
 * single-element numeric tensor is a scalar. Throws ProtobufError on malformed bytes.
 */
export class EventDecoder {
  private readonly kinds = new Map<string, TagKind>();
  private readonly unreadableTold = new Set<string>();
  private readonly names = new TagNames();

  /** Decodes the event in `bytes[start, end)`, telling `sink` what it holds. */
  decode(bytes: Uint8Array, start: number, end: number, sink: EventSink): void {
    const r = new ProtobufReader(bytes, start, end);
    let wallTime = 0;
    let step = 0;
    // Read once the wall time and step are known, wherever the summary sits in the event.
    let s: ProtobufReader | null = null;
    for (let f = r.next(); f; f = r.next()) {
      if (f.no === EVENT.wallTime && f.wire === WIRE.fixed64) wallTime = r.double();
      else if (f.no === EVENT.step && f.wire === WIRE.varint) step = r.int64();
      else if (f.no === EVENT.summary && f.wire === WIRE.bytes) s = r.message();
      else r.skip(f);
    }
    if (s === null) return;
    for (let f = s.next(); f; f = s.next()) {
      if (f.no === SUMMARY_VALUE && f.wire === WIRE.bytes) this.value(s.message(), step, wallTime, sink);
      else s.skip(f);
    }
  }

  private value(v: ProtobufReader, step: number, wallTime: number, sink: EventSink): void {
    let tagBytes: Uint8Array | null = null;
    let simple = 0;
    let hasSimple = false;
    let tensor: Uint8Array | null = null;
    let metadata: Uint8Array | null = null;
    for (let f = v.next(); f; f = v.next()) {
      if (f.no === VALUE.tag && f.wire === WIRE.bytes) tagBytes = v.bytes();
      else if (f.no === VALUE.simpleValue && f.wire === WIRE.fixed32) {
        simple = v.float();
        hasSimple = true;
      } else if (f.no === VALUE.tensor && f.wire === WIRE.bytes) tensor = v.bytes();
      else if (f.no === VALUE.metadata && f.wire === WIRE.bytes) metadata = v.bytes();
      else v.skip(f);
    }
    const tag = tagBytes === null ? '' : this.names.get(tagBytes);
    let kind = this.kinds.get(tag);
    if (metadata !== null) {
      const meta = readMetadata(metadata);
      if (meta.kind !== null) this.kinds.set(tag, (kind = meta.kind));
      if (meta.kind === TagKind.Hparams && meta.content !== null) {
        const params = sessionStartHparams(meta.content);
        if (params !== null) sink.hparams(params);
      }
    }
    // EventAccumulator reads every simple_value as a scalar, whatever the metadata says.
    if (hasSimple) {
      sink.scalar(tag, simple, step, wallTime);
      return;
    }
    if (tensor === null || (kind !== undefined && kind !== TagKind.Scalar)) return;
    const x = tensorScalar(tensor);
    if (x !== null) sink.scalar(tag, x, step, wallTime);
    else if (kind === TagKind.Scalar && !this.unreadableTold.has(tag)) {
      this.unreadableTold.add(tag);
      sink.unreadable(tag);
    }
  }
}

/** An event's wall time in ms, or null when it has none or is malformed. */
export function eventWallTime(bytes: Uint8Array, start: number, end: number): number | null {
  try {
    const r = new ProtobufReader(bytes, start, end);
    for (let f = r.next(); f; f = r.next()) {
      if (f.no === EVENT.wallTime && f.wire === WIRE.fixed64) return r.double() * 1000;
      r.skip(f);
    }
  } catch (e) {
    if (!(e instanceof ProtobufError)) throw e;
  }
  return null;
}

function readMetadata(bytes: Uint8Array): { kind: TagKind | null; content: Uint8Array | null } {
  const m = new ProtobufReader(bytes);
  let plugin = '';
  let content: Uint8Array | null = null;
  let dataClass = 0;
  for (let f = m.next(); f; f = m.next()) {
    if (f.no === METADATA.pluginData && f.wire === WIRE.bytes) {
      const p = m.message();
      for (let g = p.next(); g; g = p.next()) {
        if (g.no === PLUGIN_DATA.name && g.wire === WIRE.bytes) plugin = p.string();
        else if (g.no === PLUGIN_DATA.content && g.wire === WIRE.bytes) content = p.bytes();
        else p.skip(g);
      }
    } else if (f.no === METADATA.dataClass && f.wire === WIRE.varint) dataClass = m.varint();
    else m.skip(f);
  }
  // tensorboardX puts metadata without a plugin on a scalar given a display name.
  const kind =
    plugin === 'scalars' || (plugin === '' && dataClass === DATA_CLASS_SCALAR)
      ? TagKind.Scalar
      : plugin === 'hparams'
        ? TagKind.Hparams
        : plugin !== '' || dataClass !== 0
          ? TagKind.Other
          : null;
  return { kind, content };
}

/**
 * Tag strings by their bytes: a file repeats a handful of tags millions of times, and decoding
 * each occurrence would allocate a string per value.
 */
class TagNames {
  private static readonly MAX_CACHED = 10_000;
  private readonly byHash = new Map<number, { bytes: Uint8Array; name: string }[]>();
  private readonly decoder = new TextDecoder();
  private cached = 0;

  get(bytes: Uint8Array): string {
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    let list = this.byHash.get(h);
    if (list === undefined) this.byHash.set(h, (list = []));
    for (const e of list) if (sameBytes(e.bytes, bytes)) return e.name;
    const name = this.decoder.decode(bytes);
    // A writer that makes up a new tag per step must not grow the cache without end.
    if (this.cached++ < TagNames.MAX_CACHED) list.push({ bytes: bytes.slice(), name });
    return name;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
