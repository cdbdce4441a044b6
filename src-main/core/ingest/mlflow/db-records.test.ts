import { describe, expect, it } from 'vitest';
import { toPoints, toRecords, type DbRows } from './db-records';
import { localArtifactPath, sqlMetricValue } from './mlflow-values';

const rows = (over: Partial<DbRows> = {}): DbRows => ({
  experiments: [{ experiment_id: 0, name: 'Default', artifact_location: 'file:///m/0', lifecycle_stage: 'active', creation_time: 1 }],
  experimentTags: [{ owner: 0, pairs: '{"team":"x"}' }],
  runs: [{ run_uuid: 'r1', name: '', user_id: null, status: 'SCHEDULED', start_time: null, end_time: null, lifecycle_stage: 'active', artifact_uri: 'file:///m/0/r1/artifacts', experiment_id: 0, deleted_time: null }],
  params: [{ owner: 'r1', pairs: '{"lr":"0.1"}' }],
  tags: [{ owner: 'r1', pairs: '{"empty":"","mlflow.runName":"named-by-tag"}' }],
  datasetInputs: [{ run_uuid: 'r1', input_uuid: 'i1', name: 'ds', digest: 'd', source_type: 'local', source: '{}', schema: null, profile: null }],
  inputTags: [{ input_uuid: 'i1', name: 'mlflow.data.context', value: 'eval' }],
  ...over,
});

describe('toRecords', () => {
  it('maps rows to runs and experiments', () => {
    const { experiments, runs, problems } = toRecords(rows(), 99);
    expect(problems).toEqual([]);
    expect(experiments.get('0')).toEqual({ name: 'Default', artifactLocation: 'file:///m/0', lifecycleStage: 'active', creationTime: 1, tags: { team: 'x' } });
    expect(runs).toEqual([
      {
        id: 'r1',
        experiment: 'Default',
        name: 'named-by-tag',
        userId: '',
        status: 'RUNNING',
        startTime: 99,
        endTime: null,
        lifecycleStage: 'active',
        deletedTime: null,
        artifactUri: '/m/0/r1/artifacts',
        params: { lr: '0.1' },
        tags: { 'mlflow.runName': 'named-by-tag', empty: '' },
        inputs: [{ dataset: { name: 'ds', digest: 'd', sourceType: 'local', source: '{}', schema: null, profile: null }, tags: { 'mlflow.data.context': 'eval' } }],
      },
    ]);
  });

  it('reports a run of an unknown experiment or with a bad status, keeping the others', () => {
    const bad = rows().runs[0]!;
    const { runs, problems } = toRecords(rows({ runs: [bad, { ...bad, run_uuid: 'r2', experiment_id: 7 }, { ...bad, run_uuid: 'r3', status: 'PAUSED' }] }), 0);
    expect(runs.map((r) => r.id)).toEqual(['r1']);
    expect(problems).toEqual([expect.stringContaining('experiment 7 not found'), expect.stringContaining('r3')]);
  });
});

describe('metric values of the SQL store', () => {
  it('turns is_nan back into NaN and ±DBL_MAX back into ±Infinity', () => {
    expect(sqlMetricValue(0, 1)).toBeNaN();
    expect(sqlMetricValue(Number.MAX_VALUE, 0)).toBe(Infinity);
    expect(sqlMetricValue(-Number.MAX_VALUE, 0)).toBe(-Infinity);
    expect(sqlMetricValue(0.5, 0)).toBe(0.5);
  });

  it('groups points by run', () => {
    const points = toPoints([
      { rowid: 1, run_uuid: 'a', key: 'k', value: 1, timestamp: 10, step: 0, is_nan: 0 },
      { rowid: 2, run_uuid: 'b', key: 'k', value: 0, timestamp: null, step: null, is_nan: 1 },
    ]);
    expect(points.get('a')).toEqual([{ key: 'k', value: 1, step: 0, timestamp: 10 }]);
    expect(points.get('b')![0]).toMatchObject({ step: 0, timestamp: 0 });
    expect(points.get('b')![0]!.value).toBeNaN();
  });
});

describe('localArtifactPath', () => {
  it('turns file URIs into paths and keeps other URIs', () => {
    expect(localArtifactPath('file:///a/b%20c')).toBe('/a/b c');
    expect(localArtifactPath('file:/a/b')).toBe('/a/b');
    expect(localArtifactPath('/a/b')).toBe('/a/b');
    expect(localArtifactPath('s3://bucket/x')).toBe('s3://bucket/x');
    expect(localArtifactPath(null)).toBeNull();
  });
});
