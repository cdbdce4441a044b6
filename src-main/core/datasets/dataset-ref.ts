import type { z } from 'zod';
import type { datasetRefSchema } from '../../../src-shared/contract';
import type { DatasetVersion } from '../../../src-shared/domain';
import type { DigestCache } from './digest';
import { describeLocal, type LocalDataset } from './describe-local';

/** A dataset version as a caller names it (the contract's ref), with the kind outputs have. */
export type DatasetRef = z.infer<typeof datasetRefSchema> & { kind?: DatasetVersion['kind'] };

/** The source type MLflow would give a URI: its scheme (`s3`, `https`, …), or `external`. */
function sourceTypeOf(source: string | undefined): string {
  const scheme = source ? /^([a-z][a-z0-9+.-]*):\/\//i.exec(source)?.[1] : undefined;
  return scheme ? scheme.toLowerCase() : 'external';
}

/**
 * The version a ref names. With `absPath` (the ref's path made absolute by the caller, who knows
 * what it is relative to) the data is digested and its schema read; a missing path rejects with
 * ENOENT. Without, the ref's digest and name (and columns and rows, when it gives them) are
 * recorded as given.
 */
export async function resolveRef(ref: DatasetRef, absPath: string | null, cache: DigestCache): Promise<LocalDataset> {
  if (absPath !== null) return describeLocal(absPath, cache, { name: ref.name, source: ref.source, kind: ref.kind });
  if (ref.digest === undefined || ref.name === undefined) throw new Error('a dataset ref needs a path, or a digest and a name');
  return {
    record: {
      name: ref.name,
      digest: ref.digest,
      sourceType: sourceTypeOf(ref.source),
      source: ref.source ?? '',
      schema: null,
      profile: null,
      kind: ref.kind ?? 'dataset',
      uri: ref.source ?? null,
      columns: ref.schema ?? null,
      rows: ref.rows ?? null,
    },
    problem: null,
  };
}
