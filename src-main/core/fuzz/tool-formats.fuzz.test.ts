// The other tools' text formats Runlens reads while they are written: CSV/TSV (Keras, Lightning,
// DVCLive), JSON (DVCLive's summary, the HF trainer state, W&B's metadata), YAML (params files,
// dvc.lock, dvc.yaml, W&B's config, MLflow's meta.yaml) and MLflow's metric lines. On damaged
// input each returns, reports a problem or throws its documented error — and never hangs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NewPoint } from '../store/metric-point';
import { firstLine, parseNumberCell, splitCsvLine } from '../ingest/csv/csv-line';
import { readCsvRows, type RowReader } from '../ingest/csv/csv-rows';
import { parseDvcLock, parseDvcYamlArtifacts } from '../ingest/dvc/dvc-project-format';
import { dvcliveRowReader, dvcliveTsvColumns, parseDvcliveSummary, summaryPoints, TSV_SEP } from '../ingest/dvclive/dvclive-format';
import { parseTrainerState } from '../ingest/hf-trainer/trainer-state';
import { kerasHeader, kerasRowReader, looksLikeKerasRow } from '../ingest/keras/keras-csv';
import { lightningColumns, lightningRowReader } from '../ingest/lightning/lightning-csv';
import { localArtifactPath, runStatus } from '../ingest/mlflow/mlflow-values';
import { parseDatasetMeta, parseExperimentMeta, parseInputMeta, parseMetricFileLine, parseRunMeta } from '../ingest/mlflow/file-store-format';
import { parseYamlParams } from '../ingest/params/flatten-params';
import { configYamlParams, jsonNumber, metadataJsonTags } from '../ingest/wandb/wandb-mapping';
import { ApiError } from '../../../src-shared/errors';
import { RUN_STATUSES } from '../../../src-shared/domain';
import { csvField } from '../report/report-csv';
import { exactly, fuzzRuns, hostileText, neverThrows, reasonError, settles } from './fuzz-support';

/** A point any reader hands the store: a key, a number, and finite step and time. */
function expectStorable(points: readonly NewPoint[]): void {
  for (const p of points) {
    expect(typeof p.key).toBe('string');
    expect(typeof p.value).toBe('number');
    if (p.step !== undefined) expect(Number.isFinite(p.step)).toBe(true);
    expect(Number.isFinite(p.timestamp)).toBe(true);
  }
}

/** How the folder watchers read a CSV/TSV file: its header picks the reader, then every row. */
function readCsvFile(text: string, header: (line: string) => { sep: string; read: RowReader } | null): NewPoint[] {
  const line = firstLine(text);
  if (line === null) return [];
  const h = header(line);
  if (!h) return [];
  const problems: string[] = [];
  const { points } = readCsvRows(text, 0, h.sep, 0, h.read, 'f', problems);
  for (const p of problems) expect(typeof p).toBe('string');
  return points;
}

const KERAS = ['epoch,loss,val_loss\n0,0.5,0.6\n1,0.4,NA\n2,nan,"[1, 2]"\n', 'epoch;acc\r\n0;0.9\r\n1;inf\r\n'];
const LIGHTNING = ['step,epoch,train_loss,val_acc\n0,0,0.5,\n1,0,,0.9\n2,1,-inf,1e-05\n', 'epoch,step,"a,b"\n0,,3\n'];
const DVCLIVE_TSV = ['timestamp\tstep\tloss\n1700000000000\t0\t0.5\n1700000000100\t1\tnan\n', 'step\tacc\n0\t0.1\n1\t-Infinity\n'];
const JSON_FILES = [
  '{"step": 3, "loss": 0.5, "val": {"acc": NaN, "f1": "0.3"}, "name": "x"}',
  '{"global_step": 10, "max_steps": 10, "log_history": [{"loss": 0.5, "step": 5, "epoch": 1.0}, {"train_runtime": 3.2, "step": 10}], "best_metric": null}',
  '{"os": "Linux", "python": "3.11", "gpu_count": 2, "git": {"remote": "git@x:y.git", "commit": "abc"}}',
];
const YAML_FILES = [
  'lr: 0.001\noptimizer:\n  name: adam\n  betas: [0.9, 0.999]\nlayers: !!python/tuple [1, 2]\n',
  'schema: "2.0"\nstages:\n  train:\n    cmd: python train.py\n    deps:\n    - path: data\n      md5: abc.dir\n      size: 10\n      nfiles: 2\n    params:\n      params.yaml:\n        lr: 0.1\n    outs:\n    - path: model.pt\n      md5: def\n',
  'metrics:\n- metrics.json\nplots:\n- plots/a.tsv: {x: step}\nstages:\n  s:\n    cmd: x\n    metrics:\n    - m.json\n',
  'lr:\n  desc: null\n  value: 0.01\n_wandb:\n  value: {cli_version: 0.17}\nanchor: &a {x: 1}\nref: *a\n',
];
const META_YAMLS = [
  "artifact_location: file:///tmp/mlruns/1\ncreation_time: 1700000000000\nexperiment_id: '1'\nlast_update_time: 1700000000000\nlifecycle_stage: active\nname: exp\n",
  "artifact_uri: file:///tmp/mlruns/1/abc/artifacts\nend_time: 1700000000500\nentry_point_name: ''\nexperiment_id: '1'\nlifecycle_stage: active\nrun_id: abc\nrun_name: 1e3\nrun_uuid: abc\nsource_type: 4\nstart_time: 1700000000000\nstatus: 3\nuser_id: me\n",
  'digest: 1a2b\nname: mnist\nprofile: \'{"num_rows": 3}\'\nschema: null\nsource: s3://b/k\nsource_type: s3\n',
  'destination_id: abc\ndestination_type: RUN\nsource_id: d1\nsource_type: DATASET\ntags:\n  mlflow.data.context: training\n',
];
const METRIC_FILE_LINES = ['1700000000000 0.5 3', '1700000000000 nan 0', '1700000000000 -inf', '1700000000000 1e-07 4 train 1a2b'];

/** Python's repr of a float, as MLflow's file store writes it. */
const pythonFloat = (n: number) => (Number.isNaN(n) ? 'nan' : n === Infinity ? 'inf' : n === -Infinity ? '-inf' : Object.is(n, -0) ? '-0.0' : String(n));

/** Counterexamples the fuzzing found: yaml's toJS() threw a ReferenceError through the readers. */
const ALIAS_REGRESSIONS = [
  'lr:\n  desc: null\n  value: 0.01\nanchor &a {x: 1}\nref: *a\n',
  // An anchor holding an alias to itself: a value that contains itself (found in CI, seed 649113143).
  'r:\n  desc: null\n  value: 0.01\n_wandb:\n  value: {cli_version: 0.17}\nanchor: &a {x: *a}\nref: *a\n',
  `a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n${['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdef'[i]}`).join(', ')}]`).join('\n')}\n`,
];

describe('tool format fuzzing', () => {
  it('a CSV row written with report-csv quoting splits back into its fields', () => {
    const field = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('"', '","', 'a\r\nb', ',', '""x'));
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), (fields) => {
        expect(splitCsvLine(fields.map(csvField).join(','), ',')).toEqual(fields);
      }),
      fuzzRuns(2000),
    );
  });

  it('a metric cell reads back every double from its JS or Python spelling', () => {
    fc.assert(
      fc.property(fc.double(), fc.boolean(), (n, python) => {
        const cell = python ? pythonFloat(n) : String(n);
        expect(Object.is(parseNumberCell(` ${cell} `), Object.is(n, -0) && !python ? 0 : n)).toBe(true);
      }),
      fuzzRuns(2000),
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (cell) => void settles(() => parseNumberCell(cell), neverThrows)), fuzzRuns(1000));
  });

  it('Keras, Lightning and DVCLive files, damaged, give storable points and reported problems', () => {
    const now = 1_700_000_000_000;
    fc.assert(
      fc.property(hostileText(KERAS), (text) => {
        const points = settles(
          () =>
            readCsvFile(text, (line) => {
              const h = kerasHeader(line);
              const second = text.split('\n')[1];
              if (h && second !== undefined) looksLikeKerasRow(h, second);
              return h && { sep: h.sep, read: kerasRowReader(h, now) };
            }),
          neverThrows,
        );
        expectStorable(points ?? []);
      }),
      fuzzRuns(1500),
    );
    fc.assert(
      fc.property(hostileText(LIGHTNING), (text) => {
        const points = settles(() => readCsvFile(text, (line) => {
          const columns = lightningColumns(line);
          return columns && { sep: ',', read: lightningRowReader(columns, now) };
        }), neverThrows);
        expectStorable(points ?? []);
      }),
      fuzzRuns(1500),
    );
    fc.assert(
      fc.property(hostileText(DVCLIVE_TSV), (text) => {
        const points = settles(() => readCsvFile(text, (line) => {
          const columns = dvcliveTsvColumns(line);
          return columns && { sep: TSV_SEP, read: dvcliveRowReader('loss', columns, now) };
        }), neverThrows);
        expectStorable(points ?? []);
      }),
      fuzzRuns(1500),
    );
  });

  it('JSON files (DVCLive summary, trainer_state.json, wandb-metadata.json), damaged, read or get a reason', () => {
    fc.assert(
      fc.property(hostileText(JSON_FILES), (text) => {
        const summary = settles(() => parseDvcliveSummary(text), reasonError);
        if (summary) expectStorable(summaryPoints(summary, 1));
        const state = settles(() => parseTrainerState(text), reasonError);
        if (state) expectStorable(state.history.map((p) => ({ ...p, timestamp: 1 })));
        settles(() => metadataJsonTags(text), exactly(SyntaxError));
      }),
      fuzzRuns(3000),
    );
  });

  it('YAML files (params, dvc.lock, dvc.yaml, W&B config), damaged, give values and problems', () => {
    fc.assert(
      fc.property(hostileText(YAML_FILES), (text) => {
        const params = settles(() => parseYamlParams(text, 'f'), neverThrows);
        for (const v of Object.values(params?.params ?? {})) expect(typeof v).toBe('string');
        settles(() => parseDvcLock(text, 'f'), neverThrows);
        settles(() => parseDvcYamlArtifacts(text, 'f'), neverThrows);
        // Its caller reports the reason it throws.
        settles(() => configYamlParams(text), reasonError);
      }),
      fuzzRuns(600),
    );
  });

  it('YAML aliases missing their anchor, holding themselves, or multiplying (billion laughs), are a problem (regression)', () => {
    for (const text of ALIAS_REGRESSIONS) {
      expect(parseDvcLock(text, 'f').problems).toEqual([expect.stringMatching(/^f: not valid YAML: /)]);
      expect(parseDvcYamlArtifacts(text, 'f').problems).toEqual([expect.stringMatching(/^f: not valid YAML: /)]);
      expect(() => configYamlParams(text)).toThrow(/^not valid YAML: /);
      settles(() => parseYamlParams(text, 'f'), neverThrows);
    }
  });

  it("MLflow's meta.yaml files, damaged, read or get a reason", () => {
    fc.assert(
      fc.property(hostileText(META_YAMLS), (text) => {
        settles(() => parseExperimentMeta(text), reasonError);
        settles(() => parseRunMeta(text), reasonError);
        settles(() => parseDatasetMeta(text), reasonError);
        settles(() => parseInputMeta(text), reasonError);
      }),
      fuzzRuns(800),
    );
  });

  it("an MLflow metric line reads back what the file store wrote, and junk gets a reason", () => {
    const ms = fc.integer({ min: 0, max: 4_102_444_800_000 });
    fc.assert(
      fc.property(ms, fc.double(), fc.option(fc.maxSafeNat(), { nil: undefined }), (timestamp, value, step) => {
        const line = [timestamp, pythonFloat(value), ...(step === undefined ? [] : [step])].join(' ');
        const p = parseMetricFileLine(line, 'k');
        expect(p.key).toBe('k');
        expect([p.timestamp, p.step]).toEqual([timestamp, step ?? 0]);
        expect(Object.is(p.value, Object.is(value, -0) ? -0 : value)).toBe(true);
      }),
      fuzzRuns(1500),
    );
    fc.assert(fc.property(hostileText(METRIC_FILE_LINES), (line) => void settles(() => parseMetricFileLine(line, 'k'), reasonError)), fuzzRuns(2000));
  });

  it("MLflow's status and artifact URI values: a known status or an ApiError, a path or the URI", () => {
    // 'constructor' found Object's constructor in the status table and was taken as a status.
    expect(() => runStatus('constructor')).toThrow(ApiError);
    const statusText = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'FINISHED', '3'));
    fc.assert(
      fc.property(statusText, (s) => {
        const status = settles(() => runStatus(s), exactly(ApiError));
        if (status !== undefined) expect(RUN_STATUSES).toContain(status);
      }),
      fuzzRuns(1000),
    );
    fc.assert(
      fc.property(hostileText(['file:///tmp/mlruns/1/abc/artifacts', 'file:relative/path', 's3://bucket/key', '/abs/path']), (uri) => {
        const path = settles(() => localArtifactPath(uri), neverThrows);
        expect(path === null || typeof path === 'string').toBe(true);
      }),
      fuzzRuns(1000),
    );
  });

  it('a W&B history number reads back every finite double, and nothing else is a number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(jsonNumber(JSON.stringify(n))).toBe(n === 0 ? 0 : n);
      }),
      fuzzRuns(1000),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        const n = settles(() => jsonNumber(text), neverThrows);
        if (n !== null && n !== undefined && !Number.isNaN(n)) expect(Number(text)).toBe(n);
      }),
      fuzzRuns(1000),
    );
  });
});
