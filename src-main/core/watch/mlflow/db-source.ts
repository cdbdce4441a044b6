import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import { toPoints, toRecords } from '../../ingest/mlflow/db-records';
import { errorText, type IngestSource, type UnitResult } from '../source';
import { walkTree } from '../walk-tree';
import { openRegularFile, requireRegularFile } from '../read-regular-file';
import { applyExperiment, applyRun, ChangeFilter } from './apply-mlflow';
import { looksLikeFileStore } from './file-store-layout';
import { MlflowDb } from './mlflow-db';

const KIND = 'mlflow-db';
/** MLflow's default database name (`sqlite:///mlflow.db`); other names are read when given. */
export const DEFAULT_DB_NAME = 'mlflow.db';
/** Metric rows per transaction: each slice commits with the rowid that follows it. */
export const METRIC_SLICE_ROWS = 20_000;
const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * MLflow SQLite databases. One unit per file, re-read when it (or its `-wal`) changes: the small
 * tables whole, with only changed experiments and runs written; metrics incrementally after the
 * rowid watermark committed with the points (the file tailers' offset, for a table).
 */
export class MlflowDbSource implements IngestSource {
  readonly kind = KIND;
  /** Databases given by path under another name than mlflow.db. */
  private readonly named = new Set<string>();
  private readonly written = new ChangeFilter();

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
  ) {}

  unitFor(changedPath: string): string | null {
    // In WAL mode a commit touches only `-wal`; in the default rollback mode the file itself.
    const db = changedPath.endsWith('-wal') ? changedPath.slice(0, -'-wal'.length) : changedPath;
    return basename(db) === DEFAULT_DB_NAME || this.named.has(db) ? db : null;
  }

  ignoresDir(): boolean {
    return false;
  }

  async findUnits(root: string, problems: string[]): Promise<string[]> {
    if ((await stat(root)).isFile()) {
      if (!(await isSqlite(root))) return [];
      this.named.add(root);
      return [root];
    }
    const found: string[] = [];
    await walkTree(root, problems, (dir, entries) => {
      if (entries.some((e) => e.isFile() && e.name === DEFAULT_DB_NAME)) found.push(join(dir, DEFAULT_DB_NAME));
      // A file store's folders hold runs, never a database: not worth the walk.
      return !looksLikeFileStore(dir, entries);
    });
    return found;
  }

  async ingest(file: string): Promise<UnitResult> {
    let db: MlflowDb;
    try {
      await requireRegularFile(file);
      db = MlflowDb.open(file);
    } catch (e) {
      return { runIds: [], points: 0, problems: [`${file}: cannot open: ${errorText(e)}`] };
    }
    try {
      const why = db.notMlflow();
      if (why) return { runIds: [], points: 0, problems: [`${file}: ${why}`] };
      return this.ingestOpen(file, db);
    } catch (e) {
      return { runIds: [], points: 0, problems: [`${file}: ${errorText(e)}`] };
    } finally {
      db.close();
    }
  }

  private ingestOpen(file: string, db: MlflowDb): UnitResult {
    // Taken before the runs are read: every metric row up to here belongs to a run already
    // committed, so it finds its run below. Later rows wait for the next change event.
    const upTo = db.maxMetricRowid();
    const now = Date.now();
    const { experiments, runs, problems } = toRecords(db.readAll(), now);
    const prefixed = problems.map((p) => `${file}: ${p}`);
    const changedRuns: string[] = [];
    const pending: string[] = [];
    try {
      this.store.tx(() => {
        for (const exp of experiments.values()) {
          const key = `${file}\0e\0${exp.name}`;
          if (!this.written.changed(key, exp)) continue;
          pending.push(key);
          applyExperiment(this.store, exp, now);
        }
        for (const run of runs) {
          const key = `${file}\0r\0${run.id}`;
          if (!this.written.changed(key, run)) continue;
          pending.push(key);
          applyRun(this.store, run, { kind: KIND, path: file }, prefixed, now);
          changedRuns.push(run.id);
        }
      });
    } catch (e) {
      // Nothing was written: forget what was recorded, so the next change tries again.
      for (const key of pending) this.written.forget(key);
      return { runIds: [], points: 0, problems: [...prefixed, `${file}: ${errorText(e)}`] };
    }
    for (const id of changedRuns) this.hub.runChanged(id);
    const points = this.tailMetrics(file, db, upTo, new Set(runs.map((r) => r.id)), prefixed);
    return { runIds: runs.map((r) => r.id), points, problems: prefixed };
  }

  private tailMetrics(file: string, db: MlflowDb, upTo: number, known: Set<string>, problems: string[]): number {
    const key = watermarkKey(file);
    let after = this.store.watch.offset(key);
    if (upTo < after) {
      // Rows were removed from the end (`mlflow gc`), or the file was replaced: go on from the
      // current end rather than read every row again into series that already hold them.
      problems.push(`${file}: the metrics table shrank below the ingested row ${after}; reading new rows from ${upTo}`);
      this.store.tx(() => this.store.watch.setOffset(key, upTo, null));
      return 0;
    }
    let total = 0;
    while (after < upTo) {
      const rows = db.metricsAfter(after, upTo, METRIC_SLICE_ROWS);
      if (rows.length === 0) break;
      const next = rows[rows.length - 1]!.rowid;
      const byRun = toPoints(rows);
      const touched = this.store.tx(() => {
        // Another ingest of this file may have committed the slice meanwhile.
        if (this.store.watch.offset(key) !== after) return null;
        const out: [string, string[]][] = [];
        for (const [runId, points] of byRun) {
          if (!known.has(runId)) continue;
          out.push([runId, this.store.metrics.append(runId, points)]);
          this.store.runs.heartbeat(runId, points.reduce((t, p) => Math.max(t, p.timestamp), 0));
        }
        this.store.watch.setOffset(key, next, null);
        return out;
      });
      if (touched === null) {
        after = this.store.watch.offset(key);
        continue;
      }
      for (const [runId, keys] of touched) this.hub.pointsAppended(runId, keys);
      for (const [runId, points] of byRun) {
        if (known.has(runId)) total += points.length;
        else problems.push(`${file}: ${points.length} metric row(s) of unknown run ${runId} skipped`);
      }
      after = next;
    }
    return total;
  }
}

/** The committed metrics watermark lives beside the file offsets, under the database's path. */
export function watermarkKey(file: string): string {
  return `${file}#metrics.rowid`;
}

async function isSqlite(file: string): Promise<boolean> {
  const opened = await openRegularFile(file).catch(() => null);
  if (!opened) return false;
  const { handle } = opened;
  try {
    const buf = Buffer.alloc(SQLITE_MAGIC.length);
    await handle.read(buf, 0, buf.length, 0);
    return buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    await handle.close();
  }
}
