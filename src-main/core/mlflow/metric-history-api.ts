// metrics/get-history and get-history-bulk-interval: full series, read from the packed chunks.
import { toWire } from '../../../src-shared/wire-number';
import { requireRun } from '../api/run-writes';
import type { SeriesColumns } from '../store/metric-point';
import type { MlflowContext } from './mlflow-context';
import { invalid, page, type Fields } from './mlflow-fields';

const HISTORY_MAX = 25_000;
const BULK_RUNS_MAX = 100;
const BULK_DEFAULT = 320;
const BULK_MAX = 2500;

function pointsJson(key: string, c: SeriesColumns, indices: Iterable<number>, runId?: string) {
  const out = [];
  for (const i of indices) {
    out.push({ key, value: toWire(c.value[i]!), timestamp: c.timestamp[i]!, step: c.step[i]!, ...(runId ? { run_id: runId } : {}) });
  }
  return out;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Up to `max` of the distinct steps, evenly spaced, always keeping the first and the last. */
function sampleSteps(steps: Float64Array, max: number): Set<number> {
  const distinct = [...new Set(steps)];
  if (distinct.length <= max) return new Set(distinct);
  const picked = new Set<number>();
  for (let i = 0; i < max; i++) picked.add(distinct[Math.round((i * (distinct.length - 1)) / (max - 1))]!);
  return picked;
}

export const metricHistoryApi = {
  getHistory(ctx: MlflowContext, f: Fields) {
    const id = f.runId();
    const key = f.requiredString('metric_key');
    const max = f.int('max_results') ?? HISTORY_MAX;
    if (max < 1 || max > HISTORY_MAX) throw invalid(`Invalid value ${max} for parameter 'max_results': it must be between 1 and ${HISTORY_MAX}.`);
    requireRun(ctx.store, id);
    const cols = ctx.store.metrics.read(id, key);
    if (!cols) return { metrics: [] };
    const { items, next } = page(range(cols.step.length), max, f.string('page_token'));
    return { metrics: pointsJson(key, cols, items), ...(next ? { next_page_token: next } : {}) };
  },

  getHistoryBulkInterval(ctx: MlflowContext, f: Fields) {
    const runIds = f.stringList('run_ids');
    if (runIds.length === 0) throw invalid("Missing value for required parameter 'run_ids'.");
    if (runIds.length > BULK_RUNS_MAX) throw invalid(`GetMetricHistoryBulkInterval accepts at most ${BULK_RUNS_MAX} run_ids, got ${runIds.length}.`);
    const key = f.requiredString('metric_key');
    const max = f.int('max_results') ?? BULK_DEFAULT;
    if (max < 1 || max > BULK_MAX) throw invalid(`Invalid value ${max} for parameter 'max_results': it must be between 1 and ${BULK_MAX}.`);
    const start = f.int('start_step') ?? -Infinity;
    const end = f.int('end_step') ?? Infinity;
    const metrics = [];
    for (const id of [...runIds].sort()) {
      requireRun(ctx.store, id);
      const cols = ctx.store.metrics.read(id, key, start, end);
      if (!cols) continue;
      const steps = sampleSteps(cols.step, max);
      metrics.push(...pointsJson(key, cols, range(cols.step.length).filter((i) => steps.has(cols.step[i]!)), id));
    }
    return { metrics };
  },
};
