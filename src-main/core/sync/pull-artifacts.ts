// A remote run's artifacts, fetched through the remote's artifact proxy into the local run's
// artifact folder. Every remote path goes through the artifact store's containment check
// before anything is requested or written: a remote naming `../x` is refused, not followed.
import { stat } from 'node:fs/promises';
import { ApiError } from '../../../src-shared/errors';
import type { ArtifactStore } from '../artifacts/artifact-store';
import type { MlflowRest } from '../registry/mlflow/mlflow-rest';

export interface RemoteFile {
  /** Relative to the run's artifact root, `/`-separated. */
  path: string;
  size: number | null;
}

/** Every file under the remote run's root, depth first; each name checked against `localRoot`. */
export async function listRemoteFiles(client: MlflowRest, root: string, artifacts: ArtifactStore, localRoot: string, signal: AbortSignal): Promise<RemoteFile[]> {
  const files: RemoteFile[] = [];
  const walk = async (dir: string) => {
    for (const entry of await client.listArtifacts(dir ? `${root}/${dir}` : root, signal)) {
      // MLflow lists an entry by its name in the folder; a name with a slash is taken as a path.
      const rel = dir ? `${dir}/${entry.path}` : entry.path;
      artifacts.resolveUnder(localRoot, rel);
      if (rel.split('/').some((p) => p === '' || p === '.')) throw new ApiError('INVALID_PARAMETER_VALUE', `Invalid artifact path: '${rel}'`);
      if (entry.is_dir) await walk(rel);
      else files.push({ path: rel, size: entry.file_size === undefined ? null : Number(entry.file_size) });
    }
  };
  await walk('');
  return files;
}

/** The files not yet here whole: missing, or of another size than the remote lists. */
export async function missingFiles(files: RemoteFile[], artifacts: ArtifactStore, localRoot: string): Promise<RemoteFile[]> {
  const out: RemoteFile[] = [];
  for (const f of files) {
    const local = await stat(await artifacts.resolveReal(localRoot, f.path)).catch(() => null);
    if (!local?.isFile() || (f.size !== null && local.size !== f.size)) out.push(f);
  }
  return out;
}

/** Streams one file into place (a temp file renamed when whole); answers its size. */
export async function downloadFile(client: MlflowRest, root: string, file: RemoteFile, artifacts: ArtifactStore, localRoot: string, signal: AbortSignal): Promise<number> {
  const res = await client.getArtifact(`${root}/${file.path}`, signal);
  const { bytes } = await artifacts.putUnder(localRoot, file.path, res.body);
  return bytes;
}
