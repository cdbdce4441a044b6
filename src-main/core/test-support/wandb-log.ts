// Builds W&B run logs in tests: the few Record fields Runlens reads (with the protobuf writer),
// and a writer of the log framing (file header, 32 KiB blocks, FULL/FIRST/MIDDLE/LAST chunks).
import { crc32 } from 'node:zlib';
import { Proto } from './protobuf-writer';

const BLOCK = 32 * 1024;
const HEADER = Buffer.from([0x3a, 0x57, 0x26, 0x42, 0xe1, 0xbe, 0x00]);

/** A protobuf field: a number (varint), a string, bytes, or an embedded message (number[]). */
export function field(no: number, value: number | string | Uint8Array | number[]): number[] {
  const p = new Proto();
  if (typeof value === 'number') p.varint(no, value);
  else if (typeof value === 'string') p.string(no, value);
  else p.bytes(no, value);
  return [...p.finish()];
}

export const item = (key: string, valueJson: string, nested = false) => [...field(nested ? 2 : 1, key), ...field(16, valueJson)];
const timestamp = (ms: number) => [...field(1, Math.floor(ms / 1000)), ...field(2, (ms % 1000) * 1e6)];

export const rec = {
  run: (r: { id: string; project?: string; name?: string; startMs?: number; config?: [string, string][]; tags?: string[] }) =>
    field(17, [
      ...field(1, r.id),
      ...(r.project ? field(3, r.project) : []),
      ...(r.name ? field(8, r.name) : []),
      ...(r.config ? field(4, r.config.flatMap(([k, v]) => field(1, item(k, v)))) : []),
      ...(r.tags ?? []).flatMap((t) => field(10, t)),
      ...(r.startMs !== undefined ? field(17, timestamp(r.startMs)) : []),
    ]),
  history: (step: number, tsSeconds: number, values: [string, string][]) =>
    field(2, [
      ...field(1, item('_step', String(step), true)),
      ...field(1, item('_timestamp', String(tsSeconds), true)),
      ...values.flatMap(([k, v]) => field(1, item(k, v, true))),
      ...field(2, step > 0 ? field(1, step) : []),
    ]),
  config: (values: [string, string][]) => field(5, values.flatMap(([k, v]) => field(1, item(k, v)))),
  summary: (values: [string, string][]) => field(3, values.flatMap(([k, v]) => field(1, item(k, v, true)))),
  exit: (code: number, runtime = 0) => field(18, [...(code ? field(1, code) : []), ...(runtime ? field(2, runtime) : [])]),
  stats: (ms: number, values: [string, string][]) => field(7, [...field(2, timestamp(ms)), ...values.flatMap(([k, v]) => field(3, item(k, v)))]),
  environment: (host: string, commit: string) => field(26, [...field(12, host), ...field(9, [...field(1, 'git@x:y.git'), ...field(2, commit)])]),
};

/** Frames records as wandb-core does: chunks never cross a 32 KiB block; < 7 bytes left are zeros. */
export function frameLog(records: (number[] | Uint8Array)[]): Buffer {
  const parts: Buffer[] = [HEADER];
  let length = HEADER.length;
  const put = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  for (const r of records) {
    let data = Buffer.from(Uint8Array.from(r));
    let first = true;
    for (;;) {
      let left = BLOCK - (length % BLOCK);
      if (left < 7) {
        put(Buffer.alloc(left));
        left = BLOCK;
      }
      const n = Math.min(data.length, left - 7);
      const last = n === data.length;
      const type = first && last ? 1 : first ? 2 : last ? 4 : 3;
      const header = Buffer.alloc(7);
      const payload = data.subarray(0, n);
      header.writeUInt32LE(crc32(Buffer.concat([Buffer.from([type]), payload])), 0);
      header.writeUInt16LE(n, 4);
      header[6] = type;
      put(header);
      put(payload);
      data = data.subarray(n);
      first = false;
      if (last) break;
    }
  }
  return Buffer.concat(parts);
}
