import Database from 'better-sqlite3';
import { REQUIRED_TABLES, SQL, type KeyValueRow, type MetricRow } from '../../ingest/mlflow/db-schema';
import type { DbRows } from '../../ingest/mlflow/db-records';

/**
 * An MLflow tracking database opened read-only: Runlens never writes to another program's
 * store. Every read is one short statement (no long read transaction): in SQLite's default
 * rollback-journal mode, which MLflow uses, a reader holding its lock would stall the training
 * process's next commit.
 */
export class MlflowDb {
  private readonly tables: Set<string>;

  private constructor(private readonly db: Database.Database) {
    // A writer mid-commit holds the file briefly; wait for it rather than fail the read.
    db.pragma('busy_timeout = 2000');
    this.tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  }

  static open(file: string): MlflowDb {
    return new MlflowDb(new Database(file, { readonly: true, fileMustExist: true }));
  }

  /** Null when the file is an MLflow tracking database, else why it is not. */
  notMlflow(): string | null {
    const missing = REQUIRED_TABLES.filter((t) => !this.tables.has(t));
    return missing.length === 0 ? null : `not an MLflow tracking database (no ${missing.join(', ')} table)`;
  }

  /** Everything but metrics: small tables, read whole on every change. */
  readAll(): DbRows {
    const hasDeletedTime = this.columns('runs').has('deleted_time');
    const optional = <T>(table: string, sql: string): T[] => (this.tables.has(table) ? (this.db.prepare(sql).all() as T[]) : []);
    const hasInputs = this.tables.has('inputs') && this.tables.has('datasets');
    return {
      experiments: this.db.prepare(SQL.experiments).all() as DbRows['experiments'],
      experimentTags: optional<KeyValueRow>('experiment_tags', SQL.experimentTags),
      runs: this.db.prepare(SQL.runs(hasDeletedTime)).all() as DbRows['runs'],
      params: this.db.prepare(SQL.params).all() as KeyValueRow[],
      tags: this.db.prepare(SQL.tags).all() as KeyValueRow[],
      datasetInputs: hasInputs ? (this.db.prepare(SQL.datasetInputs).all() as DbRows['datasetInputs']) : [],
      inputTags: optional('input_tags', SQL.inputTags),
    };
  }

  maxMetricRowid(): number {
    return this.db.prepare(SQL.maxMetricRowid).pluck().get() as number;
  }

  /** Metric rows with `after < rowid <= upTo`, oldest first, at most `limit`. */
  metricsAfter(after: number, upTo: number, limit: number): MetricRow[] {
    return this.db.prepare(SQL.metricsAfter).all(after, upTo, limit) as MetricRow[];
  }

  close(): void {
    this.db.close();
  }

  private columns(table: string): Set<string> {
    return new Set((this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  }
}
