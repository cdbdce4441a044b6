import type { Db } from './open-db';

/** A dataset version as MLflow describes it; `schema` and `profile` are JSON text. */
export interface DatasetRecord {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  schema: string | null;
  profile: string | null;
}

export interface RunInput {
  dataset: DatasetRecord;
  tags: Record<string, string>;
}

/** The input tag MLflow uses for a dataset's role (training, validation, …). */
export const CONTEXT_TAG = 'mlflow.data.context';

interface InputRow {
  name: string;
  digest: string;
  source_type: string | null;
  source: string | null;
  schema_json: string | null;
  profile_json: string | null;
  tags_json: string;
}

/** Dataset versions (name + digest) and which runs used them. */
export class DatasetRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      upsert: db.prepare(
        `INSERT INTO datasets (name, digest, source, source_type, schema_json, profile_json, created_at)
         VALUES (@name, @digest, @source, @source_type, @schema_json, @profile_json, @now)
         ON CONFLICT (name, digest) DO UPDATE SET source = excluded.source, source_type = excluded.source_type,
           schema_json = coalesce(excluded.schema_json, schema_json), profile_json = coalesce(excluded.profile_json, profile_json)
         RETURNING id`,
      ),
      addInput: db.prepare<[string, number, string | null, string]>(
        `INSERT INTO run_inputs (run_id, dataset_id, context, tags_json) VALUES (?, ?, ?, ?)
         ON CONFLICT (run_id, dataset_id) DO UPDATE SET context = excluded.context, tags_json = excluded.tags_json`,
      ),
      inputsOf: db.prepare<[string], InputRow>(
        `SELECT d.name, d.digest, d.source_type, d.source, d.schema_json, d.profile_json, i.tags_json
         FROM run_inputs i JOIN datasets d ON d.id = i.dataset_id WHERE i.run_id = ? ORDER BY d.name, d.digest`,
      ),
    };
  }

  upsert(d: DatasetRecord, now: number): number {
    const row = this.q.upsert.get({
      name: d.name,
      digest: d.digest,
      source: d.source,
      source_type: d.sourceType,
      schema_json: d.schema,
      profile_json: d.profile,
      now,
    }) as { id: number };
    return row.id;
  }

  /** Records that a run used a dataset version; logging the same pair again updates its tags. */
  addRunInput(runId: string, d: DatasetRecord, tags: Record<string, string>, now: number): void {
    const id = this.upsert(d, now);
    this.q.addInput.run(runId, id, tags[CONTEXT_TAG] ?? null, JSON.stringify(tags));
  }

  inputsOf(runId: string): RunInput[] {
    return this.q.inputsOf.all(runId).map((r) => ({
      dataset: {
        name: r.name,
        digest: r.digest,
        sourceType: r.source_type ?? '',
        source: r.source ?? '',
        schema: r.schema_json,
        profile: r.profile_json,
      },
      tags: JSON.parse(r.tags_json) as Record<string, string>,
    }));
  }
}
