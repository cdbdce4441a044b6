import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { useTempDirs } from '../../test-support/temp-dir';
import { formatOf, readSchema } from './read-schema';
import { SAMPLE_ROWS } from './column-types';

const tempDir = useTempDirs();

function file(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

describe('formatOf', () => {
  it('names formats by extension, folders as folder, others unknown', () => {
    expect(['a.CSV', 'b.tsv', 'c.jsonl', 'd.ndjson', 'e.parquet', 'f.bin'].map((p) => formatOf(p, false))).toEqual([
      'csv', 'tsv', 'jsonl', 'jsonl', 'parquet', null,
    ]);
    expect(formatOf('/data/images', true)).toBe('folder');
  });
});

describe('readSchema: CSV and TSV', () => {
  it('infers column types from the cells and counts rows without the header', async () => {
    const csv = [
      'id,score,ok,when,name,empty,mixed',
      '1,0.5,true,2024-01-02,a,,1',
      '2,1,false,2024-01-03T10:00:00Z,"b, with comma",,x',
      '3,2e3,TRUE,2024-01-04 11:30,"multi\nline",,2',
    ].join('\n');
    expect(await readSchema(file('d.csv', `${csv}\n`), 'csv')).toEqual({
      columns: [
        { name: 'id', type: 'int64' },
        { name: 'score', type: 'double' },
        { name: 'ok', type: 'bool' },
        { name: 'when', type: 'timestamp' },
        { name: 'name', type: 'string' },
        { name: 'empty', type: 'null' },
        { name: 'mixed', type: 'string' },
      ],
      rows: 3,
      problem: null,
    });
  });

  it('reads TSV and a header with no rows', async () => {
    expect(await readSchema(file('d.tsv', 'a\tb\n1\tx\n'), 'tsv')).toMatchObject({ columns: [{ name: 'a', type: 'int64' }, { name: 'b', type: 'string' }], rows: 1 });
    expect(await readSchema(file('h.csv', 'a,b\n'), 'csv')).toMatchObject({ columns: [{ name: 'a', type: 'null' }, { name: 'b', type: 'null' }], rows: 0 });
  });

  it('types columns from the first rows but counts every row', async () => {
    const lines = ['x'];
    for (let i = 0; i < SAMPLE_ROWS + 5; i++) lines.push(i < SAMPLE_ROWS ? String(i) : 'text');
    expect(await readSchema(file('big.csv', lines.join('\n')), 'csv')).toMatchObject({ columns: [{ name: 'x', type: 'int64' }], rows: SAMPLE_ROWS + 5 });
  });

  it('reports a cut-off quoted cell and an empty file as problems', async () => {
    const cut = await readSchema(file('cut.csv', 'a,b\n1,"unclosed\n'), 'csv');
    expect(cut).toMatchObject({ columns: null, rows: null, problem: expect.stringMatching(/^not readable as CSV: .*quote/i) });
    expect(await readSchema(file('empty.csv', ''), 'csv')).toEqual({ columns: null, rows: null, problem: 'the file is empty: no header row' });
  });
});

describe('readSchema: JSONL', () => {
  it('collects keys in first-seen order and merges their types', async () => {
    const text = [
      '{"a": 1, "b": "x", "c": null}',
      '',
      '{"a": 2.5, "b": "2024-01-01", "d": {"k": 1}, "e": true}',
      '{"a": 3, "b": "y", "c": 4}',
    ].join('\n');
    expect(await readSchema(file('d.jsonl', text), 'jsonl')).toEqual({
      columns: [
        { name: 'a', type: 'double' },
        { name: 'b', type: 'string' },
        { name: 'c', type: 'int64' },
        { name: 'd', type: 'json' },
        { name: 'e', type: 'bool' },
      ],
      rows: 3,
      problem: null,
    });
  });

  it('names the line that is cut off or not an object', async () => {
    expect(await readSchema(file('cut.jsonl', '{"a": 1}\n{"a": 2, "b'), 'jsonl')).toMatchObject({ columns: null, problem: expect.stringMatching(/^line 2 is not JSON/) });
    expect(await readSchema(file('arr.jsonl', '{"a": 1}\n[1, 2]\n'), 'jsonl')).toMatchObject({ columns: null, problem: 'line 2 is not a JSON object' });
  });
});

describe('readSchema: Parquet', () => {
  it('reads columns and the row count from the footer', async () => {
    const path = join(tempDir(), 'd.parquet');
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: 'id', data: [1n, 2n, 3n], type: 'INT64' },
        { name: 'score', data: [0.5, 1.5, 2.5], type: 'DOUBLE' },
        { name: 'label', data: ['a', 'b', 'c'], type: 'STRING' },
        { name: 'ok', data: [true, false, true], type: 'BOOLEAN' },
        { name: 'at', data: [new Date(0), new Date(1), new Date(2)], type: 'TIMESTAMP' },
      ],
    });
    expect(await readSchema(path, 'parquet')).toEqual({
      columns: [
        { name: 'id', type: 'int64' },
        { name: 'score', type: 'double' },
        { name: 'label', type: 'string' },
        { name: 'ok', type: 'bool' },
        { name: 'at', type: 'timestamp' },
      ],
      rows: 3,
      problem: null,
    });
  });

  it('reports a file that is not Parquet', async () => {
    expect(await readSchema(file('bad.parquet', 'PAR1 but not really'), 'parquet')).toMatchObject({ columns: null, rows: null, problem: expect.stringMatching(/^not readable as Parquet: /) });
  });

  it('knows nothing of formats it has no reader for', async () => {
    expect(await readSchema(file('x.bin', 'bytes'), null)).toEqual({ columns: null, rows: null, problem: null });
  });
});
