import type { LifecycleStage, MetricSummary, RunStatus, RunSummary, SourceKind } from '../../../src-shared/domain';
import { toWire } from '../../../src-shared/wire-number';
import { ApiError } from '../../../src-shared/errors';
import type { Db } from './open-db';
import type { SeriesSummaryColumns } from './metric-point';
import type { ExperimentRepo, ViewType } from './experiment-repo';
import type { StaleRuns } from '../lineage/stale-runs';
import type { RunSync } from '../../../src-shared/sync';
import { metaDigest, SyncRepo, type LinkState } from './sync-repo';

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
  user_id: string;
  artifact_uri: string | null;
  lifecycle_stage: LifecycleStage;
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
  userId?: string;
  artifactUri?: string | null;
  lifecycleStage?: LifecycleStage;
  deletedTime?: number | null;
}

export interface RunChanges {
  status?: RunStatus;
  endTime?: number | null;
  name?: string;
}

const RUN_COLUMNS = `r.id, r.experiment_id, e.name AS experiment, r.name, r.status, r.start_time, r.end_time,
  r.last_heartbeat, r.source_kind, r.source_path, r.user_id, r.artifact_uri, r.lifecycle_stage`;
const INSERT_RUN = `INSERT INTO runs (id, experiment_id, name, status, start_time, end_time, last_heartbeat, source_kind,
    source_path, user_id, artifact_uri, lifecycle_stage, deleted_time)
  VALUES (@id, @experiment_id, @name, @status, @start_time, @end_time, @start_time, @source_kind, @source_path,
    @user_id, @artifact_uri, @lifecycle_stage, @deleted_time)`;
const SERIES_COLUMNS =
  'run_id, key, count, last_value, last_is_nan, last_step, last_timestamp, min_value, max_value, min_value_step, max_value_step';

/** localeCompare's order, without building a collator per comparison. */
const byLocale = new Intl.Collator();

/** `run_id IN` the ids of a JSON array bound as the parameter. */
const IDS_IN_JSON = '(SELECT value FROM json_each(?))';

/** Runs, params and tags. Writers run inside the caller's transaction. */
export class RunRepo {
  private readonly q;
  /** Each run's links to remotes, for the sync state its summary shows. */
  private readonly links: SyncRepo;

  constructor(
    db: Db,
    private readonly experiments: ExperimentRepo,
    private readonly staleRuns: StaleRuns,
  ) {
    this.links = new SyncRepo(db);
    this.q = {
      runExists: db.prepare<[string], { id: string }>('SELECT id FROM runs WHERE id = ?'),
      startTimeOf: db.prepare<[string], { start_time: number }>('SELECT start_time FROM runs WHERE id = ?'),
      lifecycleOf: db.prepare<[string], { lifecycle_stage: LifecycleStage }>('SELECT lifecycle_stage FROM runs WHERE id = ?'),
      insertRun: db.prepare(`${INSERT_RUN}`),
      upsertRun: db.prepare(
        `${INSERT_RUN}
         ON CONFLICT (id) DO UPDATE SET experiment_id = excluded.experiment_id, name = excluded.name,
           status = excluded.status, start_time = excluded.start_time, end_time = excluded.end_time,
           user_id = excluded.user_id, artifact_uri = excluded.artifact_uri,
           lifecycle_stage = excluded.lifecycle_stage, deleted_time = excluded.deleted_time`,
      ),
      update: db.prepare(
        'UPDATE runs SET status = coalesce(@status, status), end_time = CASE WHEN @set_end THEN @end_time ELSE end_time END, name = coalesce(@name, name) WHERE id = @id',
      ),
      lifecycle: db.prepare<[LifecycleStage, number | null, string]>('UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE id = ?'),
      experimentLifecycle: db.prepare<[LifecycleStage, number | null, number]>(
        'UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE experiment_id = ? RETURNING id',
      ),
      setArtifactUri: db.prepare<[string, string]>('UPDATE runs SET artifact_uri = ? WHERE id = ?'),
      setSource: db.prepare<[SourceKind, string | null, string]>('UPDATE runs SET source_kind = ?, source_path = ? WHERE id = ?'),
      deleteTag: db.prepare<[string, string]>('DELETE FROM tags WHERE run_id = ? AND key = ?'),
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
        `SELECT ${RUN_COLUMNS} FROM runs r JOIN experiments e ON e.id = r.experiment_id ORDER BY r.start_time DESC, r.id`,
      ),
      someRuns: db.prepare<[string], RunRow>(
        `SELECT ${RUN_COLUMNS} FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE r.id IN ${IDS_IN_JSON}
           ORDER BY r.start_time DESC, r.id`,
      ),
      paramsOf: db.prepare<[string], KeyValueRow>('SELECT run_id, key, value FROM params WHERE run_id = ?'),
      tagsOf: db.prepare<[string], KeyValueRow>('SELECT run_id, key, value FROM tags WHERE run_id = ?'),
      seriesOf: db.prepare<[string], SeriesSummaryRow>(`SELECT ${SERIES_COLUMNS} FROM metric_series WHERE run_id = ?`),
      params: keyValuesByRun(db, 'params'),
      tags: keyValuesByRun(db, 'tags'),
      allSeries: db.prepare<[], SeriesSummaryRow>(`SELECT ${SERIES_COLUMNS} FROM metric_series`),
      someSeries: db.prepare<[string], SeriesSummaryRow>(`SELECT ${SERIES_COLUMNS} FROM metric_series WHERE run_id IN ${IDS_IN_JSON}`),
    };
  }

  exists(id: string): boolean {
    return this.q.runExists.get(id) !== undefined;
  }

  /** The run's start (epoch ms), or null for an unknown run. */
  startTime(id: string): number | null {
    return this.q.startTimeOf.get(id)?.start_time ?? null;
  }

  /** The run's lifecycle stage, or null for an unknown run (cheaper than a summary). */
  lifecycle(id: string): LifecycleStage | null {
    return this.q.lifecycleOf.get(id)?.lifecycle_stage ?? null;
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
      experiment_id: Number(this.experiments.ensure(run.experiment, run.startTime)),
      name: run.name,
      status: run.status,
      start_time: run.startTime,
      end_time: run.endTime,
      source_kind: run.sourceKind,
      source_path: run.sourcePath,
      user_id: run.userId ?? '',
      artifact_uri: run.artifactUri ?? null,
      lifecycle_stage: run.lifecycleStage ?? 'active',
      deleted_time: run.deletedTime ?? null,
    };
  }

  update(id: string, changes: RunChanges): void {
    this.q.update.run({
      id,
      status: changes.status ?? null,
      set_end: changes.endTime === undefined ? 0 : 1,
      end_time: changes.endTime ?? null,
      name: changes.name ?? null,
    });
  }

  setLifecycle(id: string, stage: LifecycleStage, at: number): void {
    this.q.lifecycle.run(stage, stage === 'deleted' ? at : null, id);
  }

  /** Deletes or restores every run of an experiment with it, as MLflow does; returns their ids. */
  setExperimentLifecycle(experimentId: string, stage: LifecycleStage, at: number): string[] {
    const rows = this.q.experimentLifecycle.all(stage, stage === 'deleted' ? at : null, Number(experimentId)) as { id: string }[];
    return rows.map((r) => r.id);
  }

  setArtifactUri(id: string, uri: string): void {
    this.q.setArtifactUri.run(uri, id);
  }

  /** Where the run is read from now (upsert keeps the first source; a store can move). */
  setSource(id: string, kind: SourceKind, path: string | null): void {
    this.q.setSource.run(kind, path, id);
  }

  deleteTag(id: string, key: string): boolean {
    return this.q.deleteTag.run(id, key).changes > 0;
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

  /** A run's tags alone (an importer mirroring a source's tag deletions needs no summary). */
  tags(runId: string): Record<string, string> {
    return toRecord(this.q.tagsOf.all(runId));
  }

  setTags(runId: string, tags: Record<string, string>): void {
    for (const [key, value] of Object.entries(tags)) this.q.upsertTag.run(runId, key, value);
  }

  summary(id: string): RunSummary | null {
    const row = this.q.run.get(id);
    if (!row) return null;
    const summary = toSummary(row, toRecord(this.q.paramsOf.all(id)), toRecord(this.q.tagsOf.all(id)), this.q.seriesOf.all(id), this.staleRuns.current());
    summary.sync = syncOf(summary, this.links.linkStates([id]));
    return summary;
  }

  /**
   * Runs with params, tags and metric summaries, newest first: four queries in all. By default
   * the active runs of every experiment; `experimentIds` narrows, `view` picks deleted ones, and
   * `ids` keeps only those runs (a search's candidates), reading nothing of the others.
   */
  list(opts: { experimentIds?: readonly string[]; view?: ViewType; ids?: ReadonlySet<string> | null } = {}): RunSummary[] {
    const view = opts.view ?? 'active';
    const experiments = opts.experimentIds ? new Set(opts.experimentIds.map(String)) : null;
    const rows = (opts.ids ? this.q.someRuns.all(JSON.stringify([...opts.ids])) : this.q.runs.all()).filter(
      (r) => (view === 'all' || r.lifecycle_stage === view) && (!experiments || experiments.has(String(r.experiment_id))),
    );
    if (rows.length === 0) return [];
    // Params and tags arrive as one JSON object per run: 500,000 rows as JS objects cost 10×
    // what 10,000 JSON.parse calls do.
    const only = opts.ids ? JSON.stringify(rows.map((r) => r.id)) : null;
    const params = only ? this.q.params.some.all(only) : this.q.params.all.all();
    const tags = only ? this.q.tags.some.all(only) : this.q.tags.all.all();
    const series = groupBy(only ? this.q.someSeries.all(only) : this.q.allSeries.all());
    const paramsOf = new Map(params.map((p) => [p.run_id, p.kv]));
    const tagsOf = new Map(tags.map((t) => [t.run_id, t.kv]));
    const stale = this.staleRuns.current();
    const links = groupLinks(only ? this.links.linkStates(rows.map((r) => r.id)) : this.links.linkStates());
    return rows.map((r) => {
      const summary = toSummary(r, parseRecord(paramsOf.get(r.id)), parseRecord(tagsOf.get(r.id)), series.get(r.id) ?? [], stale);
      const own = links.get(r.id);
      if (own) summary.sync = syncOf(summary, own);
      return summary;
    });
  }
}


/** Each run's keys and values of a table as one JSON object (all runs, or those of a JSON id list). */
function keyValuesByRun(db: Db, table: 'params' | 'tags') {
  const select = `SELECT run_id, json_group_object(key, value) AS kv FROM ${table}`;
  return {
    all: db.prepare<[], { run_id: string; kv: string }>(`${select} GROUP BY run_id`),
    some: db.prepare<[string], { run_id: string; kv: string }>(`${select} WHERE run_id IN ${IDS_IN_JSON} GROUP BY run_id`),
  };
}

function parseRecord(json: string | undefined): Record<string, string> {
  return json ? (JSON.parse(json) as Record<string, string>) : {};
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

function groupLinks(links: LinkState[]): Map<string, LinkState[]> {
  const out = new Map<string, LinkState[]>();
  for (const l of links) {
    let list = out.get(l.runId);
    if (!list) out.set(l.runId, (list = []));
    list.push(l);
  }
  return out;
}

/**
 * The sync state a run shows: a pulled copy is `remote`; a pushed run shows its most recently
 * synced push, `behind` when the run now holds other than that push sent: more points, other
 * params/tags, more inputs, another status (or the push never completed).
 */
function syncOf(run: RunSummary, links: LinkState[]): RunSync | null {
  const pulled = links.find((l) => l.direction === 'pull');
  const link = pulled ?? [...links].sort((a, b) => (b.syncedAt ?? 0) - (a.syncedAt ?? 0))[0];
  if (!link) return null;
  const behind =
    link.syncedAt === null ||
    link.pushed.points !== run.metrics.reduce((n, m) => n + m.count, 0) ||
    link.pushed.inputs !== link.inputs ||
    link.pushed.status !== run.status ||
    link.pushed.meta !== metaDigest(run.params, run.tags);
  return {
    state: pulled ? 'remote' : behind ? 'behind' : 'pushed',
    remote: link.remote,
    remoteRunId: link.remoteRunId,
    remoteExperimentId: link.remoteExperimentId,
    live: link.live,
    syncedAt: link.syncedAt,
    error: link.error,
  };
}

/** Own properties for every key, as JSON.parse makes them (a key named `__proto__` included). */
function toRecord(rows: KeyValueRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
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
    minStep: s.min_value_step,
    maxStep: s.max_value_step,
  };
}

function toSummary(
  r: RunRow,
  params: Record<string, string>,
  tags: Record<string, string>,
  series: SeriesSummaryRow[],
  staleRuns: ReadonlySet<string>,
): RunSummary {
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
    userId: r.user_id,
    artifactUri: r.artifact_uri,
    lifecycleStage: r.lifecycle_stage,
    params,
    tags,
    metrics: series.map(toMetricSummary).sort((a, b) => byLocale.compare(a.key, b.key)),
    newerDataAvailable: staleRuns.has(r.id),
    sync: null,
  };
}
