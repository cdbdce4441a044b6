// DVCLive's folder (dvclive/live.py, plots/metric.py; checked against dvclive 3.49):
//   metrics.json         the summary: each metric's latest value (nested by `/` in its name) and
//                        `step`; rewritten whole at every next_step()/end()
//   params.yaml          log_param(s), rewritten whole
//   plots/metrics/<name>.tsv  one per metric, appended one row per log_metric(): `step` and the
//                        metric's column (named by the last part of its name), `timestamp` (epoch
//                        ms) first when logged with timestamp=True. NaN/inf are written as Python
//                        prints them (`nan`, `inf`, `-inf`); rows end with the OS line separator.
// `Live()` without resume=True deletes all of these first, so a file can restart from step 0.
import type { NewPoint } from '../../store/metric-point';
import { parseLenientJson } from '../lenient-json';
import { parseNumberCell, splitCsvLine } from '../csv/csv-line';
import type { RowReader } from '../csv/csv-rows';
import { flattenObject } from '../params/flatten-params';

export const DVCLIVE_SUMMARY_FILE = 'metrics.json';
export const DVCLIVE_PARAMS_FILE = 'params.yaml';
/** Where metric histories live, below the DVCLive folder. */
export const DVCLIVE_METRICS_DIR = ['plots', 'metrics'] as const;
export const DVCLIVE_TSV = '.tsv';
export const TSV_SEP = '\t';

export interface TsvColumns {
  step: number;
  value: number;
  timestamp: number | null;
}

/** Where a history TSV keeps step, value and (optionally) timestamp; null when it is not one. */
export function dvcliveTsvColumns(header: string): TsvColumns | null {
  const columns = splitCsvLine(header, TSV_SEP);
  const step = columns.indexOf('step');
  const timestamp = columns.indexOf('timestamp');
  const others = columns.map((_, i) => i).filter((i) => i !== step && i !== timestamp);
  if (step < 0 || others.length !== 1) return null;
  return { step, value: others[0]!, timestamp: timestamp < 0 ? null : timestamp };
}

/** Reads history rows of metric `key`; rows without a timestamp column get `now`. */
export function dvcliveRowReader(key: string, columns: TsvColumns, now: number): RowReader {
  return (fields, _row, problems) => {
    const step = parseNumberCell(fields[columns.step] ?? '');
    const value = parseNumberCell(fields[columns.value] ?? '');
    const ts = columns.timestamp === null ? now : parseNumberCell(fields[columns.timestamp] ?? '');
    if (typeof step !== 'number' || !Number.isFinite(step)) {
      problems.push(`step '${(fields[columns.step] ?? '').slice(0, 40)}' is not a number; row skipped`);
      return [];
    }
    // DVCLive also logs strings as metrics (`could_log` accepts str): no value to chart.
    if (typeof value !== 'number') {
      if (value === undefined) problems.push(`'${(fields[columns.value] ?? '').slice(0, 40)}' is not a number; row skipped`);
      return [];
    }
    const timestamp = typeof ts === 'number' && Number.isFinite(ts) ? ts : now;
    return [{ key, value, step, timestamp }];
  };
}

/** A history file's metric key: its path below plots/metrics, without `.tsv`, joined by `/`. */
export function dvcliveKey(relativePath: string[]): string {
  const parts = [...relativePath];
  parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -DVCLIVE_TSV.length);
  return parts.join('/');
}

export interface DvcliveSummary {
  step: number | null;
  /** Latest values by key (nested names joined with `/`); non-numeric ones left out. */
  values: Record<string, number>;
}

/** Parses metrics.json. Throws with a reason when it is not a JSON object (e.g. mid-write). */
export function parseDvcliveSummary(text: string): DvcliveSummary {
  let raw: unknown;
  try {
    raw = parseLenientJson(text);
  } catch {
    throw new Error(`${DVCLIVE_SUMMARY_FILE} is not valid JSON`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${DVCLIVE_SUMMARY_FILE} is not a JSON object`);
  const { step, ...rest } = raw as Record<string, unknown>;
  const values: Record<string, number> = {};
  for (const [key, v] of Object.entries(flattenObject(rest, '/'))) {
    const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberCell(v) : undefined;
    if (typeof n === 'number') values[key] = n;
  }
  return { step: typeof step === 'number' && Number.isFinite(step) ? step : null, values };
}

/** Summary values as points at the summary's step (for metrics logged with plot=False). */
export function summaryPoints(summary: DvcliveSummary, timestamp: number): NewPoint[] {
  if (summary.step === null) return [];
  return Object.entries(summary.values).map(([key, value]) => ({ key, value, step: summary.step!, timestamp }));
}
