// The native run-folder format (documented in the README): a folder holding `run.json` with
// the run's metadata and `metrics.jsonl` with one point per line, appended while training runs.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { keySchema } from '../../../src-shared/contract';
import { metricPointProblem, type MetricPointInput } from '../../../src-shared/metric-point-check';
import { RUN_STATUSES } from '../../../src-shared/domain';
import { fromWire } from '../../../src-shared/wire-number';
import { describeIssue } from '../api/dispatch';
import { parseLenientJson } from './lenient-json';

export const RUN_FILE = 'run.json';
export const METRICS_FILE = 'metrics.jsonl';
/** The run's files (configs, plots, checkpoints) that its page lists. */
export const ARTIFACTS_DIR = 'artifacts';

const runFileSchema = z.object({
  id: z.string().regex(/^[\w-]{1,64}$/, 'must be 1-64 letters, digits, _ or -').optional(),
  experiment: z.string().trim().min(1).max(500).optional(),
  name: z.string().max(500).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  startTime: z.number().int().min(0).optional(),
  endTime: z.number().int().min(0).nullable().optional(),
  params: z.record(keySchema, z.union([z.string(), z.number(), z.boolean()])).optional(),
  tags: z.record(keySchema, z.string()).optional(),
});

export interface RunFolderMeta {
  id: string;
  experiment: string;
  name: string;
  status: (typeof RUN_STATUSES)[number];
  startTime: number | null;
  endTime: number | null;
  params: Record<string, string>;
  tags: Record<string, string>;
}

/** A run id for a folder that names none: stable for the same path, so re-ingest is idempotent. */
export function idForFolder(dir: string): string {
  return createHash('sha256').update(dir).digest('hex').slice(0, 32);
}

export function parseRunFile(text: string, dir: string, folderName: string): RunFolderMeta {
  let raw: unknown;
  try {
    raw = parseLenientJson(text);
  } catch {
    throw new Error(`${RUN_FILE} is not valid JSON`);
  }
  const parsed = runFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${RUN_FILE}: ${describeIssue(parsed.error)}`);
  const r = parsed.data;
  return {
    id: r.id ?? idForFolder(dir),
    experiment: r.experiment ?? 'Default',
    name: r.name?.trim() || folderName,
    status: r.status ?? 'RUNNING',
    startTime: r.startTime ?? null,
    endTime: r.endTime ?? null,
    params: Object.fromEntries(Object.entries(r.params ?? {}).map(([k, v]) => [k, String(v)])),
    tags: r.tags ?? {},
  };
}

export interface ParsedLine {
  key: string;
  value: number;
  step: number | undefined;
  timestamp: number | undefined;
  /** The point's sequence number in its run, when the writer numbers them (see SeqMarkRepo). */
  seq: number | undefined;
}

/** Parses one `metrics.jsonl` line; throws with a reason for junk. */
export function parseMetricLine(line: string): ParsedLine {
  let raw: unknown;
  try {
    raw = parseLenientJson(line);
  } catch {
    throw new Error('not JSON');
  }
  const problem = metricPointProblem(raw);
  if (problem) throw new Error(`Invalid value for '${problem.field || 'line'}': ${problem.message}`);
  const m = raw as MetricPointInput & { seq?: unknown };
  if (m.seq !== undefined && !(Number.isSafeInteger(m.seq) && (m.seq as number) >= 1)) {
    throw new Error(`Invalid value for 'seq': must be a whole number ≥ 1`);
  }
  return { key: m.key, value: fromWire(m.value), step: m.step, timestamp: m.timestamp, seq: m.seq as number | undefined };
}
