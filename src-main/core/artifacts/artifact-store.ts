// SECURITY: every artifact path a client names goes through `resolve` below, which refuses
// absolute paths, `..` segments, backslashes and NUL bytes and re-checks that the final path
// stays under the artifact root; what the server reads or writes goes through `resolveReal`,
// which also follows symlinks. Nothing else in the server touches artifact paths.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve as resolvePath, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ApiError } from '../../../src-shared/errors';

export const MLFLOW_ARTIFACTS_SCHEME = 'mlflow-artifacts:';

export interface ArtifactFile {
  /** The entry's name within the listed folder. */
  path: string;
  isDir: boolean;
  size?: number;
}

function invalidPath(path: string): ApiError {
  return new ApiError('INVALID_PARAMETER_VALUE', `Invalid artifact path: '${path}'`);
}

/** Files logged through the server's artifact proxy, under `<data>/artifacts`. */
export class ArtifactStore {
  /** Temporary upload files older than this were left by a process that died mid-upload. */
  private readonly openedAt = Date.now();

  constructor(readonly root: string) {}

  /** The URI a new run's artifacts get: the client then uploads through our proxy routes. */
  runArtifactUri(experimentId: string, runId: string): string {
    return `${MLFLOW_ARTIFACTS_SCHEME}/${experimentId}/${runId}/artifacts`;
  }

  modelArtifactUri(experimentId: string, modelId: string): string {
    return `${MLFLOW_ARTIFACTS_SCHEME}/${experimentId}/models/${modelId}/artifacts`;
  }

  /** Maps a relative artifact path to a file under the root, refusing any escape from it. */
  resolve(relPath: string): string {
    return this.resolveUnder(this.root, relPath);
  }

  /** Maps a relative path to a file under `base`, refusing any escape from it. */
  resolveUnder(base: string, relPath: string): string {
    if (relPath.includes('\0') || relPath.includes('\\') || relPath.startsWith('/')) throw invalidPath(relPath);
    const parts = relPath.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.includes('..')) throw invalidPath(relPath);
    const full = resolvePath(base, ...parts);
    if (full !== base && !full.startsWith(base + sep)) throw invalidPath(relPath);
    return full;
  }

  /**
   * `resolveUnder`, then the same fence on the real path: a symlink inside the folder (planted
   * there, or a link in an imported MLflow store) must not lead a read, write or delete out of
   * it. Checks the deepest part of the path that exists; what does not exist yet is created
   * under it as real folders.
   */
  async resolveReal(base: string, relPath: string): Promise<string> {
    const full = this.resolveUnder(base, relPath);
    const realBase = await realpath(base).catch(() => null);
    if (realBase === null) return full;
    for (let probe = full; ; probe = dirname(probe)) {
      const real = await realpath(probe).catch((e: NodeJS.ErrnoException) => {
        // A missing part is checked through its parent; a symlink loop or unreadable link is refused.
        if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return null;
        throw invalidPath(relPath);
      });
      if (real === null) continue;
      if (real !== realBase && !real.startsWith(realBase + sep)) throw invalidPath(relPath);
      return full;
    }
  }

  /**
   * The local folder behind a run's artifact URI: our proxy's files for `mlflow-artifacts:`,
   * the folder itself for a local path or file: URI (runs imported from an MLflow store).
   */
  localDir(artifactUri: string | null): string | null {
    if (!artifactUri) return null;
    if (artifactUri.startsWith(MLFLOW_ARTIFACTS_SCHEME)) return this.resolve(artifactUri.slice(MLFLOW_ARTIFACTS_SCHEME.length).replace(/^\/+/, ''));
    if (artifactUri.startsWith('file:')) return fileURLToPath(artifactUri);
    if (artifactUri.startsWith('/')) return artifactUri;
    return null;
  }

  /** Streams a body into place under the root; a partial upload never replaces a complete file. */
  async put(relPath: string, body: Readable): Promise<void> {
    await this.putUnder(this.root, relPath, body);
  }

  /**
   * Streams a body to `relPath` under `base` (a run's artifact folder) through a temporary file
   * renamed into place once complete, so a cut upload leaves nothing half-written; returns the
   * stored path (relative to `base`, `/`-separated) and the file's size.
   */
  async putUnder(base: string, relPath: string, body: Readable): Promise<{ path: string; bytes: number }> {
    const file = await this.resolveReal(base, relPath);
    if (file === base) throw invalidPath(relPath);
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}.part`;
    try {
      await pipeline(body, createWriteStream(temp, { flags: 'wx' }));
      const { size } = await stat(temp);
      await rename(temp, file);
      await this.removeDeadUploads(file);
      return { path: relative(base, file).split(sep).join('/'), bytes: size };
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  }

  /**
   * Removes the temporary files of uploads to `file` cut off when an earlier process was killed
   * (its cleanup never ran). One still being written by this process is newer than the store.
   */
  private async removeDeadUploads(file: string): Promise<void> {
    const dir = dirname(file);
    const name = basename(file);
    for (const entry of await readdir(dir).catch(() => [])) {
      if (!UPLOAD_IN_PROGRESS.test(entry) || entry.replace(UPLOAD_IN_PROGRESS, '') !== name) continue;
      const part = join(dir, entry);
      const info = await stat(part).catch(() => null);
      if (info && info.mtimeMs < this.openedAt) await rm(part, { force: true });
    }
  }

  async open(relPath: string): Promise<{ stream: Readable; size: number }> {
    return openFile(await this.resolveReal(this.root, relPath), relPath);
  }

  async list(relDir: string): Promise<ArtifactFile[]> {
    return listDir(await this.resolveReal(this.root, relDir));
  }

  async delete(relPath: string): Promise<void> {
    const file = await this.resolveReal(this.root, relPath);
    if (file === this.root) throw invalidPath(relPath);
    await rm(file, { recursive: true, force: true });
  }
}

export async function openFile(file: string, shownAs: string): Promise<{ stream: Readable; size: number }> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Artifact '${shownAs}' does not exist`);
  return { stream: createReadStream(file), size: info.size };
}

/** Lists a folder's entries, sorted by name; a missing folder is empty, as in MLflow. */
/** The temporary name `put` writes to before the rename. */
const UPLOAD_IN_PROGRESS = /\.[0-9a-f-]{36}\.part$/;

export async function listDir(dir: string): Promise<ArtifactFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: ArtifactFile[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (UPLOAD_IN_PROGRESS.test(e.name)) continue;
    if (e.isDirectory()) files.push({ path: e.name, isDir: true });
    else if (e.isFile()) files.push({ path: e.name, isDir: false, size: (await stat(join(dir, e.name))).size });
  }
  return files;
}
