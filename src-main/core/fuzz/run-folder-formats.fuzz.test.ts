// The native formats (README "The run-folder format" and the HTTP API's points): lenient JSON,
// run.json, metrics.jsonl lines, inputs/outputs.json, wire numbers and the per-point check.
// Junk gets the parser's reason (a plain Error), never a TypeError; what a writer printed reads
// back as written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricPointProblem } from '../../../src-shared/metric-point-check';
import { fromWire, toWire } from '../../../src-shared/wire-number';
import { parseLenientJson } from '../ingest/lenient-json';
import { parseMetricLine, parseRunFile } from '../ingest/run-folder-format';
import { parseInputsFile, parseOutputsFile } from '../ingest/run-folder-io-format';
import { exactly, fuzzRuns, hostileText, reasonError, settles } from './fuzz-support';

/** A double of any kind, NaN and ±Infinity included; -0 too (it survives JSON as 0). */
const anyDouble = fc.double();

/** JSON as Python's json.dumps writes it: bare NaN, Infinity and -Infinity. */
function pythonJson(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pythonJson).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => `${JSON.stringify(k)}: ${pythonJson(x)}`).join(', ')}}`;
  return JSON.stringify(v);
}

/** What the lenient parser reads a Python value back as: the non-finite numbers as their names. */
function asContract(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : toWire(v);
  if (Array.isArray(v)) return v.map(asContract);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asContract(x)]));
  return v;
}

const pythonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, anyDouble, fc.string({ unit: 'binary' }), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('value'), { maxKeys: 4 }),
})).value;

const KEY = fc.stringMatching(/^[\w\-.: ]{1,20}(\/[\w\-: ]{1,10}){0,2}$/).filter((k) => !k.split('/').includes('..'));
const COUNT = fc.maxSafeNat();

const METRIC_LINES = [
  '{"key": "loss", "value": 0.25, "step": 3, "timestamp": 1700000000000}',
  '{"key": "val/acc", "value": NaN, "step": 0, "seq": 7}',
  '{"key":"lr","value":"Infinity"}',
  '{"key": "x", "value": -Infinity, "timestamp": 5}',
];
const RUN_FILES = [
  '{"id": "run-1", "experiment": "exp", "name": "a", "status": "FINISHED", "startTime": 1, "endTime": null, "params": {"lr": 0.1, "opt": "adam", "flag": true}, "tags": {"t": "v"}}',
  '{"name": "b", "params": {"x": NaN}}',
  '{}',
];
const IO_FILES = [
  '[{"path": "data/train.csv"}, {"digest": "abc", "name": "mnist"}]',
  '[{"path": "model.pt", "kind": "model"}, {"path": "out", "kind": "artifact"}]',
  '[]',
];

describe('run-folder format fuzzing', () => {
  it('lenient JSON reads JSON.stringify output as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        expect(parseLenientJson(text)).toEqual(JSON.parse(text));
      }),
      fuzzRuns(1000),
    );
  });

  it("lenient JSON reads Python's json.dumps output with the non-finite numbers named", () => {
    fc.assert(
      fc.property(pythonValue, (v) => {
        expect(parseLenientJson(pythonJson(v))).toEqual(asContract(v));
      }),
      fuzzRuns(1000),
    );
  });

  it('lenient JSON gives a value or a SyntaxError on any text', () => {
    fc.assert(
      fc.property(hostileText([...METRIC_LINES, ...RUN_FILES, ...IO_FILES]), (text) => void settles(() => parseLenientJson(text), exactly(SyntaxError))),
      fuzzRuns(3000),
    );
  });

  it('wire numbers: toWire then fromWire gives back every double, and the Python spellings decode', () => {
    fc.assert(
      fc.property(anyDouble, (n) => {
        const wire = toWire(n);
        expect(Object.is(fromWire(wire), n)).toBe(true);
        // And through JSON, which has no NaN (it would become null) and no -0.
        expect(fromWire(JSON.parse(JSON.stringify(wire)))).toEqual(n === 0 ? 0 : n);
      }),
      fuzzRuns(2000),
    );
    expect([fromWire('nan'), fromWire('inf'), fromWire('-inf')]).toEqual([NaN, Infinity, -Infinity]);
  });

  it('a metrics.jsonl line reads back the point a writer printed, in either JSON dialect', () => {
    const point = fc.record({ key: KEY, value: anyDouble, step: fc.option(COUNT, { nil: undefined }), timestamp: fc.option(COUNT, { nil: undefined }), seq: fc.option(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), { nil: undefined }) }, { requiredKeys: ['key', 'value'] });
    fc.assert(
      fc.property(point, fc.boolean(), (p, python) => {
        const line = python ? pythonJson(p) : JSON.stringify({ ...p, value: toWire(p.value) });
        const read = parseMetricLine(line);
        expect(read.key).toBe(p.key);
        expect(Object.is(read.value, Object.is(p.value, -0) ? 0 : p.value)).toBe(true);
        expect([read.step, read.timestamp, read.seq]).toEqual([p.step, p.timestamp, p.seq]);
        expect(metricPointProblem(JSON.parse(JSON.stringify({ ...p, value: toWire(p.value) })))).toBeNull();
      }),
      fuzzRuns(1500),
    );
  });

  it('junk metrics.jsonl lines, run.json and inputs/outputs.json files get a reason, never a crash', () => {
    fc.assert(
      fc.property(hostileText(METRIC_LINES), (line) => void settles(() => parseMetricLine(line), reasonError)),
      fuzzRuns(3000),
    );
    fc.assert(
      fc.property(hostileText(RUN_FILES), (text) => void settles(() => parseRunFile(text, '/tmp/r', 'r'), reasonError)),
      fuzzRuns(2000),
    );
    fc.assert(
      fc.property(hostileText(IO_FILES), (text) => {
        settles(() => parseInputsFile(text), reasonError);
        settles(() => parseOutputsFile(text), reasonError);
      }),
      fuzzRuns(2000),
    );
  });

  it('the per-point check judges any JSON value without throwing', () => {
    const nearPoint = fc.record({ key: fc.oneof(KEY, fc.jsonValue()), value: fc.oneof(fc.double(), fc.jsonValue()), step: fc.jsonValue(), timestamp: fc.jsonValue() }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearPoint), (v) => {
        const problem = settles(() => metricPointProblem(v), () => false);
        if (problem) expect(problem.message.length).toBeGreaterThan(0);
      }),
      fuzzRuns(2000),
    );
  });

  it('deeply nested JSON is refused or read, never a stack overflow (regression shapes)', () => {
    for (const depth of [1000, 100_000]) {
      const deep = '['.repeat(depth) + ']'.repeat(depth);
      settles(() => parseMetricLine(deep), reasonError);
      settles(() => parseRunFile(`{"params": ${deep}}`, '/tmp/r', 'r'), reasonError);
    }
  });
});
