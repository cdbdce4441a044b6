import { RUN_FILE } from '../ingest/run-folder-format';
import { walkTree } from './walk-tree';

/** Every folder under `root` (itself included) that holds a `run.json`. */
export async function findRunFolders(root: string, problems: string[]): Promise<string[]> {
  const found: string[] = [];
  await walkTree(root, problems, (dir, entries) => {
    if (entries.some((e) => e.isFile() && e.name === RUN_FILE)) found.push(dir);
    return true;
  });
  return found;
}
