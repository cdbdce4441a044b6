import { readdir } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';

/** Folders never worth descending into when looking for runs. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', '.venv', '__pycache__']);
export const MAX_DEPTH = 12;

/**
 * Visits every folder under `root` (itself included, up to MAX_DEPTH) and descends where
 * `visit` says so. Symbolic links are not followed, so a link loop cannot trap the walk;
 * unreadable folders are reported and skipped.
 */
export async function walkTree(root: string, problems: string[], visit: (dir: string, entries: Dirent[]) => boolean): Promise<void> {
  async function walk(dir: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push(`${dir}: ${(e as Error).message}`);
      return;
    }
    if (!visit(dir, entries) || depth >= MAX_DEPTH) return;
    for (const e of entries) {
      if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) await walk(join(dir, e.name), depth + 1);
    }
  }
  await walk(root, 0);
}
