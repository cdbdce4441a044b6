import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ColumnTypes, jsonType, SAMPLE_ROWS } from './column-types';
import { errorText, unreadable, type SchemaReading } from './schema-reading';

/**
 * Columns of a JSON Lines file: every key seen in the first rows, in first-seen order (a key a
 * row lacks counts as missing there); types from those rows; the row count over the whole file.
 * Every line is parsed, so a malformed or cut-off line anywhere is reported with its number.
 */
export async function readJsonlSchema(path: string): Promise<SchemaReading> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  const types = new ColumnTypes();
  let rows = 0;
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        return unreadable(`line ${lineNo} is not JSON: ${errorText(e)}`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return unreadable(`line ${lineNo} is not a JSON object`);
      }
      if (rows < SAMPLE_ROWS) for (const [k, v] of Object.entries(value)) types.see(k, jsonType(v));
      rows++;
    }
  } catch (e) {
    return unreadable(`not readable: ${errorText(e)}`);
  } finally {
    lines.close();
  }
  return { columns: types.columns(), rows, problem: null };
}
