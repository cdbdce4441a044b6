// What changed between two versions of a dataset: the numbers a reviewer checks first (rows,
// size) as deltas, and the schema as columns added, removed and retyped. Column order changes
// are not reported: readers (pandas, pyarrow) select by name.
import type { DatasetColumn, DatasetVersion } from '../../../../src-shared/domain';

export interface ColumnRetype {
  name: string;
  from: string;
  to: string;
}

export interface NumberChange {
  from: number | null;
  to: number | null;
  /** `to - from`; null when either side is unknown. */
  delta: number | null;
}

export interface VersionDiff {
  sameDigest: boolean;
  rows: NumberChange;
  sizeBytes: NumberChange;
  format: { from: string | null; to: string | null; changed: boolean };
  /** False when either side has no recorded schema: the column lists below are then empty. */
  schemaKnown: boolean;
  added: DatasetColumn[];
  removed: DatasetColumn[];
  retyped: ColumnRetype[];
  /** Columns present on both sides with the same type. */
  unchanged: number;
}

function change(from: number | null, to: number | null): NumberChange {
  return { from, to, delta: from === null || to === null ? null : to - from };
}

/** `base` is the older version, `next` the newer one; the diff reads "from base to next". */
export function diffVersions(base: DatasetVersion, next: DatasetVersion): VersionDiff {
  const diff: VersionDiff = {
    sameDigest: base.digest === next.digest,
    rows: change(base.rows, next.rows),
    sizeBytes: change(base.sizeBytes, next.sizeBytes),
    format: { from: base.format, to: next.format, changed: base.format !== next.format },
    schemaKnown: base.columns !== null && next.columns !== null,
    added: [],
    removed: [],
    retyped: [],
    unchanged: 0,
  };
  if (!base.columns || !next.columns) return diff;
  const before = new Map(base.columns.map((c) => [c.name, c.type]));
  const after = new Map(next.columns.map((c) => [c.name, c.type]));
  for (const column of next.columns) {
    const old = before.get(column.name);
    if (old === undefined) diff.added.push(column);
    else if (old !== column.type) diff.retyped.push({ name: column.name, from: old, to: column.type });
    else diff.unchanged += 1;
  }
  for (const column of base.columns) {
    if (!after.has(column.name)) diff.removed.push(column);
  }
  return diff;
}

/**
 * The pair shown when the page opens: the latest version against the one before it. Versions
 * come oldest first, as `getDataset` returns them. Null for a dataset with a single version.
 */
export function defaultPair(versions: DatasetVersion[]): { base: DatasetVersion; next: DatasetVersion } | null {
  if (versions.length < 2) return null;
  return { base: versions[versions.length - 2]!, next: versions[versions.length - 1]! };
}
