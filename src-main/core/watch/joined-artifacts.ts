// A run folder that joins a run created another way (the Python client switching to the spool
// mid-run) leaves the run its artifact folder (see ingestRunFolder). The files the client put in
// the folder's artifacts/ after the switch are copied there, so the run lists them all.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { ARTIFACTS_DIR } from '../ingest/run-folder-format';
import { errorText } from './source';
import { walkTree } from './walk-tree';

/**
 * Copies each file under the run folder's artifacts/ that `to` lacks, or holds older or of
 * another size; returns how many were copied. Each copy goes through the artifact store (its
 * path check, and a temporary file renamed into place), so a file still being written is copied
 * again once it changes. Each source is checked by its real path too: an artifacts/ folder that
 * is a symlink out of the run folder (or a link planted on the way) must not make the server
 * copy files from elsewhere into a run anyone with the token can download.
 */
export async function copyJoinedArtifacts(runDir: string, to: string, artifacts: ArtifactStore, problems: string[]): Promise<number> {
  const from = join(runDir, ARTIFACTS_DIR);
  if (!(await stat(from).catch(() => null))?.isDirectory()) return 0;
  const files: string[] = [];
  await walkTree(from, problems, (dir, entries) => {
    for (const e of entries) if (e.isFile()) files.push(join(dir, e.name));
    return true;
  });
  let copied = 0;
  for (const file of files) {
    const rel = relative(from, file).split(sep).join('/');
    try {
      const real = await artifacts.resolveReal(runDir, `${ARTIFACTS_DIR}/${rel}`);
      const [source, target] = await Promise.all([stat(real), stat(await artifacts.resolveReal(to, rel)).catch(() => null)]);
      if (target && target.size === source.size && target.mtimeMs >= source.mtimeMs) continue;
      await artifacts.putUnder(to, rel, createReadStream(real));
      copied += 1;
    } catch (e) {
      problems.push(`${file}: not copied to the run's artifacts: ${errorText(e)}`);
    }
  }
  return copied;
}
