import type { MetricSummary, RunStatus, RunSummary, SourceKind } from '../../../src-shared/domain';
import { toWire } from '../../../src-shared/wire-number';
import { ApiError } from '../../../src-shared/errors';
import type { Db } from './open-db';
import type { SeriesSummaryColumns } from './metric-point';

interface RunRow {
  id: string;
  experiment_id: number;
  experiment: string;
  name: string;
  status: RunStatus;
  start_time: number;
  end_time: number | null;
  last_heartbeat: number;
  source_kind: SourceKind;
  source_path: string | null;
}
interface KeyValueRow {
  run_id: string;
  key: string;
  value: string;
}
interface SeriesSummaryRow extends SeriesSummaryColumns {
  run_id: string;
  key: string;
}

export interface NewRun {
  id: string;
  experiment: string;
  name: string;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  sourceKind: SourceKind;
  sourcePath: string | null;
}

const RUN_COLUMNS = `r.id, r.experiment_id, e.name AS experiment, r.name, r.status, r.start_time, r.end_time,
  r.last_heartbeat, r.source_kind, r.source_path`;
const SERIES_COLUMNS = 'run_id, key, count, last_value, last_is_nan, last_step, last_timestamp, min_value, max_value';

/** Experiments, runs, params and tags. Writers run inside the caller's transaction. */
export class RunRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      experimentByName: db.prepare<[string], { id: number }>('SELECT id FROM experiments WHERE name = ?'),
      insertExperiment: db.prepare<[string, number]>(
        'INSERT INTO experiments (name, created_at) VALUES (?, ?) RETURNING id',
      ),
      runExists: db.prepare<[string], { id: string }>('SELECT id FROM runs WHERE id = ?'),
      insertRun: db.prepare(
        `INSERT INTO runs (id, experiment_id, name, status, start_time, end_time, last_heartbeat, source_kind, source_path)
         VALUES (@id, @experiment_id, @name, @status, @start_time, @end_time, @start_time, @source_kind, @source_path)`,
      ),
      upsertRun: db.prepare(
        `INSERT INTO runs (id, experiment_id, name, status, start_time, end_time, last_heartbeat, source_kind, source_path)
         VALUES (@id, @experiment_id, @name, @status, @start_time, @end_time, @start_time, @source_kind, @source_path)
         ON CONFLICT (id) DO UPDATE SET experiment_id = excluded.experiment_id, name = excluded.name,
           status = excluded.status, start_time = excluded.start_time, end_time = excluded.end_time`,
      ),
      finish: db.prepare<[RunStatus, number, string]>('UPDATE runs SET status = ?, end_time = ? WHERE id = ?'),
      heartbeat: db.prepare<[number, string]>('UPDATE runs SET last_heartbeat = max(last_heartbeat, ?) WHERE id = ?'),
      param: db.prepare<[string, string], { value: string }>('SELECT value FROM params WHERE run_id = ? AND key = ?'),
      insertParam: db.prepare<[string, string, string]>('INSERT INTO params (run_id, key, value) VALUES (?, ?, ?)'),
      upsertTag: db.prepare<[string, string, string]>(
        'INSERT INTO tags (run_id, key, value) VALUES (?, ?, ?) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value',
      ),
      run: db.prepare<[string], RunRow>(
        `SELECT ${RUN_COLUMNS} FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE r.id = ?`,
      ),
      runs: db.prepare<[], RunRow>(
        `SELECT ${RUN_COLUMNS} FROM runs r JOIN experiments e ON e.id = r.experiment_id
         WHERE r.lifecycle_stage = 'active' ORDER BY r.start_time DESC`,
      ),
      paramsOf: db.prepare<[string], KeyValueRow>('SELECT run_id, key, value FROM params WHERE run_id = ?'),
      tagsOf: db.prepare<[string], KeyValueRow>('SELECT run_id, key, value FROM tags WHERE run_id = ?'),
      seriesOf: db.prepare<[string], SeriesSummaryRow>(`SELECT ${SERIES_COLUMNS} FROM metric_series WHERE run_id = ?`),
      allParams: db.prepare<[], KeyValueRow>('SELECT run_id, key, value FROM params'),
      allTags: db.prepare<[], KeyValueRow>('SELECT run_id, key, value FROM tags'),
      allSeries: db.prepare<[], SeriesSummaryRow>(`SELECT ${SERIES_COLUMNS} FROM metric_series`),
    };
  }

  experimentId(name: string, now: number): number {
    const found = this.q.experimentByName.get(name);
    if (found) return found.id;
    return (this.q.insertExperiment.get(name, now) as { id: number }).id;
  }

  exists(id: string): boolean {
    return this.q.runExists.get(id) !== undefined;
  }

  /** Throws RESOURCE_DOES_NOT_EXIST for an unknown run id. */
  requireRun(id: string): void {
    if (!this.exists(id)) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Run with id=${id} not found`);
  }

  insert(run: NewRun): void {
    this.q.insertRun.run(this.toRow(run));
  }

  /** Creates the run, or updates its descriptive fields when it already exists. */
  upsert(run: NewRun): void {
    this.q.upsertRun.run(this.toRow(run));
  }

  private toRow(run: NewRun) {
    return {
      id: run.id,
      experiment_id: this.experimentId(run.experiment, run.startTime),
      name: run.name,
      status: run.status,
      start_time: run.startTime,
      end_time: run.endTime,
      source_kind: run.sourceKind,
      source_path: run.sourcePath,
    };
  }

  finish(id: string, status: RunStatus, endTime: number): void {
    this.q.finish.run(status, endTime, id);
  }

  heartbeat(id: string, at: number): void {
    this.q.heartbeat.run(at, id);
  }

  /**
   * Params are immutable once set (as in MLflow): re-setting the same value is a no-op, another
   * value is INVALID_PARAMETER_VALUE. Check all before writing any, so a rejected request writes
   * nothing even outside a transaction.
   */
  setParams(runId: string, params: Record<string, string>): void {
    const fresh: [string, string][] = [];
    for (const [key, value] of Object.entries(params)) {
      const old = this.q.param.get(runId, key);
      if (old === undefined) fresh.push([key, value]);
      else if (old.value !== value) {
        throw new ApiError(
          'INVALID_PARAMETER_VALUE',
          `Changing param values is not allowed. Param with key='${key}' was already logged with value='${old.value}' for run ID='${runId}'. Attempted logging new value '${value}'.`,
        );
      }
    }
    for (const [key, value] of fresh) this.q.insertParam.run(runId, key, value);
  }

  /** Keys whose stored value differs from the given one (setParams would refuse them). */
  paramConflicts(runId: string, params: Record<string, string>): string[] {
    return Object.entries(params)
      .filter(([key, value]) => {
        const old = this.q.param.get(runId, key);
        return old !== undefined && old.value !== value;
      })
      .map(([key]) => key);
  }

  setTags(runId: string, tags: Record<string, string>): void {
    for (const [key, value] of Object.entries(tags)) this.q.upsertTag.run(runId, key, value);
  }

  summary(id: string): RunSummary | null {
    const row = this.q.run.get(id);
    if (!row) return null;
    return toSummary(row, this.q.paramsOf.all(id), this.q.tagsOf.all(id), this.q.seriesOf.all(id));
  }

  /** Every active run with params, tags and metric summaries, newest first: four queries in all. */
  list(): RunSummary[] {
    const params = groupBy(this.q.allParams.all());
    const tags = groupBy(this.q.allTags.all());
    const series = groupBy(this.q.allSeries.all());
    return this.q.runs.all().map((r) => toSummary(r, params.get(r.id) ?? [], tags.get(r.id) ?? [], series.get(r.id) ?? []));
  }
}

function groupBy<T extends { run_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    let list = out.get(row.run_id);
    if (!list) out.set(row.run_id, (list = []));
    list.push(row);
  }
  return out;
}

function toRecord(rows: KeyValueRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) out[r.key] = r.value;
  return out;
}

function toMetricSummary(s: SeriesSummaryRow): MetricSummary {
  return {
    key: s.key,
    count: s.count,
    last: s.last_is_nan ? 'NaN' : toWire(s.last_value ?? NaN),
    lastStep: s.last_step,
    lastTimestamp: s.last_timestamp,
    min: s.min_value,
    max: s.max_value,
  };
}

function toSummary(r: RunRow, params: KeyValueRow[], tags: KeyValueRow[], series: SeriesSummaryRow[]): RunSummary {
  return {
    id: r.id,
    experimentId: String(r.experiment_id),
    experiment: r.experiment,
    name: r.name,
    status: r.status,
    startTime: r.start_time,
    endTime: r.end_time,
    lastHeartbeat: r.last_heartbeat,
    sourceKind: r.source_kind,
    sourcePath: r.source_path,
    params: toRecord(params),
    tags: toRecord(tags),
    metrics: series.map(toMetricSummary).sort((a, b) => a.key.localeCompare(b.key)),
  };
}
