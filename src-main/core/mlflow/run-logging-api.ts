// MLflow's logging routes: log-metric, log-parameter, set-tag, delete-tag, log-batch,
// log-inputs and outputs. All writes go through the same path as the native API.
import { ApiError } from '../../../src-shared/errors';
import { fromWire, type WireNumberInput } from '../../../src-shared/wire-number';
import { checkActive, writeToRun } from '../api/run-writes';
import type { NewPoint } from '../store/metric-point';
import type { DatasetRecord } from '../store/dataset-repo';
import type { MlflowContext } from './mlflow-context';
import { checkedKey, checkedValue, invalid, type Fields } from './mlflow-fields';
import { RUN_NAME_TAG } from './runs-api';

const MAX_PARAM_VALUE = 6000;
const MAX_TAG_VALUE = 8000;
const MAX_METRICS_PER_BATCH = 1000;
const MAX_PARAMS_TAGS_PER_BATCH = 100;
const MAX_ENTITIES_PER_BATCH = 1000;
const WIRE_STRINGS = new Set(['NaN', 'nan', 'Infinity', 'inf', '-Infinity', '-inf']);

function metricValue(raw: unknown, path: string): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && WIRE_STRINGS.has(raw)) return fromWire(raw as WireNumberInput);
  // Query strings and some clients send numbers as text.
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (raw === undefined || raw === null) throw invalid(`Missing value for required parameter '${path}'. See the API docs for more information about request parameters.`);
  throw invalid(`Invalid value ${JSON.stringify(raw)} for parameter '${path}' supplied: expected a number`);
}

function wholeNumber(raw: unknown, path: string, fallback?: number): number {
  if ((raw === undefined || raw === null) && fallback !== undefined) return fallback;
  const n = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    if (raw === undefined || raw === null) throw invalid(`Missing value for required parameter '${path}'. See the API docs for more information about request parameters.`);
    throw invalid(`Invalid value ${JSON.stringify(raw)} for parameter '${path}' supplied: expected an integer`);
  }
  return n;
}

function metricFrom(o: Record<string, unknown>, prefix: string): NewPoint {
  return {
    key: checkedKey(o.key, `${prefix}key`),
    value: metricValue(o.value, `${prefix}value`),
    timestamp: wholeNumber(o.timestamp, `${prefix}timestamp`),
    step: wholeNumber(o.step, `${prefix}step`, 0),
  };
}

function batchLimit(name: string, count: number, limit: number): void {
  if (count > limit) {
    throw invalid(`A batch logging request can contain at most ${limit} ${name}. Got ${count} ${name}. Please split up ${name} across multiple requests and try again.`);
  }
}

/** A param given twice in one batch must carry the same value both times. */
function uniqueParams(params: { key: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  const clashes = new Set<string>();
  for (const p of params) {
    if (p.key in out && out[p.key] !== p.value) clashes.add(p.key);
    out[p.key] = p.value;
  }
  if (clashes.size > 0) throw invalid(`Duplicate parameter keys have been submitted with different values: ${JSON.stringify([...clashes])}.`);
  return out;
}

export const runLoggingApi = {
  logMetric(ctx: MlflowContext, f: Fields) {
    const id = f.runId();
    const point = metricFrom({ key: f.string('key'), value: f.raw('value'), timestamp: f.int('timestamp'), step: f.int('step') }, '');
    writeToRun(ctx.store, ctx.hub, id, { points: [point] }, ctx.now());
    return {};
  },

  logParam(ctx: MlflowContext, f: Fields) {
    const id = f.runId();
    const key = checkedKey(f.string('key'), 'key');
    const value = checkedValue(f.string('value'), 'value', MAX_PARAM_VALUE, 'truncate');
    writeToRun(ctx.store, ctx.hub, id, { params: { [key]: value } }, ctx.now());
    return {};
  },

  setTag(ctx: MlflowContext, f: Fields) {
    const id = f.runId();
    const key = checkedKey(f.string('key'), 'key');
    const value = checkedValue(f.string('value'), 'value', MAX_TAG_VALUE, 'truncate');
    writeToRun(ctx.store, ctx.hub, id, { tags: { [key]: value } }, ctx.now());
    // Setting mlflow.runName renames the run, as MLflow does.
    if (key === RUN_NAME_TAG) ctx.store.tx(() => ctx.store.runs.update(id, { name: value }));
    return {};
  },

  deleteTag(ctx: MlflowContext, f: Fields) {
    const id = f.runId();
    const key = f.requiredString('key');
    ctx.store.tx(() => {
      checkActive(ctx.store, id);
      if (!ctx.store.runs.deleteTag(id, key)) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `No tag with name: ${key} in run with id ${id}`);
    });
    ctx.hub.runChanged(id);
    return {};
  },

  logBatch(ctx: MlflowContext, f: Fields) {
    const id = f.runId();
    const metrics = f.list('metrics');
    const paramList = f.list('params');
    const tagList = f.list('tags');
    batchLimit('metrics', metrics.length, MAX_METRICS_PER_BATCH);
    batchLimit('params', paramList.length, MAX_PARAMS_TAGS_PER_BATCH);
    batchLimit('tags', tagList.length, MAX_PARAMS_TAGS_PER_BATCH);
    batchLimit('metrics, params, and tags', metrics.length + paramList.length + tagList.length, MAX_ENTITIES_PER_BATCH);
    const points = metrics.map((m, i) => metricFrom((m ?? {}) as Record<string, unknown>, `metrics[${i}].`));
    const params = uniqueParams(f.keyValues('params', MAX_PARAM_VALUE, 'truncate'));
    const tags = Object.fromEntries(f.keyValues('tags', MAX_TAG_VALUE, 'truncate').map((t) => [t.key, t.value]));
    writeToRun(ctx.store, ctx.hub, id, { points, params, tags }, ctx.now());
    if (tags[RUN_NAME_TAG]) ctx.store.tx(() => ctx.store.runs.update(id, { name: tags[RUN_NAME_TAG] }));
    return {};
  },

  logInputs(ctx: MlflowContext, f: Fields) {
    const id = f.runId();
    const inputs = f.list('datasets').map((item, i) => datasetInput(item, `datasets[${i}]`));
    const now = ctx.now();
    ctx.store.tx(() => {
      checkActive(ctx.store, id);
      for (const input of inputs) ctx.store.datasets.addRunInput(id, input.dataset, input.tags, now);
    });
    ctx.hub.runChanged(id);
    return {};
  },

  logOutputs(ctx: MlflowContext, f: Fields) {
    const id = f.runId();
    const outputs = f.list('models').map((m, i) => {
      const o = (m ?? {}) as Record<string, unknown>;
      if (typeof o.model_id !== 'string' || !o.model_id) throw invalid(`Missing value for required parameter 'models[${i}].model_id'.`);
      return { modelId: o.model_id, step: wholeNumber(o.step, `models[${i}].step`, 0) };
    });
    ctx.store.tx(() => {
      checkActive(ctx.store, id);
      for (const o of outputs) ctx.store.models.addOutput(id, o.modelId, o.step);
    });
    ctx.hub.runChanged(id);
    return {};
  },
};

function text(o: Record<string, unknown>, field: string, path: string, required: boolean): string | null {
  const v = o[field];
  if (v === undefined || v === null || v === '') {
    if (required) throw invalid(`Missing value for required parameter '${path}.${field}'.`);
    return null;
  }
  if (typeof v !== 'string') throw invalid(`Invalid value for '${path}.${field}': expected a string`);
  return v;
}

function datasetInput(item: unknown, path: string): { dataset: DatasetRecord; tags: Record<string, string> } {
  const o = (item ?? {}) as Record<string, unknown>;
  const d = (o.dataset ?? {}) as Record<string, unknown>;
  const dataset: DatasetRecord = {
    name: text(d, 'name', `${path}.dataset`, true)!,
    digest: text(d, 'digest', `${path}.dataset`, true)!,
    sourceType: text(d, 'source_type', `${path}.dataset`, true)!,
    source: text(d, 'source', `${path}.dataset`, true)!,
    schema: text(d, 'schema', `${path}.dataset`, false),
    profile: text(d, 'profile', `${path}.dataset`, false),
  };
  const tags: Record<string, string> = {};
  for (const [i, t] of (Array.isArray(o.tags) ? o.tags : []).entries()) {
    const tag = (t ?? {}) as Record<string, unknown>;
    tags[checkedKey(tag.key, `${path}.tags[${i}].key`)] = checkedValue(tag.value, `${path}.tags[${i}].value`, 500);
  }
  return { dataset, tags };
}
