import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN_FILE } from '../ingest/run-folder-format';

/** Folders never worth descending into when looking for runs. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', '.venv', '__pycache__']);
export const MAX_DEPTH = 12;

/**
 * Every folder under `root` (itself included) that holds a `run.json`. Symbolic links are not
 * followed, so a link loop cannot trap the walk; unreadable folders are reported and skipped.
 */
export async function findRunFolders(root: string, problems: string[]): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push(`${dir}: ${(e as Error).message}`);
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === RUN_FILE)) found.push(dir);
    if (depth >= MAX_DEPTH) return;
    for (const e of entries) {
      if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) await walk(join(dir, e.name), depth + 1);
    }
  }
  await walk(root, 0);
  return found;
}
