import { basename } from 'node:path';
import type { DatasetVersion } from '../../../src-shared/domain';
import type { DatasetRecord } from '../store/dataset-repo';
import { digestPath, type DigestCache } from './digest';
import { formatOf, readSchema } from './schema/read-schema';

export interface LocalDataset {
  record: DatasetRecord;
  /** Why the columns could not be read (a malformed or cut-off file); the version still counts. */
  problem: string | null;
}

export interface LocalDatasetOptions {
  name?: string;
  /** Where the data lives for others, when not the path itself. */
  source?: string;
  kind?: DatasetVersion['kind'];
}

/**
 * A dataset version for a local file or folder: its digest, size, format, columns and rows.
 * `absPath` must be absolute; a missing path rejects with the fs error (ENOENT).
 */
export async function describeLocal(absPath: string, cache: DigestCache, opts: LocalDatasetOptions = {}): Promise<LocalDataset> {
  const { digest, sizeBytes, folder } = await digestPath(absPath, cache);
  const format = formatOf(absPath, folder);
  const schema = await readSchema(absPath, format);
  return {
    record: {
      name: opts.name ?? basename(absPath),
      digest,
      sourceType: 'local',
      source: opts.source ?? absPath,
      schema: null,
      profile: null,
      kind: opts.kind ?? 'dataset',
      uri: absPath,
      format,
      rows: schema.rows,
      sizeBytes,
      columns: schema.columns,
    },
    problem: schema.problem,
  };
}
