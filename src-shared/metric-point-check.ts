// Hand-written checks for the hottest boundary: every logged point. Measured with zod schemas
// per point, validation took ~40% of the server's CPU at 0.5M points/s; these loops do the same
// checks (same rules, same messages, the field named) for a fraction of it.
import { LIMITS } from './limits';
import type { WireNumberInput } from './wire-number';

export interface MetricPointInput {
  key: string;
  value: WireNumberInput;
  step?: number;
  timestamp?: number;
}

export interface Problem {
  /** The field, relative to the checked value (e.g. `value`), or '' for the value itself. */
  field: string;
  message: string;
}

/** MLflow's key rule: alphanumerics, `_ - . / : ` and space; no `..` traversal, no leading `/`. */
const KEY_PATTERN = /^[\w\-./: ]+$/;
const WIRE_STRINGS: ReadonlySet<string> = new Set(['NaN', 'nan', 'Infinity', 'inf', '-Infinity', '-inf']);

// A run logs the same few keys thousands of times: remember the ones already found valid.
const validKeys = new Set<string>();
const VALID_KEYS_CAP = 10_000;

export function keyProblem(key: unknown): string | null {
  if (typeof key !== 'string') return 'must be a string';
  if (validKeys.has(key)) return null;
  if (key.length === 0) return 'must not be empty';
  if (key.length > LIMITS.keyLength) return `must be at most ${LIMITS.keyLength} characters`;
  if (!KEY_PATTERN.test(key)) return 'may contain only letters, digits, spaces and _ - . / :';
  if (key.startsWith('/') || key.split('/').includes('..')) return 'must be a relative name without ..';
  if (validKeys.size >= VALID_KEYS_CAP) validKeys.clear();
  validKeys.add(key);
  return null;
}

function isCount(n: unknown): boolean {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

export function metricPointProblem(p: unknown): Problem | null {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return { field: '', message: 'must be an object {key, value, step?, timestamp?}' };
  const o = p as Record<string, unknown>;
  const keyMessage = keyProblem(o.key);
  if (keyMessage) return { field: 'key', message: o.key === undefined ? 'is required' : keyMessage };
  const v = o.value;
  if (!(typeof v === 'number' || (typeof v === 'string' && WIRE_STRINGS.has(v)))) {
    return { field: 'value', message: v === undefined ? 'is required' : 'must be a number or "NaN", "Infinity", "-Infinity"' };
  }
  if (o.step !== undefined && !isCount(o.step)) return { field: 'step', message: 'must be a whole number ≥ 0' };
  if (o.timestamp !== undefined && !isCount(o.timestamp)) return { field: 'timestamp', message: 'must be whole epoch milliseconds ≥ 0' };
  return null;
}
