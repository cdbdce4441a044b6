// The hparams plugin's summary content (tensorflow/tensorboard `plugins/hparams/plugin_data.proto`):
// HParamsPluginData { version 1; oneof { experiment 2; session_start_info 3; session_end_info 4 } },
// SessionStartInfo { map<string, google.protobuf.Value> hparams = 1; … }. A run's hyperparameters
// are the session start info's map; the experiment message only declares their domains.
import { ProtobufReader, WIRE } from '../binary/protobuf-reader';

const PLUGIN_DATA_SESSION_START = 3;
const SESSION_START_HPARAMS = 1;
const ENTRY_KEY = 1;
const ENTRY_VALUE = 2;
// google.protobuf.Value (struct.proto)
const VALUE_NUMBER = 2;
const VALUE_STRING = 3;
const VALUE_BOOL = 4;

/**
 * The hyperparameters a plugin-data message starts a session with, as Runlens params (strings:
 * numbers as JavaScript prints them, booleans as `true`/`false`); null when the message is not a
 * session start (the experiment and session-end messages). Null, struct and list values, which
 * no writer produces for hparams, are left out. Throws ProtobufError on malformed bytes.
 */
export function sessionStartHparams(content: Uint8Array): Record<string, string> | null {
  const r = new ProtobufReader(content);
  let params: Record<string, string> | null = null;
  for (let f = r.next(); f; f = r.next()) {
    if (f.no !== PLUGIN_DATA_SESSION_START || f.wire !== WIRE.bytes) {
      r.skip(f);
      continue;
    }
    params ??= {};
    const info = r.message();
    for (let g = info.next(); g; g = info.next()) {
      if (g.no === SESSION_START_HPARAMS && g.wire === WIRE.bytes) readEntry(info.message(), params);
      else info.skip(g);
    }
  }
  return params;
}

function readEntry(entry: ProtobufReader, into: Record<string, string>): void {
  let key = '';
  let value: string | null = null;
  for (let f = entry.next(); f; f = entry.next()) {
    if (f.no === ENTRY_KEY && f.wire === WIRE.bytes) key = entry.string();
    else if (f.no === ENTRY_VALUE && f.wire === WIRE.bytes) value = readValue(entry.message());
    else entry.skip(f);
  }
  if (value !== null) into[key] = value;
}

function readValue(v: ProtobufReader): string | null {
  let out: string | null = null;
  for (let f = v.next(); f; f = v.next()) {
    if (f.no === VALUE_NUMBER && f.wire === WIRE.fixed64) out = String(v.double());
    else if (f.no === VALUE_STRING && f.wire === WIRE.bytes) out = v.string();
    else if (f.no === VALUE_BOOL && f.wire === WIRE.varint) out = String(v.bool());
    else v.skip(f);
  }
  return out;
}
