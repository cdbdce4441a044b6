// Value conventions shared by MLflow's file store and its SQL store.
import { fileURLToPath } from 'node:url';
import { isAbsolute } from 'node:path';
import type { LifecycleStage, RunStatus } from '../../../../src-shared/domain';
import { parseRunStatus } from '../../mlflow/run-status';

/** The file store writes the status as a number, the SQL store as a name; MLflow reads none as RUNNING. */
export function runStatus(v: number | string | null): RunStatus {
  return parseRunStatus(String(v ?? 'RUNNING'));
}

export function lifecycleStage(v: string | null): LifecycleStage {
  // Files older than lifecycle stages (MLflow < 1.0) have none: active.
  if (v === null || v === 'active') return 'active';
  if (v === 'deleted') return 'deleted';
  throw new Error(`unknown lifecycle_stage ${JSON.stringify(v)}`);
}

/** `file:` URIs and plain absolute paths become local paths; other schemes stay URIs. */
export function localArtifactPath(uri: string | null): string | null {
  if (uri === null || uri === '') return null;
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri.startsWith('file://') ? uri : `file://${uri.slice('file:'.length)}`);
    } catch {
      return uri;
    }
  }
  return uri;
}

export function isLocalPath(p: string | null): p is string {
  return p !== null && isAbsolute(p);
}

/**
 * The SQL store cannot hold ±Infinity and writes ±DBL_MAX instead (SqlAlchemyStore
 * `sanitize_metric_value`); NaN is a 0 with `is_nan` set. Undo both, so a diverged loss reads
 * as what was logged.
 */
export function sqlMetricValue(value: number, isNan: number | boolean): number {
  if (isNan) return NaN;
  if (value === Number.MAX_VALUE) return Infinity;
  if (value === -Number.MAX_VALUE) return -Infinity;
  return value;
}
