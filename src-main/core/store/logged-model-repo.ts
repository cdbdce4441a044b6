import type { LifecycleStage } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import type { Db } from './open-db';

/** An MLflow 3 logged model: a model logged from (usually) a run, with its own artifacts. */
export interface LoggedModel {
  id: string;
  experimentId: string;
  sourceRunId: string | null;
  name: string;
  artifactUri: string;
  /** LOGGED_MODEL_PENDING, LOGGED_MODEL_READY or LOGGED_MODEL_UPLOAD_FAILED. */
  status: string;
  modelType: string;
  creationTime: number;
  lastUpdatedTime: number;
  lifecycleStage: LifecycleStage;
  tags: Record<string, string>;
  params: Record<string, string>;
}

interface ModelRow {
  id: string;
  experiment_id: number;
  source_run_id: string | null;
  name: string;
  artifact_uri: string;
  status: string;
  model_type: string;
  creation_time: number;
  last_updated_time: number;
  lifecycle_stage: LifecycleStage;
  tags_json: string;
  params_json: string;
}

function toModel(r: ModelRow): LoggedModel {
  return {
    id: r.id,
    experimentId: String(r.experiment_id),
    sourceRunId: r.source_run_id,
    name: r.name,
    artifactUri: r.artifact_uri,
    status: r.status,
    modelType: r.model_type,
    creationTime: r.creation_time,
    lastUpdatedTime: r.last_updated_time,
    lifecycleStage: r.lifecycle_stage,
    tags: JSON.parse(r.tags_json) as Record<string, string>,
    params: JSON.parse(r.params_json) as Record<string, string>,
  };
}

/** Logged models and run outputs (which models a run produced, at which step). */
export class LoggedModelRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      insert: db.prepare(
        `INSERT INTO logged_models (id, experiment_id, source_run_id, name, artifact_uri, status, model_type,
           creation_time, last_updated_time, tags_json, params_json)
         VALUES (@id, @experiment_id, @source_run_id, @name, @artifact_uri, @status, @model_type, @now, @now, @tags_json, @params_json)`,
      ),
      get: db.prepare<[string], ModelRow>('SELECT * FROM logged_models WHERE id = ?'),
      ofExperiments: db.prepare<[], ModelRow>("SELECT * FROM logged_models WHERE lifecycle_stage = 'active' ORDER BY creation_time DESC, id"),
      update: db.prepare(
        'UPDATE logged_models SET status = @status, tags_json = @tags_json, params_json = @params_json, last_updated_time = @now WHERE id = @id',
      ),
      remove: db.prepare<[number, string]>("UPDATE logged_models SET lifecycle_stage = 'deleted', last_updated_time = ? WHERE id = ?"),
      addOutput: db.prepare<[string, string, number]>(
        'INSERT INTO run_outputs (run_id, model_id, step) VALUES (?, ?, ?) ON CONFLICT (run_id, model_id) DO UPDATE SET step = excluded.step',
      ),
      outputsOf: db.prepare<[string], { model_id: string; step: number }>('SELECT model_id, step FROM run_outputs WHERE run_id = ? ORDER BY model_id'),
    };
  }

  create(m: Omit<LoggedModel, 'creationTime' | 'lastUpdatedTime' | 'lifecycleStage'>, now: number): void {
    this.q.insert.run({
      id: m.id,
      experiment_id: Number(m.experimentId),
      source_run_id: m.sourceRunId,
      name: m.name,
      artifact_uri: m.artifactUri,
      status: m.status,
      model_type: m.modelType,
      now,
      tags_json: JSON.stringify(m.tags),
      params_json: JSON.stringify(m.params),
    });
  }

  get(id: string): LoggedModel | null {
    const row = this.q.get.get(id);
    return row && row.lifecycle_stage === 'active' ? toModel(row) : null;
  }

  require(id: string): LoggedModel {
    const m = this.get(id);
    if (!m) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Logged model with ID '${id}' not found.`);
    return m;
  }

  search(experimentIds: readonly string[]): LoggedModel[] {
    const wanted = new Set(experimentIds.map(String));
    return this.q.ofExperiments
      .all()
      .map(toModel)
      .filter((m) => wanted.size === 0 || wanted.has(m.experimentId));
  }

  /** Applies changes to status, tags (merged; null deletes) and params (merged). */
  change(id: string, now: number, c: { status?: string; tags?: Record<string, string | null>; params?: Record<string, string> }): LoggedModel {
    const m = this.require(id);
    const tags = { ...m.tags };
    for (const [k, v] of Object.entries(c.tags ?? {})) {
      if (v === null) delete tags[k];
      else tags[k] = v;
    }
    this.q.update.run({ id, status: c.status ?? m.status, tags_json: JSON.stringify(tags), params_json: JSON.stringify({ ...m.params, ...c.params }), now });
    return this.require(id);
  }

  delete(id: string, now: number): void {
    this.require(id);
    this.q.remove.run(now, id);
  }

  addOutput(runId: string, modelId: string, step: number): void {
    this.q.addOutput.run(runId, modelId, step);
  }

  outputsOf(runId: string): { modelId: string; step: number }[] {
    return this.q.outputsOf.all(runId).map((r) => ({ modelId: r.model_id, step: r.step }));
  }
}
