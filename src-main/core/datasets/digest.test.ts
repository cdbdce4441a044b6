import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDirs } from '../test-support/temp-dir';
import { openStore } from '../store/store';
import { digestPath } from './digest';

const tempDir = useTempDirs();

function cache() {
  return openStore(join(tempDir(), 'runlens.db')).digests;
}

function write(dir: string, rel: string, text: string): string {
  const file = join(dir, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('digestPath', () => {
  it('digests a file as sha256 of its bytes: same bytes, same digest; one byte changed, another', async () => {
    const dir = tempDir();
    const a = write(dir, 'a.csv', 'x,y\n1,2\n');
    const b = write(dir, 'b.csv', 'x,y\n1,2\n');
    const c = write(dir, 'c.csv', 'x,y\n1,3\n');
    const da = await digestPath(a, cache());
    expect(da).toEqual({ digest: `sha256:${createHash('sha256').update('x,y\n1,2\n').digest('hex')}`, sizeBytes: 8, folder: false });
    expect((await digestPath(b, cache())).digest).toBe(da.digest);
    expect((await digestPath(c, cache())).digest).not.toBe(da.digest);
  });

  it('digests a folder independently of the order its files were made in', async () => {
    const one = tempDir();
    write(one, 'train/part-0.csv', 'a');
    write(one, 'train/part-1.csv', 'b');
    write(one, 'meta.json', '{}');
    const two = tempDir();
    write(two, 'meta.json', '{}');
    write(two, 'train/part-1.csv', 'b');
    write(two, 'train/part-0.csv', 'a');
    const d1 = await digestPath(one, cache());
    expect(d1).toMatchObject({ sizeBytes: 4, folder: true });
    expect((await digestPath(two, cache())).digest).toBe(d1.digest);
  });

  it('gives a folder another digest when a file in it is renamed or changed', async () => {
    const dir = tempDir();
    write(dir, 'a.csv', 'same');
    write(dir, 'sub/b.csv', 'bytes');
    const before = (await digestPath(dir, cache())).digest;
    renameSync(join(dir, 'a.csv'), join(dir, 'c.csv'));
    const renamed = (await digestPath(dir, cache())).digest;
    expect(renamed).not.toBe(before);
    write(dir, 'sub/b.csv', 'bytez');
    expect((await digestPath(dir, cache())).digest).not.toBe(renamed);
  });

  it('does not re-read a file whose size and mtime are unchanged', async () => {
    const dir = tempDir();
    const file = write(dir, 'data.csv', 'x\n1\n');
    // A whole-second mtime, so putting it back below is exact on every file system.
    const mtime = new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000);
    const atime = mtime;
    utimesSync(file, atime, mtime);
    const c = cache();
    const first = await digestPath(file, c);
    // Other bytes, same size, mtime put back: only a read would notice, so the cached digest
    // coming back proves the file was not read.
    writeFileSync(file, 'x\n2\n');
    utimesSync(file, atime, mtime);
    expect((await digestPath(file, c)).digest).toBe(first.digest);
    // A new mtime is a change: read again.
    utimesSync(file, atime, new Date(mtime.getTime() + 5000));
    expect((await digestPath(file, c)).digest).not.toBe(first.digest);
  });

  it('follows links to files, and names a broken link instead of skipping it', async () => {
    const dir = tempDir();
    const blob = write(tempDir(), 'blob', 'payload');
    symlinkSync(blob, join(dir, 'linked.bin'));
    const plain = tempDir();
    write(plain, 'linked.bin', 'payload');
    expect((await digestPath(dir, cache())).digest).toBe((await digestPath(plain, cache())).digest);
    symlinkSync(join(dir, 'missing'), join(dir, 'dangling'));
    await expect(digestPath(dir, cache())).rejects.toThrow(/dangling is a link to nothing/);
  });

  it('refuses a folder that links back into itself', async () => {
    const dir = tempDir();
    write(dir, 'sub/a.csv', 'a');
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    await expect(digestPath(dir, cache())).rejects.toThrow(/links back to/);
  });
});
