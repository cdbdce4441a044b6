import { describe, expect, it } from 'vitest';
import { parseDatasetMeta, parseExperimentMeta, parseInputMeta, parseMetricFileLine, parseRunMeta } from './file-store-format';

describe('parseMetricFileLine', () => {
  it('reads timestamp, value and step', () => {
    expect(parseMetricFileLine('1700000000123 0.25 7', 'train/loss')).toEqual({ key: 'train/loss', timestamp: 1700000000123, value: 0.25, step: 7 });
    expect(parseMetricFileLine('1 1e-05 -3\n', 'k')).toMatchObject({ value: 1e-5, step: -3 });
  });

  it("reads Python's nan, inf and -inf", () => {
    expect(parseMetricFileLine('1 nan 0', 'k').value).toBeNaN();
    expect(parseMetricFileLine('1 inf 1', 'k').value).toBe(Infinity);
    expect(parseMetricFileLine('1 -inf 2', 'k').value).toBe(-Infinity);
    expect(parseMetricFileLine('1 Infinity 2', 'k').value).toBe(Infinity);
  });

  it('reads old 2-field lines as step 0 and 5-field lines logged with a dataset', () => {
    expect(parseMetricFileLine('5 1.5', 'k')).toMatchObject({ value: 1.5, step: 0, timestamp: 5 });
    expect(parseMetricFileLine('5 1.5 3 train-ds 9af3', 'k')).toMatchObject({ value: 1.5, step: 3 });
  });

  it('rejects junk with a reason', () => {
    expect(() => parseMetricFileLine('hello', 'k')).toThrow(/found 1/);
    expect(() => parseMetricFileLine('1 2 3 4', 'k')).toThrow(/found 4/);
    expect(() => parseMetricFileLine('1 abc 3', 'k')).toThrow(/not a number/);
    expect(() => parseMetricFileLine('1 0x10 3', 'k')).toThrow(/not a number/);
    expect(() => parseMetricFileLine('1 2 3.5', 'k')).toThrow(/step/);
    expect(() => parseMetricFileLine('soon 2 3', 'k')).toThrow(/timestamp/);
  });
});

describe('parseRunMeta', () => {
  const base = "artifact_uri: file:///m/1/abc/artifacts\nend_time: null\nexperiment_id: '1'\nlifecycle_stage: active\nrun_id: abc\nstart_time: 1700000000000\nuser_id: me\n";

  it('maps the integer status, SCHEDULED becoming RUNNING', () => {
    const status = (n: number | string) => parseRunMeta(`${base}status: ${n}\n`).status;
    expect([1, 2, 3, 4, 5].map(status)).toEqual(['RUNNING', 'RUNNING', 'FINISHED', 'FAILED', 'KILLED']);
    expect(parseRunMeta(base).status).toBe('RUNNING');
    expect(() => status(9)).toThrow();
  });

  it('keeps names PyYAML wrote bare as text, unfolds long strings, reads old field names', () => {
    expect(parseRunMeta(`${base}run_name: 1e3\nstatus: 3\n`).name).toBe('1e3');
    expect(parseRunMeta(`${base}run_name: 0x10\n`).name).toBe('0x10');
    expect(parseRunMeta(`${base}run_name: 'null'\n`).name).toBe('null');
    expect(parseRunMeta(`${base}run_name: a very long name that\n  PyYAML folded\n`).name).toBe('a very long name that PyYAML folded');
    const old = parseRunMeta("run_uuid: abc\nexperiment_id: 0\nname: legacy\nstatus: 3\nstart_time: 5\nend_time: 6\n");
    expect(old).toMatchObject({ runId: 'abc', experimentId: '0', name: 'legacy', lifecycleStage: 'active', startTime: 5, endTime: 6, userId: '' });
  });

  it('reads lifecycle and deletion time', () => {
    expect(parseRunMeta(`${base}lifecycle_stage: deleted\ndeleted_time: 1700000000099\n`.replace('lifecycle_stage: active\n', ''))).toMatchObject({ lifecycleStage: 'deleted', deletedTime: 1700000000099 });
  });

  it('refuses malformed yaml and missing ids', () => {
    expect(() => parseRunMeta('run_id: [unclosed\n')).toThrow(/YAML/);
    expect(() => parseRunMeta('just text')).toThrow(/mapping/);
    expect(() => parseRunMeta("experiment_id: '1'\n")).toThrow(/run_id/);
    expect(() => parseRunMeta(`${base}start_time: yesterday\n`.replace('start_time: 1700000000000\n', ''))).toThrow(/start_time/);
  });
});

describe('experiment, dataset and input meta.yaml', () => {
  it('reads an experiment', () => {
    const e = parseExperimentMeta("artifact_location: file:///m/5\ncreation_time: 12\nexperiment_id: '5'\nlast_update_time: 13\nlifecycle_stage: deleted\nname: 'yes'\n");
    expect(e).toEqual({ experimentId: '5', name: 'yes', artifactLocation: 'file:///m/5', lifecycleStage: 'deleted', creationTime: 12 });
  });

  it('reads a dataset whose JSON fields PyYAML folded', () => {
    const d = parseDatasetMeta("digest: 2981c147\nname: ds\nprofile: '{\"num_rows\": 2,\n  \"num_elements\": 2}'\nschema: null\nsource: '{\"uri\": \"s3://b/x.csv\"}'\nsource_type: s3\n");
    expect(d).toEqual({ name: 'ds', digest: '2981c147', sourceType: 's3', source: '{"uri": "s3://b/x.csv"}', schema: null, profile: '{"num_rows": 2, "num_elements": 2}' });
  });

  it('reads an input, ignoring the destination_id writers get wrong', () => {
    const i = parseInputMeta('destination_id: 6c24\ndestination_type: RUN\nsource_id: 6c24\nsource_type: DATASET\ntags:\n  mlflow.data.context: training\n');
    expect(i).toEqual({ sourceType: 'DATASET', sourceId: '6c24', tags: { 'mlflow.data.context': 'training' } });
  });
});
