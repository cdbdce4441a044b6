import { extname } from 'node:path';
import { readCsvSchema } from './csv-schema';
import { readJsonlSchema } from './jsonl-schema';
import { readParquetSchema } from './parquet-schema';
import type { SchemaReading } from './schema-reading';

export type { SchemaReading } from './schema-reading';

const FORMAT_BY_EXTENSION: Record<string, string> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
};

/** A dataset's format from its file extension; `folder` for a folder, null when unknown. */
export function formatOf(path: string, folder: boolean): string | null {
  if (folder) return 'folder';
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

/** Columns and row count of a data file in a format with a reader; nothing known otherwise. */
export function readSchema(path: string, format: string | null): Promise<SchemaReading> {
  switch (format) {
    case 'csv':
      return readCsvSchema(path, ',');
    case 'tsv':
      return readCsvSchema(path, '\t');
    case 'jsonl':
      return readJsonlSchema(path);
    case 'parquet':
      return readParquetSchema(path);
    default:
      return Promise.resolve({ columns: null, rows: null, problem: null });
  }
}
