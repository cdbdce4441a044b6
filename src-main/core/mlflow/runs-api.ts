// MLflow's runs/* lifecycle and search routes.
import { randomUUID } from 'node:crypto';
import type { RunSummary } from '../../../src-shared/domain';
import { parseFilter, parseOrderBy } from '../../../src-shared/search/filter-parser';
import { RUN_SEARCH } from '../../../src-shared/search/filter-schema';
import { recordComparator } from '../../../src-shared/search/match-records';
import { searchRuns } from '../search/run-search';
import { randomRunName } from '../api/run-names';
import { checkActive, checkExists, requireRun } from '../api/run-writes';
import type { MlflowContext } from './mlflow-context';
import { invalid, page, type Fields } from './mlflow-fields';
import { runInfoJson, runJson } from './mlflow-json';
import { parseRunStatus } from './run-status';
import { viewType } from './experiments-api';

export const RUN_NAME_TAG = 'mlflow.runName';
const MAX_TAG_VALUE = 8000;
const SEARCH_DEFAULT = 1000;
const SEARCH_MAX = 50_000;

export function fullRunJson(ctx: MlflowContext, run: RunSummary) {
  return runJson(run, ctx.store.datasets.inputsOf(run.id), ctx.store.models.outputsOf(run.id));
}

/** MLflow's natural order: newest start first, then run id. */
function naturalOrder(a: RunSummary, b: RunSummary): number {
  return b.startTime - a.startTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export const runsApi = {
  create(ctx: MlflowContext, f: Fields) {
    const experimentId = f.string('experiment_id') || '0';
    const tags = Object.fromEntries(f.keyValues('tags', MAX_TAG_VALUE, 'truncate').map((t) => [t.key, t.value]));
    const name = f.string('run_name') || tags[RUN_NAME_TAG] || randomRunName();
    const id = randomUUID().replaceAll('-', '');
    const startTime = f.int('start_time') ?? ctx.now();
    ctx.store.tx(() => {
      const experiment = ctx.store.experiments.require(experimentId);
      if (experiment.lifecycleStage !== 'active') {
        throw invalid(`The experiment ${experimentId} must be in the 'active' state. Current state is ${experiment.lifecycleStage}.`);
      }
      ctx.store.runs.insert({
        id,
        experiment: experiment.name,
        name,
        status: 'RUNNING',
        startTime,
        endTime: null,
        sourceKind: 'mlflow',
        sourcePath: null,
        userId: f.string('user_id') ?? '',
        artifactUri: ctx.artifacts.runArtifactUri(experimentId, id),
      });
      // MLflow always records the run name as a tag too.
      ctx.store.runs.setTags(id, { ...tags, [RUN_NAME_TAG]: name });
    });
    ctx.hub.runChanged(id);
    return { run: fullRunJson(ctx, requireRun(ctx.store, id)) };
  },

  get(ctx: MlflowContext, f: Fields) {
    return { run: fullRunJson(ctx, requireRun(ctx.store, f.runId())) };
  },

  update(ctx: MlflowContext, f: Fields) {
    const id = f.runId();
    const status = f.has('status') ? parseRunStatus(f.requiredString('status')) : undefined;
    const endTime = f.int('end_time');
    const name = f.string('run_name') || undefined;
    ctx.store.tx(() => {
      checkActive(ctx.store, id);
      ctx.store.runs.update(id, { status, endTime, name });
      if (name) ctx.store.runs.setTags(id, { [RUN_NAME_TAG]: name });
    });
    ctx.hub.runChanged(id);
    return { run_info: runInfoJson(requireRun(ctx.store, id)) };
  },

  delete(ctx: MlflowContext, f: Fields) {
    return setLifecycle(ctx, f.runId(), 'deleted');
  },

  restore(ctx: MlflowContext, f: Fields) {
    return setLifecycle(ctx, f.runId(), 'active');
  },

  search(ctx: MlflowContext, f: Fields) {
    const max = f.int('max_results') ?? SEARCH_DEFAULT;
    if (max < 1 || max > SEARCH_MAX) throw invalid(`Invalid value ${max} for parameter 'max_results' supplied. It must be at most ${SEARCH_MAX}.`);
    const clauses = parseFilter(f.string('filter'), RUN_SEARCH);
    const orderBy = f.stringList('order_by').map((o) => parseOrderBy(o, RUN_SEARCH));
    const { recordOf, found } = searchRuns(ctx.store, clauses, { experimentIds: f.stringList('experiment_ids'), view: viewType(f, 'run_view_type') });
    found.sort(recordComparator(orderBy, recordOf, naturalOrder));
    const { items, next } = page(found, max, f.string('page_token'));
    return { runs: items.map((r) => fullRunJson(ctx, r)), ...(next ? { next_page_token: next } : {}) };
  },
};

function setLifecycle(ctx: MlflowContext, id: string, stage: 'active' | 'deleted') {
  ctx.store.tx(() => {
    checkExists(ctx.store, id);
    ctx.store.runs.setLifecycle(id, stage, ctx.now());
  });
  ctx.hub.runChanged(id);
  return {};
}
