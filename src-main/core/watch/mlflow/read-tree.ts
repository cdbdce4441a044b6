import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { errorText } from '../source';
import { readRegularText } from '../read-regular-file';

/**
 * The files under `dir`, recursively, as MLflow keys: a key containing `/` is stored as nested
 * folders (`metrics/train/loss`). A missing folder has no keys.
 */
export async function listKeys(dir: string, problems: string[]): Promise<{ key: string; file: string }[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${dir}: ${errorText(e)}`);
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => {
      const file = join(e.parentPath, e.name);
      return { key: relative(dir, file).split(sep).join('/'), file };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every file under `dir` read whole (params, tags: the value is the file's text, unchanged). */
export async function readKeyValues(dir: string, problems: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const keys = await listKeys(dir, problems);
  const values = await Promise.all(
    keys.map(({ file }) =>
      readRegularText(file).catch((e: unknown) => {
        problems.push(`${file}: ${errorText(e)}`);
        return null;
      }),
    ),
  );
  keys.forEach(({ key }, i) => {
    if (values[i] !== null) out[key] = values[i]!;
  });
  return out;
}

/** A file's text, or null when it does not exist (a folder MLflow is still creating). */
export async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readRegularText(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
