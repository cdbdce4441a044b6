// Loading a big TensorBoard event file: `runlens ingest` into a fresh data dir beside
// TensorBoard's own EventAccumulator (every scalar kept) on the same file, in one run. The file
// (≥ 150 MB of scalars, as tensorboardX's add_scalar writes them) is generated here; that
// EventAccumulator reads back every point proves it a valid event file. Prints figures; asserts
// only that both loaded every point.
//   npm run build && npx tsx bench/tensorboard-load.bench.ts      (TB_BENCH_MB=150 by default)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { maskedCrc32c } from '../src-main/core/ingest/binary/crc32c';

const TARGET_MB = Number(process.env.TB_BENCH_MB ?? 150);
const TAGS = ['train/loss', 'train/accuracy', 'lr', 'grad_norm'];
const REPO = join(import.meta.dirname, '..');
const M = (n: number) => `${(n / 1e6).toFixed(2)} M`;

/**
 * Writes scalar events (one `simple_value` per event, the way tensorboardX writes add_scalar)
 * straight into a buffer: Event { wall_time 1, step 2, summary 5 { value 1 { tag 1, simple_value 2 } } }.
 */
function writeEventFile(file: string, targetBytes: number): number {
  const out = Buffer.allocUnsafe(targetBytes + 4096);
  let at = 0;
  const varint = (v: number) => {
    while (v >= 0x80) {
      out[at++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    out[at++] = v;
  };
  const frame = (write: () => void) => {
    const start = at;
    at += 12;
    write();
    const length = at - start - 12;
    out.writeUInt32LE(length, start);
    out.writeUInt32LE(0, start + 4);
    out.writeUInt32LE(maskedCrc32c(out, start, start + 8), start + 8);
    out.writeUInt32LE(maskedCrc32c(out, start + 12, at), at);
    at += 4;
  };
  const tagBytes = TAGS.map((t) => Buffer.from(t));
  const t0 = 1_700_000_000;
  frame(() => {
    out[at++] = 0x09;
    at = out.writeDoubleLE(t0, at);
    out[at++] = 0x1a;
    varint(13);
    at += out.write('brain.Event:2', at);
  });
  let points = 0;
  for (let step = 0; at < targetBytes; step++) {
    for (const [i, tag] of tagBytes.entries()) {
      frame(() => {
        out[at++] = 0x09;
        at = out.writeDoubleLE(t0 + step * 0.01, at);
        out[at++] = 0x10;
        varint(step);
        const value = 2 + tag.length + 5;
        out[at++] = 0x2a;
        varint(value + 2);
        out[at++] = 0x0a;
        varint(value);
        out[at++] = 0x0a;
        varint(tag.length);
        at += tag.copy(out, at);
        out[at++] = 0x15;
        at = out.writeFloatLE(i === 2 && step % 1000 === 999 ? NaN : Math.exp(-step / 1e5) + i, at);
      });
      points += 1;
    }
  }
  writeFileSync(file, out.subarray(0, at));
  return points;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'runlens-tb-bench-'));
  try {
    const logdir = join(dir, 'logs', 'big');
    mkdirSync(logdir, { recursive: true });
    const file = join(logdir, 'events.out.tfevents.1700000000.bench.1.0');
    let t = performance.now();
    const points = writeEventFile(file, TARGET_MB * 1024 * 1024);
    const mb = statSync(file).size / 1024 / 1024;
    console.log(`Wrote ${mb.toFixed(0)} MB, ${M(points)} scalar points in ${((performance.now() - t) / 1000).toFixed(1)} s (load average ${loadavg()[0]!.toFixed(2)})`);

    t = performance.now();
    const out = execFileSync(process.execPath, [join(REPO, 'out', 'main', 'cli.js'), 'ingest', logdir, '--data', join(dir, 'data')], { encoding: 'utf8' });
    const ours = (performance.now() - t) / 1000;
    const ingested = Number(/(\d+) new point/.exec(out)?.[1]);

    const tb = JSON.parse(execFileSync(join(REPO, '.venv', 'bin', 'python'), [join(REPO, 'bench', 'tensorboard_load.py'), logdir], { encoding: 'utf8' })) as { seconds: number; points: number };
    if (ingested !== points || tb.points !== points) throw new Error(`points: wrote ${points}, runlens ingested ${ingested}, EventAccumulator read ${tb.points}`);

    console.log(`\nLoading one ${mb.toFixed(0)} MB event file (${M(points)} scalars, ${TAGS.length} tags)`);
    console.log('| loader | seconds | points/s | MB/s |\n|---|---|---|---|');
    console.log(`| runlens ingest (process start to exit, into SQLite) | ${ours.toFixed(1)} | ${M(points / ours)} | ${(mb / ours).toFixed(0)} |`);
    console.log(`| TensorBoard EventAccumulator.Reload (in memory) | ${tb.seconds.toFixed(1)} | ${M(points / tb.seconds)} | ${(mb / tb.seconds).toFixed(0)} |`);
    console.log(`\nrunlens is ${(tb.seconds / ours).toFixed(1)}x faster`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
