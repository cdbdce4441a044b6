import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { ColumnTypes, SAMPLE_ROWS, textType } from './column-types';
import { errorText, unreadable, type SchemaReading } from './schema-reading';

/**
 * Columns of a CSV/TSV file from its header, types from the first rows, and the exact row count
 * (header excluded) from a streamed parse of the whole file — a parse rather than a line count
 * because quoted cells may hold newlines (RFC 4180 §2.6).
 */
export async function readCsvSchema(path: string, delimiter: ',' | '\t'): Promise<SchemaReading> {
  const parser = createReadStream(path).pipe(
    parse({ delimiter, bom: true, skip_empty_lines: true, relax_column_count: true }),
  );
  let header: string[] | null = null;
  const types = new ColumnTypes();
  let rows = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record;
        continue;
      }
      if (rows < SAMPLE_ROWS) header.forEach((name, i) => types.see(name, textType(record[i] ?? '')));
      rows++;
    }
  } catch (e) {
    return unreadable(`not readable as ${delimiter === ',' ? 'CSV' : 'TSV'}: ${errorText(e)}`);
  }
  if (!header) return unreadable('the file is empty: no header row');
  // A header with no rows under it still names the columns; their types are unknown.
  if (rows === 0) header.forEach((name) => types.see(name, 'null'));
  return { columns: types.columns(), rows, problem: null };
}
