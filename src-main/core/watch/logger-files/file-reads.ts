import { closeSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { openRegularFile, openRegularFileSync, readRegularText } from '../read-regular-file';

/** Bytes read to find a file's first lines (a header, a first row). */
export const HEAD_BYTES = 64 * 1024;

/** When a run's folder or file came to be: its birth time where the file system keeps one, else its last change. */
export async function createdAt(path: string): Promise<number> {
  const s = await stat(path).catch(() => null);
  if (!s) return Date.now();
  return Math.round(s.birthtimeMs > 0 ? Math.min(s.birthtimeMs, s.mtimeMs) : s.mtimeMs);
}

export async function modifiedAt(path: string): Promise<number | null> {
  const s = await stat(path).catch(() => null);
  return s ? Math.round(s.mtimeMs) : null;
}

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** A file's text, or null when it does not exist. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readRegularText(path);
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}

/** The first HEAD_BYTES of a file as text and the file's size, or null when it does not exist. */
export async function readHead(path: string): Promise<{ text: string; size: number } | null> {
  let opened;
  try {
    opened = await openRegularFile(path);
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
  const { handle, info } = opened;
  try {
    const { size } = info;
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return { text: buf.toString('utf8', 0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/**
 * The first HEAD_BYTES of a file as text, read synchronously (for a check that must sit between
 * an asynchronous read and its commit); '' when the file cannot be read.
 */
export function readHeadNow(path: string): string {
  let fd;
  try {
    fd = openRegularFileSync(path);
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.toString('utf8', 0, n);
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
