// MLflow 3's logged-models routes: `log_model` creates a model, uploads its files through the
// artifact proxy, then finalizes it; runs point at it through runs/outputs.
import { randomUUID } from 'node:crypto';
import type { LoggedModel } from '../store/logged-model-repo';
import { parseFilter } from '../../../src-shared/search/filter-parser';
import { matchesAll, type SearchRecord } from '../../../src-shared/search/match-records';
import type { SearchSchema } from '../../../src-shared/search/filter-schema';
import { randomRunName } from '../api/run-names';
import type { MlflowContext } from './mlflow-context';
import { invalid, page, type Fields } from './mlflow-fields';
import { fileInfoJson, loggedModelJson } from './mlflow-json';

const MAX_TAG_VALUE = 8000;
const MAX_PARAM_VALUE = 6000;
const SEARCH_DEFAULT = 100;
const STATUSES = new Set(['LOGGED_MODEL_PENDING', 'LOGGED_MODEL_READY', 'LOGGED_MODEL_UPLOAD_FAILED']);

const MODEL_SEARCH: SearchSchema = {
  entities: new Set(['tag', 'param', 'attribute']),
  attributes: { name: 'string', model_id: 'string', status: 'string', source_run_id: 'string', model_type: 'string', creation_timestamp: 'number', last_updated_timestamp: 'number' },
  attributeAliases: { creation_time: 'creation_timestamp', last_updated_time: 'last_updated_timestamp' },
  listAttributes: new Set(['name', 'model_id', 'status']),
  orderOnlyAttributes: new Set(),
};

function asRecord(m: LoggedModel): SearchRecord {
  return {
    attributes: {
      name: m.name,
      model_id: m.id,
      status: m.status,
      source_run_id: m.sourceRunId,
      model_type: m.modelType,
      creation_timestamp: m.creationTime,
      last_updated_timestamp: m.lastUpdatedTime,
    },
    tags: m.tags,
    params: m.params,
  };
}

function status(f: Fields): string {
  const s = f.requiredString('status');
  if (!STATUSES.has(s)) throw invalid(`Invalid value '${s}' for parameter 'status': expected one of ${[...STATUSES].join(', ')}`);
  return s;
}

function toRecord(list: { key: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(list.map((kv) => [kv.key, kv.value]));
}

export const loggedModelsApi = {
  create(ctx: MlflowContext, f: Fields) {
    const experimentId = f.requiredString('experiment_id');
    const id = `m-${randomUUID().replaceAll('-', '')}`;
    const sourceRunId = f.string('source_run_id') || null;
    ctx.store.tx(() => {
      ctx.store.experiments.require(experimentId);
      ctx.store.models.create(
        {
          id,
          experimentId,
          sourceRunId,
          name: f.string('name') || randomRunName(),
          artifactUri: ctx.artifacts.modelArtifactUri(experimentId, id),
          status: 'LOGGED_MODEL_PENDING',
          modelType: f.string('model_type') ?? '',
          tags: toRecord(f.keyValues('tags', MAX_TAG_VALUE)),
          params: toRecord(f.keyValues('params', MAX_PARAM_VALUE)),
        },
        ctx.now(),
      );
    });
    if (sourceRunId) ctx.hub.runChanged(sourceRunId);
    return { model: loggedModelJson(ctx.store.models.require(id)) };
  },

  get(ctx: MlflowContext, f: Fields) {
    return { model: loggedModelJson(ctx.store.models.require(f.requiredString('model_id'))) };
  },

  finalize(ctx: MlflowContext, f: Fields) {
    const model = ctx.store.tx(() => ctx.store.models.change(f.requiredString('model_id'), ctx.now(), { status: status(f) }));
    if (model.sourceRunId) ctx.hub.runChanged(model.sourceRunId);
    return { model: loggedModelJson(model) };
  },

  delete(ctx: MlflowContext, f: Fields) {
    ctx.store.tx(() => ctx.store.models.delete(f.requiredString('model_id'), ctx.now()));
    return {};
  },

  setTags(ctx: MlflowContext, f: Fields) {
    const tags = toRecord(f.keyValues('tags', MAX_TAG_VALUE));
    ctx.store.tx(() => ctx.store.models.change(f.requiredString('model_id'), ctx.now(), { tags }));
    return {};
  },

  deleteTag(ctx: MlflowContext, f: Fields) {
    const key = f.requiredString('tag_key');
    ctx.store.tx(() => ctx.store.models.change(f.requiredString('model_id'), ctx.now(), { tags: { [key]: null } }));
    return {};
  },

  logParams(ctx: MlflowContext, f: Fields) {
    const params = toRecord(f.keyValues('params', MAX_PARAM_VALUE));
    ctx.store.tx(() => ctx.store.models.change(f.requiredString('model_id'), ctx.now(), { params }));
    return {};
  },

  search(ctx: MlflowContext, f: Fields) {
    const clauses = parseFilter(f.string('filter'), MODEL_SEARCH);
    const found = ctx.store.models.search(f.stringList('experiment_ids')).filter((m) => matchesAll(asRecord(m), clauses));
    const { items, next } = page(found, f.int('max_results') ?? SEARCH_DEFAULT, f.string('page_token'));
    return { models: items.map(loggedModelJson), ...(next ? { next_page_token: next } : {}) };
  },

  async listArtifacts(ctx: MlflowContext, f: Fields) {
    const model = ctx.store.models.require(f.requiredString('model_id'));
    const dir = ctx.artifacts.localDir(model.artifactUri);
    const sub = f.string('artifact_directory_path') ?? '';
    const files = dir ? await ctx.artifacts.list(relativeTo(ctx, dir, sub)) : [];
    return { files: files.map(fileInfoJson) };
  },
};

/** The artifact store's relative path for a folder under a model's artifact root. */
function relativeTo(ctx: MlflowContext, dir: string, sub: string): string {
  const rel = dir.slice(ctx.artifacts.root.length + 1);
  return sub ? `${rel}/${sub}` : rel;
}
