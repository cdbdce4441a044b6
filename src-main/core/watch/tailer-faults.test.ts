// Issue 11, folder tailer faults: a watched run folder's metrics.jsonl is written in odd chunks,
// truncated, rotated, replaced, deleted, made unreadable, looped by symlinks and grown to 2 GB.
// Each time: no crash, every point once (the lines carry `seq`, as the Python client's spool
// writes them, so a file read again is deduplicated), and a problem on the root where the
// folder needs a person's attention.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, closeSync, mkdirSync, openSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { writeRunFolder } from '../test-support/run-folder';
import { SLICE_BYTES } from './tail-file';

const tempDir = useTempDirs();
const KEY = 'train/loss';

/** Lines numbered `seq` from..to-1, step = seq; each holds multi-byte UTF-8 (a field the format ignores), so byte chunks split characters. */
function lines(from: number, to: number): string {
  let out = '';
  for (let s = from; s < to; s++) out += `${JSON.stringify({ key: KEY, value: s / 7, step: s, timestamp: 1_700_000_000_000 + s, seq: s, note: 'λ→ü€😀' })}\n`;
  return out;
}

async function watchedRun(id: string): Promise<{ core: Core; root: string; dir: string; file: string; pass: () => Promise<void> }> {
  const root = tempDir();
  const dir = writeRunFolder(root, 'run', { id });
  const core = await startTestCore(tempDir());
  await core.watch.add(root);
  // A scan as the watcher's events trigger it, awaited so each step is checked in turn.
  const pass = async () => {
    await core.watch.ingestOnce(root);
    await core.watch.idle();
  };
  return { core, root, dir, file: join(dir, 'metrics.jsonl'), pass };
}

function steps(core: Core, id: string): number[] {
  return Array.from(core.store.metrics.read(id, KEY)?.step ?? []);
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function problems(core: Core, root: string): string[] {
  return core.watch.roots().find((r) => r.path === root)!.problems.map((p) => `${p.file}: ${p.message}`);
}

describe('the folder tailer under faults', () => {
  it('reads a file written 1 and 7 bytes at a time, split inside lines and UTF-8 sequences, once', async () => {
    const { core, file, pass } = await watchedRun('chunks');
    for (const [text, size] of [[lines(1, 4), 1], [lines(4, 40), 7]] as const) {
      const bytes = Buffer.from(text);
      for (let at = 0; at < bytes.length; at += size) {
        appendFileSync(file, bytes.subarray(at, at + size));
        await pass();
      }
    }
    expect(steps(core, 'chunks')).toEqual(range(1, 40));
    expect(core.store.runs.summary('chunks')!.metrics.map((m) => m.key)).toEqual([KEY]);
    await core.close();
  });

  it('after a truncation reads the file again from the start, reports it, and duplicates nothing', async () => {
    const { core, root, file, pass } = await watchedRun('trunc');
    writeFileSync(file, lines(1, 21));
    await pass();
    // The writer restarted and rewrote its log from the beginning, a little further.
    truncateSync(file, 0);
    appendFileSync(file, lines(1, 26));
    await pass();
    expect(steps(core, 'trunc')).toEqual(range(1, 26));
    truncateSync(file, 0);
    await pass();
    appendFileSync(file, lines(26, 30));
    await pass();
    expect(steps(core, 'trunc')).toEqual(range(1, 30));
    expect(problems(core, root).join('\n')).toMatch(/shrank below the ingested offset/);
    await core.close();
  });

  it('follows a rotated file (renamed away, a new one created) without losing or repeating points', async () => {
    const { core, root, file, pass } = await watchedRun('rot');
    writeFileSync(file, lines(1, 11));
    await pass();
    renameSync(file, `${file}.1`);
    // The new file outgrows the old one before the tailer looks again.
    writeFileSync(file, lines(11, 60));
    await pass();
    expect(steps(core, 'rot')).toEqual(range(1, 60));
    expect(problems(core, root).join('\n')).toContain('rotated or replaced');
    await core.close();
  });

  it('follows a file replaced atomically by a longer one with the same points written differently', async () => {
    const { core, file, pass } = await watchedRun('repl');
    writeFileSync(file, lines(1, 11));
    await pass();
    // Rewritten with other spacing: the old byte offset falls inside a line of the new file.
    writeFileSync(`${file}.tmp`, lines(1, 31).replace(/,/g, ', '));
    renameSync(`${file}.tmp`, file);
    await pass();
    expect(steps(core, 'repl')).toEqual(range(1, 31));
    await core.close();
  });

  it('reads a file deleted while it is read to its end, and a new file created in its place', async () => {
    const { core, root, file, pass } = await watchedRun('del');
    // Several slices, so the delete lands while the tail is still reading.
    const big = lines(1, 2 + Math.ceil((2.5 * SLICE_BYTES) / 110));
    const total = big.split('\n').length - 1;
    writeFileSync(file, big);
    const reading = pass();
    // Deleted once the first slice is in: the open handle reads on to the end, as on any POSIX system.
    while (steps(core, 'del').length === 0) await new Promise((r) => setImmediate(r));
    rmSync(file);
    await reading;
    expect(steps(core, 'del')).toEqual(range(1, total + 1));
    await pass();
    writeFileSync(file, lines(total + 1, total + 6));
    await pass();
    expect(steps(core, 'del')).toEqual(range(1, total + 6));
    expect(problems(core, root)).toEqual([`${file}: another file is at this path now (rotated or replaced); reading the new one from the start`]);
    await core.close();
  });

  it('walks a tree of symlink loops once, without hanging', async () => {
    const { core, root, dir, file, pass } = await watchedRun('loops');
    writeFileSync(file, lines(1, 6));
    symlinkSync(root, join(root, 'to-root'));
    symlinkSync(dir, join(dir, 'self'));
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    symlinkSync(join(root, 'a'), join(root, 'a', 'b', 'up'));
    symlinkSync(join(root, 'x'), join(root, 'y'));
    symlinkSync(join(root, 'y'), join(root, 'x'));
    await pass();
    expect(steps(core, 'loops')).toEqual(range(1, 6));
    expect(core.store.runs.list({}).length).toBe(1);
    await core.close();
  });

  it('reports a metrics file it cannot read (a FIFO with no writer, a folder, no permission) and carries on', async () => {
    const { core, root, file, pass } = await watchedRun('unreadable');
    // A FIFO: opening it for reading would wait for a writer forever.
    execFileSync('mkfifo', [file]);
    await pass();
    expect(problems(core, root).join('\n')).toContain(file);
    rmSync(file);
    mkdirSync(file);
    await pass();
    expect(problems(core, root).join('\n')).toMatch(/metrics\.jsonl: .*(directory|not a regular file)/i);
    rmSync(file, { recursive: true });
    // Permissions: root reads anything, so this part only means something for other users.
    if (process.getuid?.() !== 0) {
      writeFileSync(file, lines(1, 3));
      chmodSync(file, 0o000);
      await pass();
      expect(problems(core, root).join('\n')).toMatch(/EACCES|permission denied/i);
      chmodSync(file, 0o644);
    } else {
      console.log('tailer faults: running as root, which ignores file permissions; the FIFO and the folder stand for an unreadable file');
      writeFileSync(file, lines(1, 3));
    }
    await pass();
    expect(steps(core, 'unreadable')).toEqual(range(1, 3));
    // Another run folder beside it was never held up.
    writeRunFolder(root, 'other', { id: 'other' }, [{ key: 'k', value: 1, step: 0 }]);
    await pass();
    expect(core.store.runs.summary('other')!.metrics).toHaveLength(1);
    await core.close();
  });

  it('gets through a 2 GB file (sparse: no line in it) and reads the lines appended after it', async () => {
    const { core, root, file, pass } = await watchedRun('huge');
    writeFileSync(file, lines(1, 3));
    await pass();
    const start = Buffer.byteLength(lines(1, 3));
    // A hole: 2 GB of NUL bytes without a newline, as a crashed writer's preallocated file.
    truncateSync(file, start + 2 * 1024 ** 3);
    const fd = openSync(file, 'a');
    writeSync(fd, `\n${lines(3, 8)}`);
    closeSync(fd);
    await pass();
    expect(steps(core, 'huge')).toEqual(range(1, 8));
    expect(problems(core, root).join('\n')).toMatch(/longer than \d+ bytes; skipped/);
    await core.close();
  }, 120_000);
});
