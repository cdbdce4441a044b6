import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DigestCacheRepo } from '../store/digest-cache-repo';

export type DigestCache = Pick<DigestCacheRepo, 'get' | 'put'>;

export interface PathDigest {
  /** `sha256:<hex>`. */
  digest: string;
  /** The file's size, or the sum of a folder's file sizes. */
  sizeBytes: number;
  folder: boolean;
}

/**
 * The content digest of a file or folder.
 *
 * A file: `sha256:` + SHA-256 of its bytes, read as a stream (datasets may be GBs) and cached
 * by absolute path while its size and mtime stay the same, so unchanged data is not re-read.
 *
 * A folder: `sha256:` + SHA-256 over one line per file, `<relative path>\0<file digest>\n`,
 * sorted by path (code-unit order, `/`-separated), so the digest does not depend on readdir's
 * order or the platform. A folder is the files in it: empty subfolders add nothing.
 *
 * Symlinks are followed, to files and to folders: the data a training script reads through a
 * link is the data it used (Hugging Face's cache, for one, is folders of links to blobs). A link
 * that points nowhere, a folder that links back into itself, and anything that is neither a file
 * nor a folder (a socket, a FIFO) make the digest fail with the path named — nothing is skipped.
 */
export async function digestPath(path: string, cache: DigestCache, now = Date.now()): Promise<PathDigest> {
  const abs = resolve(path);
  const st = await stat(abs);
  if (st.isDirectory()) {
    const { digest, sizeBytes } = await digestFolder(abs, cache, now);
    return { digest, sizeBytes, folder: true };
  }
  if (!st.isFile()) throw new Error(`${abs} is neither a file nor a folder`);
  return { digest: await digestFile(abs, st, cache, now), sizeBytes: st.size, folder: false };
}

export interface DigestedFile {
  /** Relative to the folder, `/`-separated. */
  rel: string;
  abs: string;
  size: number;
  /** `sha256:<hex>`. */
  digest: string;
}

/** A folder's digest (as `digestPath` makes it) with each of its files, sorted by path. */
export async function digestFolder(path: string, cache: DigestCache, now = Date.now()): Promise<PathDigest & { files: DigestedFile[] }> {
  const files: DigestedFile[] = [];
  for (const f of await listFiles(resolve(path))) files.push({ rel: f.rel, abs: f.abs, size: f.st.size, digest: await digestFile(f.abs, f.st, cache, now) });
  return { ...digestOfFiles(files), files };
}

/** The folder digest over files already digested: one `<path>\0<digest>\n` line each, sorted by path. */
export function digestOfFiles(files: readonly Pick<DigestedFile, 'rel' | 'size' | 'digest'>[]): PathDigest {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for (const f of [...files].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
    hash.update(`${f.rel}\0${f.digest}\n`);
    sizeBytes += f.size;
  }
  return { digest: `sha256:${hash.digest('hex')}`, sizeBytes, folder: true };
}

async function digestFile(abs: string, st: Stats, cache: DigestCache, now: number): Promise<string> {
  const hit = cache.get(abs);
  if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.digest;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(abs, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  const digest = `sha256:${hash.digest('hex')}`;
  // Cached with the size and mtime seen before reading: a write during the read moves the mtime
  // on, so the next look re-reads rather than trusting a digest of half-old bytes.
  cache.put(abs, { size: st.size, mtimeMs: st.mtimeMs, digest }, now);
  return digest;
}

interface FolderFile {
  rel: string;
  abs: string;
  st: Stats;
}

async function listFiles(root: string): Promise<FolderFile[]> {
  const files: FolderFile[] = [];
  const visit = async (dir: string, rel: string, ancestors: ReadonlySet<string>): Promise<void> => {
    const real = await realpath(dir);
    if (ancestors.has(real)) throw new Error(`${dir} links back to ${real}, a folder it is inside`);
    const inside = new Set(ancestors).add(real);
    for (const entry of await readdir(dir)) {
      const abs = join(dir, entry);
      const relPath = rel ? `${rel}/${entry}` : entry;
      const st = await stat(abs).catch((e: NodeJS.ErrnoException) => {
        throw new Error(e.code === 'ENOENT' ? `${abs} is a link to nothing` : `cannot read ${abs}: ${e.message}`);
      });
      if (st.isDirectory()) await visit(abs, relPath, inside);
      else if (st.isFile()) files.push({ rel: relPath, abs, st });
      else throw new Error(`${abs} is neither a file nor a folder`);
    }
  };
  await visit(root, '', new Set());
  return files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
