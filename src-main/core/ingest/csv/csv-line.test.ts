import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstLine, parseNumberCell, splitCsvLine } from './csv-line';
import { readCsvRows } from './csv-rows';

describe('splitCsvLine', () => {
  it('splits plain, quoted and CRLF-terminated lines', () => {
    expect(splitCsvLine('a,b,,c\r', ',')).toEqual(['a', 'b', '', 'c']);
    expect(splitCsvLine('"x,y","say ""hi""",3', ',')).toEqual(['x,y', 'say "hi"', '3']);
    expect(splitCsvLine('1\t2', '\t')).toEqual(['1', '2']);
  });
});

describe('parseNumberCell', () => {
  it('reads numbers, every NaN/inf spelling, and missing cells', () => {
    expect(parseNumberCell('0.5')).toBe(0.5);
    expect(parseNumberCell('-1e-3')).toBe(-0.001);
    expect(parseNumberCell(' 7 ')).toBe(7);
    for (const s of ['nan', 'NaN', 'NAN']) expect(parseNumberCell(s)).toBeNaN();
    for (const s of ['inf', 'Infinity', 'INF', '+inf']) expect(parseNumberCell(s)).toBe(Infinity);
    for (const s of ['-inf', '-Infinity']) expect(parseNumberCell(s)).toBe(-Infinity);
    expect(parseNumberCell('')).toBeNull();
    expect(parseNumberCell('NA')).toBeNull();
    expect(parseNumberCell('abc')).toBeUndefined();
    expect(parseNumberCell('1.2.3')).toBeUndefined();
    expect(parseNumberCell('0x10')).toBeUndefined();
  });
});

describe('firstLine', () => {
  it('waits for the line break', () => {
    expect(firstLine('a,b')).toBeNull();
    expect(firstLine('a,b\r\nc')).toBe('a,b');
  });
});

describe('readCsvRows', () => {
  it('skips the header at offset 0 and blank lines, counts rows, reports junk by byte', () => {
    const problems: string[] = [];
    const read = readCsvRows('h\n1\n\nx\n', 0, ',', 0, (f, row, p) => {
      if (f[0] === 'x') p.push('junk');
      return [{ key: 'k', value: row, step: row, timestamp: 0 }];
    }, 'f.csv', problems);
    expect(read.rows).toBe(2);
    expect(read.points.map((p) => p.value)).toEqual([0, 1]);
    expect(problems).toEqual(['f.csv: byte 5: junk']);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(1000), (text, base) => {
        const problems: string[] = [];
        readCsvRows(text, base, ',', 0, (f) => f.map((c) => ({ key: 'k', value: parseNumberCell(c) ?? 0, step: 0, timestamp: 0 })), 'f', problems);
      }),
    );
  });
});
