import { describe, expect, it } from 'vitest';
import { datasetColumns, datasetRowCount, datasetSourceLabel } from './dataset-fields';

describe('dataset fields', () => {
  it('reads the uri of a source, or keeps the text', () => {
    expect(datasetSourceLabel('{"uri": "/data/train.csv"}')).toBe('/data/train.csv');
    expect(datasetSourceLabel('{"table": "main.sales"}')).toBe('{"table": "main.sales"}');
    expect(datasetSourceLabel('s3://bucket/x')).toBe('s3://bucket/x');
  });
  it('reads mlflow_colspec columns, else null', () => {
    expect(datasetColumns('{"mlflow_colspec": [{"type": "double", "name": "x"}, {"type": "long"}]}')).toEqual([
      { name: 'x', type: 'double' },
      { name: '#1', type: 'long' },
    ]);
    expect(datasetColumns('{"mlflow_tensorspec": {}}')).toBeNull();
    expect(datasetColumns('not json')).toBeNull();
    expect(datasetColumns(null)).toBeNull();
  });
  it('reads num_rows from a profile', () => {
    expect(datasetRowCount('{"num_rows": 42, "num_elements": 84}')).toBe(42);
    expect(datasetRowCount('{"features_shape": [3]}')).toBeNull();
    expect(datasetRowCount(null)).toBeNull();
  });
});
