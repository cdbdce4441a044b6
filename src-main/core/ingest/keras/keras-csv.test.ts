import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCsvRows } from '../csv/csv-rows';
import { kerasHeader, kerasRowReader, looksLikeKerasRow } from './keras-csv';

// As keras/src/callbacks/csv_logger.py writes it: `epoch` then sorted keys, excel dialect
// ("\r\n"), `NA` for a key missing at an epoch (validation_freq > 1), numpy's nan/inf spelling.
const FILE = 'epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.5,0.69,NA,NA\r\n1,0.75,nan,0.7,inf\r\n';

describe('Keras CSVLogger file', () => {
  it('recognises the header (any separator) and rejects others', () => {
    expect(kerasHeader('epoch,loss,val_loss\r')).toEqual({ sep: ',', columns: ['epoch', 'loss', 'val_loss'] });
    expect(kerasHeader('epoch;loss')).toEqual({ sep: ';', columns: ['epoch', 'loss'] });
    expect(kerasHeader('epoch,step,loss')).toBeNull();
    expect(kerasHeader('epochs,loss')).toBeNull();
    expect(kerasHeader('loss,epoch')).toBeNull();
    const h = kerasHeader('epoch,loss')!;
    expect(looksLikeKerasRow(h, '0,0.5')).toBe(true);
    expect(looksLikeKerasRow(h, '0,"[1, 2]"')).toBe(true);
    expect(looksLikeKerasRow(h, 'a,0.5')).toBe(false);
    expect(looksLikeKerasRow(h, '0,hello')).toBe(false);
  });

  it('reads rows at step = epoch, NA missing, NaN/inf kept', () => {
    const problems: string[] = [];
    const h = kerasHeader('epoch,accuracy,loss,val_accuracy,val_loss')!;
    const r = readCsvRows(FILE, 0, ',', 0, kerasRowReader(h, 9), 'log.csv', problems);
    expect(problems).toEqual([]);
    expect(r.points.map((p) => [p.key, p.step, p.value])).toEqual([
      ['accuracy', 0, 0.5],
      ['loss', 0, 0.69],
      ['accuracy', 1, 0.75],
      ['loss', 1, NaN],
      ['val_accuracy', 1, 0.7],
      ['val_loss', 1, Infinity],
    ]);
  });

  it('skips rows without an integer epoch, reporting them', () => {
    const problems: string[] = [];
    const h = kerasHeader('epoch,loss')!;
    const r = readCsvRows('epoch,loss\nx,1\n2,0.1\n', 0, ',', 0, kerasRowReader(h, 0), 'l', problems);
    expect(r.points).toHaveLength(1);
    expect(problems).toHaveLength(1);
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = Buffer.from(bytes).toString('utf8');
        const h = kerasHeader(text.split('\n')[0]!);
        if (h) readCsvRows(text, 0, h.sep, 0, kerasRowReader(h, 0), 'f', []);
        readCsvRows(FILE + text, 0, ',', 0, kerasRowReader(kerasHeader('epoch,accuracy,loss,val_accuracy,val_loss')!, 0), 'f', []);
      }),
    );
  });
});
