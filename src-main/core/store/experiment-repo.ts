import type { LifecycleStage } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import type { Db } from './open-db';

export interface Experiment {
  id: string;
  name: string;
  artifactLocation: string | null;
  lifecycleStage: LifecycleStage;
  creationTime: number;
  lastUpdateTime: number;
  tags: Record<string, string>;
}

interface ExperimentRow {
  id: number;
  name: string;
  artifact_location: string | null;
  lifecycle_stage: LifecycleStage;
  created_at: number;
  last_update_time: number | null;
}

export type ViewType = 'active' | 'deleted' | 'all';

const COLUMNS = 'id, name, artifact_location, lifecycle_stage, created_at, last_update_time';

/** Experiments and their tags. Writers run inside the caller's transaction. */
export class ExperimentRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      byId: db.prepare<[number], ExperimentRow>(`SELECT ${COLUMNS} FROM experiments WHERE id = ?`),
      byName: db.prepare<[string], ExperimentRow>(`SELECT ${COLUMNS} FROM experiments WHERE name = ?`),
      all: db.prepare<[], ExperimentRow>(`SELECT ${COLUMNS} FROM experiments ORDER BY id`),
      insert: db.prepare<[string, string | null, number, number]>(
        'INSERT INTO experiments (name, artifact_location, created_at, last_update_time) VALUES (?, ?, ?, ?) RETURNING id',
      ),
      setLocation: db.prepare<[string, number]>('UPDATE experiments SET artifact_location = ? WHERE id = ?'),
      rename: db.prepare<[string, number, number]>('UPDATE experiments SET name = ?, last_update_time = ? WHERE id = ?'),
      lifecycle: db.prepare<[LifecycleStage, number, number]>('UPDATE experiments SET lifecycle_stage = ?, last_update_time = ? WHERE id = ?'),
      tags: db.prepare<[number], { key: string; value: string }>('SELECT key, value FROM experiment_tags WHERE experiment_id = ? ORDER BY key'),
      setTag: db.prepare<[number, string, string]>(
        'INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?) ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value',
      ),
      deleteTag: db.prepare<[number, string]>('DELETE FROM experiment_tags WHERE experiment_id = ? AND key = ?'),
    };
  }

  get(id: string): Experiment | null {
    const n = Number(id);
    if (!Number.isSafeInteger(n)) return null;
    const row = this.q.byId.get(n);
    return row ? this.toExperiment(row) : null;
  }

  /** Throws RESOURCE_DOES_NOT_EXIST, as MLflow does, for an unknown id. */
  require(id: string): Experiment {
    const e = this.get(id);
    if (!e) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${id} exists`);
    return e;
  }

  byName(name: string): Experiment | null {
    const row = this.q.byName.get(name);
    return row ? this.toExperiment(row) : null;
  }

  list(view: ViewType = 'active'): Experiment[] {
    return this.q
      .all.all()
      .filter((r) => view === 'all' || r.lifecycle_stage === view)
      .map((r) => this.toExperiment(r));
  }

  /** Creates an experiment; RESOURCE_ALREADY_EXISTS when the name is taken (deleted ones too). */
  create(name: string, now: number, opts: { artifactLocation?: string | null; tags?: Record<string, string> } = {}): string {
    if (this.q.byName.get(name)) throw new ApiError('RESOURCE_ALREADY_EXISTS', `Experiment '${name}' already exists.`);
    const { id } = this.q.insert.get(name, opts.artifactLocation ?? null, now, now) as { id: number };
    for (const [k, v] of Object.entries(opts.tags ?? {})) this.q.setTag.run(id, k, v);
    return String(id);
  }

  /** The id of the named experiment, created when missing (the native API's behaviour). */
  ensure(name: string, now: number): string {
    return this.byName(name)?.id ?? this.create(name, now);
  }

  setArtifactLocation(id: string, location: string): void {
    this.q.setLocation.run(location, Number(id));
  }

  rename(id: string, name: string, now: number): void {
    const taken = this.q.byName.get(name);
    if (taken && String(taken.id) !== id) throw new ApiError('RESOURCE_ALREADY_EXISTS', `Experiment '${name}' already exists.`);
    this.q.rename.run(name, now, Number(id));
  }

  setLifecycle(id: string, stage: LifecycleStage, now: number): void {
    this.q.lifecycle.run(stage, now, Number(id));
  }

  setTag(id: string, key: string, value: string): void {
    this.q.setTag.run(Number(id), key, value);
  }

  deleteTag(id: string, key: string): boolean {
    return this.q.deleteTag.run(Number(id), key).changes > 0;
  }

  private toExperiment(r: ExperimentRow): Experiment {
    const tags: Record<string, string> = {};
    for (const t of this.q.tags.all(r.id)) tags[t.key] = t.value;
    return {
      id: String(r.id),
      name: r.name,
      artifactLocation: r.artifact_location,
      lifecycleStage: r.lifecycle_stage,
      creationTime: r.created_at,
      lastUpdateTime: r.last_update_time ?? r.created_at,
      tags,
    };
  }
}
