import { describe, expect, it } from 'vitest';
import type { DatasetVersion } from '../../../../src-shared/domain';
import { defaultPair, diffVersions } from './version-diff';

function version(id: number, fields: Partial<DatasetVersion> = {}): DatasetVersion {
  return {
    id,
    name: 'reviews',
    digest: `sha256:${String(id).repeat(8)}`,
    kind: 'dataset',
    sourceType: 'local',
    source: '/data/reviews.csv',
    uri: '/data/reviews.csv',
    format: 'csv',
    rows: 100,
    sizeBytes: 4096,
    columns: [
      { name: 'id', type: 'int64' },
      { name: 'text', type: 'string' },
      { name: 'label', type: 'int64' },
    ],
    createdAt: id * 1000,
    ...fields,
  };
}

describe('dataset version diff', () => {
  it('lists columns added, removed and retyped, and the row and size deltas', () => {
    const base = version(1);
    const next = version(2, {
      rows: 130,
      sizeBytes: 5000,
      columns: [
        { name: 'label', type: 'string' },
        { name: 'id', type: 'int64' },
        { name: 'lang', type: 'string' },
      ],
    });
    const diff = diffVersions(base, next);
    expect(diff.sameDigest).toBe(false);
    expect(diff.rows).toEqual({ from: 100, to: 130, delta: 30 });
    expect(diff.sizeBytes).toEqual({ from: 4096, to: 5000, delta: 904 });
    expect(diff.added).toEqual([{ name: 'lang', type: 'string' }]);
    expect(diff.removed).toEqual([{ name: 'text', type: 'string' }]);
    expect(diff.retyped).toEqual([{ name: 'label', from: 'int64', to: 'string' }]);
    expect(diff.unchanged).toBe(1);
    expect(diff.schemaKnown).toBe(true);
    expect(diff.format.changed).toBe(false);
  });

  it('reports nothing for identical versions, and negative deltas when data shrinks', () => {
    const same = diffVersions(version(1), version(1));
    expect(same.sameDigest).toBe(true);
    expect(same.rows.delta).toBe(0);
    expect([same.added, same.removed, same.retyped]).toEqual([[], [], []]);
    expect(same.unchanged).toBe(3);
    expect(diffVersions(version(1), version(2, { rows: 90 })).rows.delta).toBe(-10);
  });

  it('keeps unknowns unknown: no rows, no size, no schema on one side', () => {
    const diff = diffVersions(version(1, { rows: null, columns: null }), version(2, { sizeBytes: null, format: 'parquet' }));
    expect(diff.rows).toEqual({ from: null, to: 100, delta: null });
    expect(diff.sizeBytes.delta).toBeNull();
    expect(diff.schemaKnown).toBe(false);
    expect([diff.added, diff.removed, diff.retyped]).toEqual([[], [], []]);
    expect(diff.format).toEqual({ from: 'csv', to: 'parquet', changed: true });
  });

  it('pairs the latest version with the one before it by default', () => {
    expect(defaultPair([version(1)])).toBeNull();
    const [a, b, c] = [version(1), version(2), version(3)];
    expect(defaultPair([a, b, c])).toEqual({ base: b, next: c });
  });
});
