// Reads and validates the fields of an MLflow request (query parameters for GET, a JSON body
// otherwise) with MLflow's own error messages, so the client raises the exceptions its users
// already know.
import { ApiError } from '../../../src-shared/errors';
import { keyProblem } from '../../../src-shared/metric-point-check';

export function invalid(message: string): ApiError {
  return new ApiError('INVALID_PARAMETER_VALUE', message);
}

function missing(name: string): ApiError {
  return invalid(`Missing value for required parameter '${name}'. See the API docs for more information about request parameters.`);
}

export interface KeyValue {
  key: string;
  value: string;
}

export class Fields {
  constructor(private readonly fields: Record<string, unknown>) {}

  /** A field as sent, untyped (a metric value may be a number or a NaN/Infinity string). */
  raw(name: string): unknown {
    return this.fields[name];
  }

  has(name: string): boolean {
    const v = this.fields[name];
    return v !== undefined && v !== null && v !== '';
  }

  string(name: string): string | undefined {
    const v = this.fields[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw invalid(`Invalid value ${JSON.stringify(v)} for parameter '${name}' supplied: expected a string`);
  }

  requiredString(name: string): string {
    const v = this.string(name);
    if (v === undefined || v === '') throw missing(name);
    return v;
  }

  /** int64 fields arrive as JSON numbers, or as strings in query parameters. */
  int(name: string): number | undefined {
    const v = this.fields[name];
    if (v === undefined || v === null || v === '') return undefined;
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
      throw invalid(`Invalid value ${JSON.stringify(v)} for parameter '${name}' supplied: expected an integer`);
    }
    return n;
  }

  requiredInt(name: string): number {
    const v = this.int(name);
    if (v === undefined) throw missing(name);
    return v;
  }

  /** The run id, which clients send as `run_id`, `run_uuid` (older) or both. */
  runId(): string {
    const id = this.string('run_id') || this.string('run_uuid');
    if (!id) throw missing('run_id');
    return id;
  }

  /** A repeated field: a JSON array, or a query parameter given once or many times. */
  list(name: string): unknown[] {
    const v = this.fields[name];
    if (v === undefined || v === null) return [];
    return Array.isArray(v) ? v : [v];
  }

  stringList(name: string): string[] {
    return this.list(name).map((v, i) => {
      if (typeof v !== 'string' && typeof v !== 'number') throw invalid(`Invalid value for '${name}[${i}]': expected a string`);
      return String(v);
    });
  }

  /** `[{key, value}]` lists (tags, params) with the key checked by MLflow's rule. */
  keyValues(name: string, maxValueLength: number, overLong: OverLong = 'refuse'): KeyValue[] {
    return this.list(name).map((item, i) => {
      const o = (item ?? {}) as Record<string, unknown>;
      const key = checkedKey(o.key, `${name}[${i}].key`);
      return { key, value: checkedValue(o.value, `${name}[${i}].value`, maxValueLength, overLong) };
    });
  }
}

export function checkedKey(key: unknown, path: string): string {
  if (key === undefined || key === null || key === '') throw missing(path);
  const problem = keyProblem(key);
  if (problem) throw invalid(`Invalid value ${JSON.stringify(key)} for parameter '${path}' supplied: ${problem}`);
  return key as string;
}

/**
 * What to do with a value over its length limit. MLflow's server truncates run params and tags
 * (MLFLOW_TRUNCATE_LONG_VALUES, on by default) and its client documents that; elsewhere a long
 * value is refused.
 */
export type OverLong = 'refuse' | 'truncate';

export function checkedValue(value: unknown, path: string, maxLength: number, overLong: OverLong = 'refuse'): string {
  if (value === undefined || value === null) throw missing(path);
  const s = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
  if (s === null) throw invalid(`Invalid value ${JSON.stringify(value)} for parameter '${path}' supplied: expected a string`);
  if (s.length > maxLength) {
    if (overLong === 'truncate') return s.slice(0, maxLength);
    throw invalid(`'${path}' exceeds the maximum length of ${maxLength} characters (got ${s.length}).`);
  }
  return s;
}

/** MLflow's page tokens: base64 of `{"offset": n}`. */
export function decodePageToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { offset?: unknown };
    if (typeof parsed.offset === 'number' && Number.isSafeInteger(parsed.offset) && parsed.offset >= 0) return parsed.offset;
  } catch {
    // fall through to the error below
  }
  throw invalid(`Invalid page token, could not base64-decode: ${token}`);
}

export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64');
}

/** Slices one page out of `items`, returning MLflow's `next_page_token` when more remain. */
export function page<T>(items: T[], maxResults: number, token: string | undefined): { items: T[]; next?: string } {
  const offset = decodePageToken(token);
  const slice = items.slice(offset, offset + maxResults);
  return offset + maxResults < items.length ? { items: slice, next: encodePageToken(offset + maxResults) } : { items: slice };
}
