// A run's artifact files to the remote run's artifact folder, through MLflow's artifact proxy.
// Each file pushed is remembered by (path, size, mtime): a re-push sends only new or changed
// files. A file is remembered only once the remote answered 2xx for all of it.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listDir, openFile, type ArtifactStore } from '../artifacts/artifact-store';
import type { PushedFile } from '../store/sync-repo';
import type { PushTarget } from './push-metrics';
import { remoteArtifactRoot } from './push-remote';

export interface LocalFile extends PushedFile {
  /** `/`-separated, relative to the run's artifact root. */
  path: string;
  abs: string;
}

/** Every file under the run's artifact folder (listDir skips half-written uploads and symlinks). */
async function localFiles(dir: string, prefix = ''): Promise<LocalFile[]> {
  const out: LocalFile[] = [];
  for (const e of await listDir(dir)) {
    const abs = join(dir, e.path);
    const path = prefix + e.path;
    if (e.isDir) out.push(...(await localFiles(abs, `${path}/`)));
    else {
      const info = await stat(abs).catch(() => null);
      if (info) out.push({ path, abs, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) });
    }
  }
  return out;
}

/** The run's files the remote lacks or holds an older version of. */
export async function artifactsToPush(t: Pick<PushTarget, 'store' | 'runId' | 'remote'>, artifacts: ArtifactStore, artifactUri: string | null): Promise<LocalFile[]> {
  const dir = artifacts.localDir(artifactUri);
  if (!dir) return [];
  const pushed = t.store.sync.pushedFiles(t.runId, t.remote);
  return (await localFiles(dir)).filter((f) => {
    const p = pushed.get(f.path);
    return !p || p.size !== f.size || p.mtimeMs !== f.mtimeMs;
  });
}

export async function pushArtifacts(t: PushTarget, files: LocalFile[], sentBytes: (n: number) => void): Promise<void> {
  if (files.length === 0) return;
  const root = await remoteArtifactRoot(t.client, t.remoteRunId, t.signal);
  for (const f of files) {
    t.signal.throwIfAborted();
    const { stream, size } = await openFile(f.abs, f.path);
    await t.client.putArtifact(root ? `${root}/${f.path}` : f.path, stream, size, t.signal);
    t.store.sync.filePushed(t.runId, t.remote, f.path, { size: f.size, mtimeMs: f.mtimeMs });
    sentBytes(f.size);
  }
}
