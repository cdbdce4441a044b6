// How W&B's run data maps onto Runlens's runs: history rows → metric points, config → params,
// summary and environment → tags. Pure functions; the watcher decides when to apply them.
import { flattenConfig, isPlainObject } from '../../../../src-shared/flatten-config';
import { LIMITS } from '../../../../src-shared/limits';
import type { NewPoint } from '../../store/metric-point';
import { parseLenientJson } from '../lenient-json';
import { readYamlValues } from '../yaml-values';
import type { WandbEnvironment, WandbGit, WandbItem, WandbRunInfo } from './wandb-record';

/** Every tag Runlens sets on a W&B run starts with this. */
export const TAG_PREFIX = 'wandb.';
/** System metrics (W&B's `stats` records) become series under this prefix, indexed by sample. */
export const SYSTEM_PREFIX = 'system/';
/** W&B's project for runs that name none. */
export const DEFAULT_PROJECT = 'uncategorized';

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A history value as a number: a JSON number, or NaN / Infinity / -Infinity as wandb-core writes
 * them. Anything else (strings, booleans, media and histogram objects) is not a metric point.
 */
export function jsonNumber(text: string): number | null {
  if (JSON_NUMBER.test(text)) return Number(text);
  if (text === 'NaN') return NaN;
  if (text === 'Infinity') return Infinity;
  if (text === '-Infinity') return -Infinity;
  return null;
}

/**
 * One history row as points. `_step` gives the step (else the record's HistoryStep, else the
 * series index), `_timestamp` the time in seconds; other `_` keys (`_runtime`, `_wandb`) are
 * W&B's bookkeeping, not metrics. Slashes in keys stay (`train/loss`).
 */
export function historyPoints(items: WandbItem[], recordStep: number | null, fallbackMs: number): NewPoint[] {
  let step: number | undefined = recordStep ?? undefined;
  let timestamp = fallbackMs;
  for (const it of items) {
    if (it.key === '_step') {
      const s = jsonNumber(it.valueJson);
      if (s !== null && Number.isFinite(s)) step = s;
    } else if (it.key === '_timestamp') {
      const t = jsonNumber(it.valueJson);
      if (t !== null && Number.isFinite(t)) timestamp = Math.round(t * 1000);
    }
  }
  const points: NewPoint[] = [];
  for (const it of items) {
    if (it.key === '' || it.key.startsWith('_')) continue;
    const value = jsonNumber(it.valueJson);
    if (value !== null) points.push({ key: it.key, value, step, timestamp });
  }
  return points;
}

/** One system-metrics sample as points under `system/`, step = the series index. */
export function statsPoints(items: WandbItem[], timestamp: number): NewPoint[] {
  const points: NewPoint[] = [];
  for (const it of items) {
    const value = jsonNumber(it.valueJson);
    if (value !== null && it.key !== '') points.push({ key: SYSTEM_PREFIX + it.key, value, timestamp });
  }
  return points;
}

/**
 * Config items (key + JSON value) as params: nested dicts flattened with dots (`opt.lr`), W&B's
 * own `_wandb` entry left out, strings as they are and other values as JSON text.
 */
export function configParams(items: WandbItem[], problems: string[], label: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of items) {
    if (it.key === '' || it.key === '_wandb') continue;
    const text = it.valueJson.trim();
    if (!text.startsWith('{')) {
      out[it.key] = truncate(scalarText(text), LIMITS.paramValueLength);
      continue;
    }
    try {
      flatten(it.key, parseLenientJson(text), out);
    } catch {
      problems.push(`${label}: config '${it.key}' is not JSON; kept as text`);
      out[it.key] = truncate(text, LIMITS.paramValueLength);
    }
  }
  return out;
}

/**
 * A JSON value as a param or tag value: a string unquoted, anything else as written (re-encoding
 * would lose digits of a large integer or change how a float is spelled).
 */
function scalarText(json: string): string {
  if (!json.startsWith('"')) return json;
  try {
    const s: unknown = JSON.parse(json);
    return typeof s === 'string' ? s : json;
  } catch {
    return json;
  }
}

/**
 * `files/config.yaml` (runs synced or written by older clients) as params. Each top-level
 * entry is wrapped as `{value: …, desc: …}`; unwrap it, then flatten as configParams does.
 * Throws with a reason when the file is not readable YAML.
 */
export function configYamlParams(text: string): Record<string, string> {
  const read = readYamlValues(text);
  if ('problem' in read) throw new Error(read.problem);
  const doc = read.value;
  const out: Record<string, string> = {};
  if (!isPlainObject(doc)) return out;
  for (const [key, entry] of Object.entries(doc)) {
    if (key === '_wandb') continue;
    flatten(key, isWrapped(entry) ? entry.value : entry, out);
  }
  return out;
}

function isWrapped(entry: unknown): entry is { value: unknown } {
  return isPlainObject(entry) && 'value' in entry && Object.keys(entry).every((k) => k === 'value' || k === 'desc');
}

/** A config entry flattened to dotted keys, each value cut to the param length limit. */
function flatten(key: string, value: unknown, out: Record<string, string>): void {
  for (const [k, v] of Object.entries(flattenConfig(key, value))) out[k] = truncate(v, LIMITS.paramValueLength);
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** Summary updates as `wandb.summary.<key>` tags (W&B's `_` bookkeeping keys left out). */
export function summaryTags(items: WandbItem[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const it of items) {
    if (it.key === '' || it.key.startsWith('_')) continue;
    tags[summaryTag(it.key)] = truncate(scalarText(it.valueJson.trim()), LIMITS.tagValueLength);
  }
  return tags;
}

export function summaryTag(key: string): string {
  return `${TAG_PREFIX}summary.${key}`;
}

/** The run record's identity and descriptive fields as tags. */
export function runTags(run: WandbRunInfo): Record<string, string> {
  return compact({
    run_id: run.runId,
    entity: run.entity,
    project: run.project,
    group: run.group,
    job_type: run.jobType,
    notes: run.notes,
    tags: run.tags.join(', '),
    sweep_id: run.sweepId,
    host: run.host,
    ...gitTags(run.git),
  });
}

/** The environment record (host, python, program, git) as tags. */
export function environmentTags(env: WandbEnvironment): Record<string, string> {
  return compact({
    os: env.os,
    python: env.python,
    program: env.program,
    code_path: env.codePath,
    host: env.host,
    username: env.username,
    executable: env.executable,
    gpu: env.gpuType,
    gpu_count: env.gpuCount > 0 ? String(env.gpuCount) : '',
    cpu_count: env.cpuCount > 0 ? String(env.cpuCount) : '',
    ...gitTags(env.git),
  });
}

/** `files/wandb-metadata.json` (older and synced runs): the same facts as the environment record. */
export function metadataJsonTags(text: string): Record<string, string> {
  const m: unknown = JSON.parse(text);
  if (!isPlainObject(m)) return {};
  const s = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : '');
  const n = (k: string) => (typeof m[k] === 'number' ? String(m[k]) : '');
  const git = isPlainObject(m.git) ? m.git : {};
  return compact({
    os: s('os'),
    python: s('python'),
    program: s('program'),
    code_path: s('codePath'),
    host: s('host'),
    username: s('username'),
    executable: s('executable'),
    gpu: s('gpu'),
    gpu_count: n('gpu_count'),
    cpu_count: n('cpu_count'),
    ...gitTags({ remote: typeof git.remote === 'string' ? git.remote : '', commit: typeof git.commit === 'string' ? git.commit : '' }),
  });
}

function gitTags(git: WandbGit | null): Record<string, string> {
  return git ? { 'git.remote': git.remote, 'git.commit': git.commit } : {};
}

function compact(fields: Record<string, string>): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== '') tags[TAG_PREFIX + k] = truncate(v, LIMITS.tagValueLength);
  return tags;
}
