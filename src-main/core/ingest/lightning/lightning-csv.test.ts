import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCsvRows } from '../csv/csv-rows';
import { lightningColumns, lightningRowReader } from './lightning-csv';

// Written as Lightning's _ExperimentWriter writes it (csv.DictWriter, excel dialect: "\r\n";
// sorted keys; a row per log_metrics call, other keys' cells empty; NaN as Python prints it).
const FILE = 'epoch,step,train_loss,val_acc\r\n0,0,0.9,\r\n0,1,nan,\r\n0,1,,0.5\r\n1,2,inf,\r\n';

function read(text: string, base = 0, firstRow = 0) {
  const problems: string[] = [];
  const columns = lightningColumns(text.split('\n')[0]!.replace(/\r$/, ''))!;
  return { ...readCsvRows(text, base, ',', firstRow, lightningRowReader(columns, 123), 'metrics.csv', problems), problems };
}

describe('Lightning metrics.csv', () => {
  it('recognises the header by its step column', () => {
    expect(lightningColumns('epoch,step,loss')).toEqual(['epoch', 'step', 'loss']);
    expect(lightningColumns('epoch,loss,val_loss')).toBeNull();
  });

  it('reads rows by header: empty cells missing, NaN/inf kept, epoch a metric, step not', () => {
    const r = read(FILE);
    expect(r.problems).toEqual([]);
    expect(r.rows).toBe(4);
    expect(r.points).toEqual([
      { key: 'epoch', value: 0, step: 0, timestamp: 123 },
      { key: 'train_loss', value: 0.9, step: 0, timestamp: 123 },
      { key: 'epoch', value: 0, step: 1, timestamp: 123 },
      { key: 'train_loss', value: NaN, step: 1, timestamp: 123 },
      { key: 'epoch', value: 0, step: 1, timestamp: 123 },
      { key: 'val_acc', value: 0.5, step: 1, timestamp: 123 },
      { key: 'epoch', value: 1, step: 2, timestamp: 123 },
      { key: 'train_loss', value: Infinity, step: 2, timestamp: 123 },
    ]);
  });

  it('falls back to the row index when step is empty, and reports junk cells', () => {
    const r = read('loss,step\n0.1,\nabc,5\n', 0, 10);
    expect(r.points).toEqual([{ key: 'loss', value: 0.1, step: 10, timestamp: 123 }]);
    expect(r.problems).toEqual([`metrics.csv: byte 15: column 'loss': 'abc' is not a number; skipped`]);
  });

  it('never throws on corrupted or truncated files', () => {
    fc.assert(
      fc.property(fc.nat(FILE.length), fc.string(), (cut, junk) => {
        const text = FILE.slice(0, cut) + junk;
        const columns = lightningColumns('epoch,step,train_loss,val_acc')!;
        readCsvRows(text, 0, ',', 0, lightningRowReader(columns, 0), 'f', []);
      }),
    );
  });
});
