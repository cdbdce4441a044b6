import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCsvRows } from '../csv/csv-rows';
import { dvcliveKey, dvcliveRowReader, dvcliveTsvColumns, parseDvcliveSummary, summaryPoints } from './dvclive-format';

// As dvclive/plots/metric.py writes a history: `timestamp` (only with timestamp=True), `step`,
// then the metric's column named by the last part of its name; tab-separated; NaN as `nan`.
describe('DVCLive history TSV', () => {
  it('finds its columns with and without a timestamp', () => {
    expect(dvcliveTsvColumns('step\tloss')).toEqual({ step: 0, value: 1, timestamp: null });
    expect(dvcliveTsvColumns('timestamp\tstep\tacc\r')).toEqual({ step: 1, value: 2, timestamp: 0 });
    expect(dvcliveTsvColumns('a\tb')).toBeNull();
    expect(dvcliveTsvColumns('step\ta\tb')).toBeNull();
  });

  it('reads rows, NaN/inf spellings and timestamps; string values are not points', () => {
    const problems: string[] = [];
    const cols = dvcliveTsvColumns('timestamp\tstep\tloss')!;
    const r = readCsvRows('timestamp\tstep\tloss\n1700\t0\t0.5\n1701\t1\tnan\n1702\t2\t-inf\n1703\t3\tInfinity\n1704\t4\thello\n', 0, '\t', 0, dvcliveRowReader('train/loss', cols, 5), 'f.tsv', problems);
    expect(r.points).toEqual([
      { key: 'train/loss', value: 0.5, step: 0, timestamp: 1700 },
      { key: 'train/loss', value: NaN, step: 1, timestamp: 1701 },
      { key: 'train/loss', value: -Infinity, step: 2, timestamp: 1702 },
      { key: 'train/loss', value: Infinity, step: 3, timestamp: 1703 },
    ]);
    expect(problems).toHaveLength(1);
  });

  it('names keys by their path below plots/metrics', () => {
    expect(dvcliveKey(['train', 'loss.tsv'])).toBe('train/loss');
    expect(dvcliveKey(['acc.tsv'])).toBe('acc');
  });
});

describe('DVCLive metrics.json', () => {
  it('flattens nested names with / and keeps the step', () => {
    const s = parseDvcliveSummary('{\n    "train": {"loss": 0.1, "acc": "nan"},\n    "note": "hi",\n    "step": 4\n}\n');
    expect(s).toEqual({ step: 4, values: { 'train/loss': 0.1, 'train/acc': NaN } });
    expect(summaryPoints(s, 7)).toEqual([
      { key: 'train/loss', value: 0.1, step: 4, timestamp: 7 },
      { key: 'train/acc', value: NaN, step: 4, timestamp: 7 },
    ]);
  });

  it('throws with a reason for half-written or wrong files', () => {
    expect(() => parseDvcliveSummary('{"step": ')).toThrow(/not valid JSON/);
    expect(() => parseDvcliveSummary('[1]')).toThrow(/not a JSON object/);
  });

  it('never hangs or throws anything but reasons on random input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        try {
          parseDvcliveSummary(text);
        } catch (e) {
          expect((e as Error).message).toMatch(/metrics\.json/);
        }
        const cols = dvcliveTsvColumns(text.split('\n')[0]!);
        if (cols) readCsvRows(text, 0, '\t', 0, dvcliveRowReader('k', cols, 0), 'f', []);
      }),
    );
  });
});
