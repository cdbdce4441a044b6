// A TFRecord writer for TensorBoard event files, for tests: the framing, and the messages
// tensorboardX and TensorFlow write, built with the protobuf writer.
import { maskedCrc32c } from '../ingest/binary/crc32c';
import { Proto } from './protobuf-writer';

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
