import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTempDirs } from '../test-support/temp-dir';
import { openStore } from './store';
import type { DatasetRecord } from './dataset-repo';

const tempDir = useTempDirs();

const base: DatasetRecord = { name: 'clean', digest: 'sha256:aa', sourceType: 'local', source: '/d/clean.csv', schema: null, profile: null };

function storeWithRun() {
  const store = openStore(join(tempDir(), 'runlens.db'));
  store.runs.insert({ id: 'r1', experiment: 'e', name: 'n', status: 'RUNNING', startTime: 1, endTime: null, sourceKind: 'api', sourcePath: null });
  return store;
}

describe('DatasetRepo', () => {
  it('records a run output with what the core read of it, and keeps it when MLflow logs the version again', () => {
    const store = storeWithRun();
    const columns = [{ name: 'x', type: 'int64' }];
    const id = store.datasets.addRunOutput('r1', { ...base, kind: 'dataset', uri: '/d/clean.csv', format: 'csv', rows: 3, sizeBytes: 12, columns }, 'cleaned', 5);
    // The same version logged as an input by MLflow, knowing nothing of format or columns.
    expect(store.datasets.addRunInput('r1', base, { 'mlflow.data.context': 'training' }, 9)).toBe(id);
    const row = store.db.prepare('SELECT kind, uri, format, row_count, size_bytes, columns_json, created_at FROM datasets WHERE id = ?').get(id);
    expect(row).toEqual({ kind: 'dataset', uri: '/d/clean.csv', format: 'csv', row_count: 3, size_bytes: 12, columns_json: JSON.stringify(columns), created_at: 5 });
    expect(store.db.prepare('SELECT run_id, dataset_id, context FROM run_dataset_outputs').all()).toEqual([{ run_id: 'r1', dataset_id: id, context: 'cleaned' }]);
    store.close();
  });

  it('defaults kind to dataset and records an artifact output as one', () => {
    const store = storeWithRun();
    const d = store.datasets.upsert(base, 1);
    const a = store.datasets.addRunOutput('r1', { ...base, name: 'report.html', kind: 'artifact' }, null, 1);
    const kinds = store.db.prepare('SELECT id, kind FROM datasets ORDER BY id').all();
    expect(kinds).toEqual([{ id: d, kind: 'dataset' }, { id: a, kind: 'artifact' }]);
    store.close();
  });
});
