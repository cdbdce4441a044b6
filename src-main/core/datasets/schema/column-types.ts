import type { DatasetColumn } from '../../../../src-shared/domain';

/** Rows read to infer column types; row counts still cover the whole file. */
export const SAMPLE_ROWS = 10_000;

/** `null` is a column with no value in the sample; `json` holds objects or arrays (JSONL). */
export type ValueType = 'null' | 'int64' | 'double' | 'bool' | 'timestamp' | 'string' | 'json';

// ISO 8601 dates and date-times as pandas and most loggers write them.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(nan|inf|infinity)$/i;
const BOOLEAN = /^(true|false)$/i;

/** The type of a CSV cell: text that reads as a number, boolean or date is one. */
export function textType(cell: string): ValueType {
  if (cell === '') return 'null';
  if (INTEGER.test(cell)) return 'int64';
  if (DECIMAL.test(cell)) return 'double';
  if (BOOLEAN.test(cell)) return 'bool';
  if (ISO_DATE.test(cell)) return 'timestamp';
  return 'string';
}

/** The type of a parsed JSON value; strings holding ISO dates are timestamps. */
export function jsonType(value: unknown): ValueType {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'double';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return ISO_DATE.test(value) ? 'timestamp' : 'string';
  return 'json';
}

/** Missing values say nothing; integers among doubles are doubles; any other mix is text. */
export function mergeTypes(a: ValueType, b: ValueType): ValueType {
  if (a === b || b === 'null') return a;
  if (a === 'null') return b;
  if ((a === 'int64' && b === 'double') || (a === 'double' && b === 'int64')) return 'double';
  return 'string';
}

/** Column types as rows are seen, in the order columns first appear. */
export class ColumnTypes {
  private readonly types = new Map<string, ValueType>();

  see(name: string, type: ValueType): void {
    const prev = this.types.get(name);
    this.types.set(name, prev === undefined ? type : mergeTypes(prev, type));
  }

  columns(): DatasetColumn[] {
    return [...this.types].map(([name, type]) => ({ name, type }));
  }
}
