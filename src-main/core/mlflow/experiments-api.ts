// MLflow's experiments/* routes.
import { ApiError } from '../../../src-shared/errors';
import { parseFilter, parseOrderBy } from '../../../src-shared/search/filter-parser';
import { EXPERIMENT_SEARCH } from '../../../src-shared/search/filter-schema';
import { matchesAll, recordComparator, type SearchRecord } from '../../../src-shared/search/match-records';
import type { Experiment, ViewType } from '../store/experiment-repo';
import type { MlflowContext } from './mlflow-context';
import { checkedKey, checkedValue, invalid, page, type Fields } from './mlflow-fields';
import { experimentJson } from './mlflow-json';

const MAX_NAME = 500;
const MAX_TAG_VALUE = 20_000;
const SEARCH_DEFAULT = 1000;
const SEARCH_MAX = 50_000;

/** MLflow's ViewType names, in the proto's enum and as numbers. */
export function viewType(f: Fields, field: string): ViewType {
  const v = f.string(field);
  if (v === undefined || v === 'ACTIVE_ONLY' || v === '1') return 'active';
  if (v === 'DELETED_ONLY' || v === '2') return 'deleted';
  if (v === 'ALL' || v === '3') return 'all';
  throw invalid(`Invalid value '${v}' for parameter '${field}': expected ACTIVE_ONLY, DELETED_ONLY or ALL`);
}

function experimentName(f: Fields, field: string): string {
  const name = f.requiredString(field);
  if (name.trim() === '') throw invalid(`Invalid experiment name: '${name}'`);
  if (name.length > MAX_NAME) throw invalid(`Experiment name exceeds the maximum length of ${MAX_NAME} characters.`);
  return name;
}

function asRecord(e: Experiment): SearchRecord {
  return {
    attributes: { name: e.name, creation_time: e.creationTime, last_update_time: e.lastUpdateTime, experiment_id: Number(e.id) },
    tags: e.tags,
  };
}

export const experimentsApi = {
  create(ctx: MlflowContext, f: Fields) {
    const name = experimentName(f, 'name');
    const tags = Object.fromEntries(f.keyValues('tags', MAX_TAG_VALUE).map((t) => [t.key, t.value]));
    const id = ctx.store.tx(() => {
      const newId = ctx.store.experiments.create(name, ctx.now(), { artifactLocation: f.string('artifact_location') || null, tags });
      if (!f.string('artifact_location')) ctx.store.experiments.setArtifactLocation(newId, `mlflow-artifacts:/${newId}`);
      return newId;
    });
    return { experiment_id: id };
  },

  get(ctx: MlflowContext, f: Fields) {
    return { experiment: experimentJson(ctx.store.experiments.require(f.requiredString('experiment_id'))) };
  },

  getByName(ctx: MlflowContext, f: Fields) {
    const name = f.requiredString('experiment_name');
    const e = ctx.store.experiments.byName(name);
    if (!e) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Could not find experiment with name '${name}'`);
    return { experiment: experimentJson(e) };
  },

  search(ctx: MlflowContext, f: Fields) {
    const max = f.int('max_results') ?? SEARCH_DEFAULT;
    if (max < 1 || max > SEARCH_MAX) throw invalid(`Invalid value ${max} for parameter 'max_results' supplied. It must be at most ${SEARCH_MAX}.`);
    const clauses = parseFilter(f.string('filter'), EXPERIMENT_SEARCH);
    const orderBy = f.stringList('order_by').map((o) => parseOrderBy(o, EXPERIMENT_SEARCH));
    const order = orderBy.length > 0 ? orderBy : [parseOrderBy('creation_time DESC', EXPERIMENT_SEARCH)];
    const found = ctx.store.experiments.list(viewType(f, 'view_type')).filter((e) => matchesAll(asRecord(e), clauses));
    found.sort(recordComparator(order, asRecord, (a, b) => Number(b.id) - Number(a.id)));
    const { items, next } = page(found, max, f.string('page_token'));
    return { experiments: items.map(experimentJson), ...(next ? { next_page_token: next } : {}) };
  },

  update(ctx: MlflowContext, f: Fields) {
    const id = f.requiredString('experiment_id');
    const name = f.has('new_name') ? experimentName(f, 'new_name') : null;
    ctx.store.tx(() => {
      const e = ctx.store.experiments.require(id);
      if (e.lifecycleStage !== 'active') throw invalid(`Cannot rename a non-active experiment.`);
      if (name !== null) ctx.store.experiments.rename(id, name, ctx.now());
    });
    return {};
  },

  delete(ctx: MlflowContext, f: Fields) {
    const id = f.requiredString('experiment_id');
    if (id === '0') throw invalid('Cannot delete the default experiment \'0\'. This is an internally reserved experiment.');
    return setLifecycle(ctx, id, 'deleted');
  },

  restore(ctx: MlflowContext, f: Fields) {
    return setLifecycle(ctx, f.requiredString('experiment_id'), 'active');
  },

  setTag(ctx: MlflowContext, f: Fields) {
    const id = f.requiredString('experiment_id');
    const key = checkedKey(f.string('key'), 'key');
    const value = checkedValue(f.string('value'), 'value', MAX_TAG_VALUE);
    ctx.store.tx(() => {
      const e = ctx.store.experiments.require(id);
      if (e.lifecycleStage !== 'active') throw invalid(`The experiment ${id} must be in the 'active' state. Current state is ${e.lifecycleStage}.`);
      ctx.store.experiments.setTag(id, key, value);
    });
    return {};
  },

  deleteTag(ctx: MlflowContext, f: Fields) {
    const id = f.requiredString('experiment_id');
    const key = f.requiredString('key');
    ctx.store.tx(() => {
      ctx.store.experiments.require(id);
      if (!ctx.store.experiments.deleteTag(id, key)) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `No tag with name: ${key} in experiment with id ${id}`);
    });
    return {};
  },
};

/** An experiment's runs are deleted and restored with it. */
function setLifecycle(ctx: MlflowContext, id: string, stage: 'active' | 'deleted') {
  const now = ctx.now();
  const runIds = ctx.store.tx(() => {
    ctx.store.experiments.require(id);
    ctx.store.experiments.setLifecycle(id, stage, now);
    return ctx.store.runs.setExperimentLifecycle(id, stage, now);
  });
  for (const runId of runIds) ctx.hub.runChanged(runId);
  return {};
}
