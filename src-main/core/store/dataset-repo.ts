import type { DatasetColumn, DatasetSummary, DatasetVersion, RunDatasetInput } from '../../../src-shared/domain';
import type { Db } from './open-db';

/**
 * A dataset version as MLflow describes it (`schema` and `profile` are JSON text), plus what the
 * core learns when it reads the data itself. Fields left undefined keep what an earlier write of
 * the same version recorded.
 */
export interface DatasetRecord {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  schema: string | null;
  profile: string | null;
  kind?: DatasetVersion['kind'];
  /** Local path or URI it was read from. */
  uri?: string | null;
  format?: string | null;
  rows?: number | null;
  sizeBytes?: number | null;
  columns?: DatasetColumn[] | null;
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

interface VersionRow {
  id: number;
  name: string;
  digest: string;
  kind: DatasetVersion['kind'];
  source_type: string | null;
  source: string | null;
  uri: string | null;
  format: string | null;
  row_count: number | null;
  size_bytes: number | null;
  columns_json: string | null;
  created_at: number;
}

interface RunDatasetRow {
  name: string;
  digest: string;
  source_type: string | null;
  source: string | null;
  schema_json: string | null;
  profile_json: string | null;
  context: string | null;
  newer: 0 | 1;
}

const VERSION_COLUMNS = 'd.id, d.name, d.digest, d.kind, d.source_type, d.source, d.uri, d.format, d.row_count, d.size_bytes, d.columns_json, d.created_at';

// Versions of a name are ordered by when each was first seen; the id breaks ties between two
// stored in the same millisecond (the lineage graph orders them the same way).
const NEWER_EXISTS = `EXISTS (SELECT 1 FROM datasets n WHERE n.name = d.name
  AND (n.created_at > d.created_at OR (n.created_at = d.created_at AND n.id > d.id)))`;

function toVersion(r: VersionRow): DatasetVersion {
  return {
    id: r.id,
    name: r.name,
    digest: r.digest,
    kind: r.kind,
    sourceType: r.source_type ?? '',
    source: r.source ?? '',
    uri: r.uri,
    format: r.format,
    rows: r.row_count,
    sizeBytes: r.size_bytes,
    columns: r.columns_json === null ? null : (JSON.parse(r.columns_json) as DatasetColumn[]),
    createdAt: r.created_at,
  };
}

function toRunDataset(r: RunDatasetRow): RunDatasetInput {
  return {
    name: r.name,
    digest: r.digest,
    sourceType: r.source_type ?? '',
    source: r.source ?? '',
    context: r.context,
    schema: r.schema_json,
    profile: r.profile_json,
    newerVersion: r.newer === 1,
  };
}

/** Dataset versions (name + digest), which runs used them and which runs produced them. */
export class DatasetRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      // created_at is only set on insert: it is when the version was first seen, and versions of
      // a name are ordered by it.
      upsert: db.prepare(
        `INSERT INTO datasets (name, digest, source, source_type, schema_json, profile_json, created_at,
           kind, uri, format, row_count, size_bytes, columns_json)
         VALUES (@name, @digest, @source, @source_type, @schema_json, @profile_json, @now,
           coalesce(@kind, 'dataset'), @uri, @format, @row_count, @size_bytes, @columns_json)
         ON CONFLICT (name, digest) DO UPDATE SET source = excluded.source, source_type = excluded.source_type,
           schema_json = coalesce(excluded.schema_json, schema_json), profile_json = coalesce(excluded.profile_json, profile_json),
           kind = coalesce(@kind, kind), uri = coalesce(excluded.uri, uri), format = coalesce(excluded.format, format),
           row_count = coalesce(excluded.row_count, row_count), size_bytes = coalesce(excluded.size_bytes, size_bytes),
           columns_json = coalesce(excluded.columns_json, columns_json)
         RETURNING id`,
      ),
      addInput: db.prepare<[string, number, string | null, string]>(
        `INSERT INTO run_inputs (run_id, dataset_id, context, tags_json) VALUES (?, ?, ?, ?)
         ON CONFLICT (run_id, dataset_id) DO UPDATE SET context = excluded.context, tags_json = excluded.tags_json`,
      ),
      addOutput: db.prepare<[string, number, string | null]>(
        `INSERT INTO run_dataset_outputs (run_id, dataset_id, context) VALUES (?, ?, ?)
         ON CONFLICT (run_id, dataset_id) DO UPDATE SET context = excluded.context`,
      ),
      version: db.prepare<[number], VersionRow>(`SELECT ${VERSION_COLUMNS} FROM datasets d WHERE d.id = ?`),
      versionsOf: db.prepare<[string], VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM datasets d WHERE d.name = ? ORDER BY d.created_at, d.id`,
      ),
      latest: db.prepare<[], VersionRow & { versions: number }>(
        `SELECT ${VERSION_COLUMNS}, (SELECT count(*) FROM datasets c WHERE c.name = d.name) AS versions
         FROM datasets d WHERE NOT ${NEWER_EXISTS} ORDER BY d.name`,
      ),
      runInputs: db.prepare<[string], RunDatasetRow>(
        `SELECT d.name, d.digest, d.source_type, d.source, d.schema_json, d.profile_json, i.context, ${NEWER_EXISTS} AS newer
         FROM run_inputs i JOIN datasets d ON d.id = i.dataset_id WHERE i.run_id = ? ORDER BY d.name, d.digest`,
      ),
      runOutputs: db.prepare<[string], RunDatasetRow>(
        `SELECT d.name, d.digest, d.source_type, d.source, d.schema_json, d.profile_json, o.context, ${NEWER_EXISTS} AS newer
         FROM run_dataset_outputs o JOIN datasets d ON d.id = o.dataset_id WHERE o.run_id = ? ORDER BY d.name, d.digest`,
      ),
      urisOf: db.prepare<[string, string], { role: 'inputs' | 'outputs'; name: string; uri: string }>(
        `SELECT 'inputs' AS role, d.name, d.uri FROM run_inputs i JOIN datasets d ON d.id = i.dataset_id
           WHERE i.run_id = ? AND d.uri IS NOT NULL
         UNION ALL
         SELECT 'outputs', d.name, d.uri FROM run_dataset_outputs o JOIN datasets d ON d.id = o.dataset_id
           WHERE o.run_id = ? AND d.uri IS NOT NULL`,
      ),
      inputsOf: db.prepare<[string], InputRow>(
        `SELECT d.name, d.digest, d.source_type, d.source, d.schema_json, d.profile_json, i.tags_json
         FROM run_inputs i JOIN datasets d ON d.id = i.dataset_id WHERE i.run_id = ? ORDER BY d.name, d.digest`,
      ),
    };
  }

  /** Records a dataset version (or adds what is newly known about it) and returns its id. */
  upsert(d: DatasetRecord, now: number): number {
    const row = this.q.upsert.get({
      name: d.name,
      digest: d.digest,
      source: d.source,
      source_type: d.sourceType,
      schema_json: d.schema,
      profile_json: d.profile,
      now,
      kind: d.kind ?? null,
      uri: d.uri ?? null,
      format: d.format ?? null,
      row_count: d.rows ?? null,
      size_bytes: d.sizeBytes ?? null,
      columns_json: d.columns ? JSON.stringify(d.columns) : null,
    }) as { id: number };
    return row.id;
  }

  /**
   * Records that a run used a dataset version; logging the same pair again updates its tags.
   * Returns the version's id.
   */
  addRunInput(runId: string, d: DatasetRecord, tags: Record<string, string>, now: number): number {
    const id = this.upsert(d, now);
    this.q.addInput.run(runId, id, tags[CONTEXT_TAG] ?? null, JSON.stringify(tags));
    return id;
  }

  /** Records that a run produced a dataset version or artifact; returns the version's id. */
  addRunOutput(runId: string, d: DatasetRecord, context: string | null, now: number): number {
    const id = this.upsert(d, now);
    this.q.addOutput.run(runId, id, context);
    return id;
  }

  version(id: number): DatasetVersion | null {
    const row = this.q.version.get(id);
    return row ? toVersion(row) : null;
  }

  /** Every version of a name, oldest first. */
  versionsOf(name: string): DatasetVersion[] {
    return this.q.versionsOf.all(name).map(toVersion);
  }

  /** Each dataset name with its version count and latest version, by name. */
  summaries(): DatasetSummary[] {
    return this.q.latest.all().map((r) => ({ name: r.name, versions: r.versions, latest: toVersion(r) }));
  }

  /** The versions a run used and produced, each flagged when its name has a later version. */
  runDatasets(runId: string): { inputs: RunDatasetInput[]; outputs: RunDatasetInput[] } {
    return { inputs: this.q.runInputs.all(runId).map(toRunDataset), outputs: this.q.runOutputs.all(runId).map(toRunDataset) };
  }

  /** `name\0uri` of every version with a uri the run used (inputs) and produced (outputs). */
  urisOf(runId: string): { inputs: Set<string>; outputs: Set<string> } {
    const out = { inputs: new Set<string>(), outputs: new Set<string>() };
    for (const r of this.q.urisOf.all(runId, runId)) out[r.role].add(`${r.name}\0${r.uri}`);
    return out;
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
