import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

/**
 * Every file the watcher reads sits in a folder others write, and any of them may be a FIFO (or
 * a device, or a folder) instead of a file. Opening a FIFO for reading waits for a writer —
 * perhaps forever — and holds a libuv thread and that unit's ingest meanwhile. Opened
 * non-blocking it returns at once, and fstat then tells it apart and it is refused.
 * (O_NONBLOCK changes nothing for a regular file.)
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The `code` of the error a path that is not a regular file is refused with. */
export const NOT_REGULAR_FILE = 'ENOTREGULAR';

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isDirectory()) return 'a folder';
  if (info.isSocket()) return 'a socket';
  return 'a device or other special file';
}

function notRegular(info: Stats): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`not a regular file (${kindOf(info)}); not read`);
  e.code = NOT_REGULAR_FILE;
  return e;
}

/** A regular file opened to read, with its stat; throws (ENOENT, EACCES, NOT_REGULAR_FILE…) otherwise. */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; info: Stats }> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegular(info);
    return { handle, info };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** The synchronous openRegularFile: a file descriptor the caller closes. */
export function openRegularFileSync(path: string): number {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw notRegular(info);
    return fd;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** A regular file's bytes; throws as openRegularFile. */
export async function readRegularFile(path: string): Promise<Buffer> {
  const { handle } = await openRegularFile(path);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** A regular file's text (UTF-8); throws as openRegularFile. */
export async function readRegularText(path: string): Promise<string> {
  return (await readRegularFile(path)).toString('utf8');
}

/**
 * Throws unless `path` is a regular file, for a reader that opens the path itself (SQLite opens
 * without O_NONBLOCK, and would block the main thread on a FIFO). The path could change between
 * this check and that open; a writer swapping a FIFO in at that instant is not worth a lock.
 */
export async function requireRegularFile(path: string): Promise<void> {
  const info = await stat(path);
  if (!info.isFile()) throw notRegular(info);
}
