import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import type { MlflowExperiment } from '../../ingest/mlflow/records';
import { META_FILE, REGISTRY_DIR, RESERVED_EXPERIMENT_DIRS, TRASH_DIR, parseMetricFileLine } from '../../ingest/mlflow/file-store-format';
import { errorText, type IngestSource, type UnitResult } from '../source';
import { walkTree } from '../walk-tree';
import { lineParser, tailFile } from '../tail-file';
import { applyExperiment, applyRun, ChangeFilter, ensureExperiment } from './apply-mlflow';
import { FileStoreLayout, looksLikeFileStore } from './file-store-layout';
import { readExperimentMeta, readFileStoreRun } from './file-store-run';
import { readKeyValues } from './read-tree';

const KIND = 'mlflow-file-store';

/**
 * MLflow file stores (`mlruns/`). Units are experiment folders (meta.yaml, tags) and run
 * folders (meta.yaml, params, tags, inputs, and the metric files, each tailed like a native
 * metrics.jsonl). Deleted experiments live in `.trash/` and are read like the others.
 */
export class MlflowFileStoreSource implements IngestSource {
  readonly kind = KIND;
  private readonly layout = new FileStoreLayout();
  private readonly written = new ChangeFilter();

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
  ) {}

  unitFor(changedPath: string): string | null {
    const u = this.layout.unitOfFile(changedPath);
    return u === null ? null : u.kind === 'run' ? u.runDir : u.expDir;
  }

  ignoresDir(dir: string): boolean {
    return this.layout.ignoresDir(dir);
  }

  async findUnits(root: string, problems: string[]): Promise<string[]> {
    if (!(await stat(root)).isDirectory()) return [];
    const stores: string[] = [];
    await walkTree(root, problems, (dir, entries) => {
      if (!looksLikeFileStore(dir, entries)) return true;
      this.layout.addStore(dir);
      stores.push(dir);
      return false;
    });
    const experiments: string[] = [];
    const runs: string[] = [];
    for (const s of stores) {
      for (const expDir of [...(await subdirs(s, problems)).filter((d) => basename(d) !== TRASH_DIR && basename(d) !== REGISTRY_DIR), ...(await subdirs(join(s, TRASH_DIR), problems))]) {
        const entries = await readdir(expDir, { withFileTypes: true }).catch((e: unknown) => {
          problems.push(`${expDir}: ${errorText(e)}`);
          return [];
        });
        if (!entries.some((e) => e.isFile() && e.name === META_FILE)) continue;
        experiments.push(expDir);
        for (const e of entries) {
          if (e.isDirectory() && !RESERVED_EXPERIMENT_DIRS.has(e.name)) runs.push(join(expDir, e.name));
        }
      }
    }
    // Experiments first, so their tags and lifecycle are in place when their runs arrive.
    return [...experiments, ...runs];
  }

  async ingest(unit: string): Promise<UnitResult> {
    const u = this.layout.unitOfDir(unit);
    if (u === null) return { runIds: [], points: 0, problems: [`${unit}: not an experiment or run folder of an MLflow store`] };
    return u.kind === 'experiment' ? this.ingestExperiment(u.expDir) : this.ingestRun(u.expDir, u.runDir);
  }

  private async ingestExperiment(expDir: string): Promise<UnitResult> {
    const problems: string[] = [];
    const meta = await readExperimentMeta(expDir, problems);
    if (meta) {
      const exp: MlflowExperiment = { ...meta, tags: await readKeyValues(join(expDir, 'tags'), problems) };
      this.write(expDir, exp, problems, () => applyExperiment(this.store, exp, Date.now()));
    }
    return { runIds: [], points: 0, problems };
  }

  private async ingestRun(expDir: string, runDir: string): Promise<UnitResult> {
    const problems: string[] = [];
    const read = await readFileStoreRun(expDir, runDir, problems);
    if (!read) return { runIds: [], points: 0, problems };
    const { run, experiment, metricFiles } = read;
    const wrote = this.write(runDir, run, problems, () => {
      const now = Date.now();
      ensureExperiment(this.store, experiment, now);
      applyRun(this.store, run, { kind: KIND, path: runDir }, problems, now);
    });
    if (wrote) this.hub.runChanged(run.id);
    let points = 0;
    for (const { key, file } of metricFiles) {
      const parse = lineParser(file, (line) => parseMetricFileLine(line, key));
      // Keyed by run and metric, not path: a deleted experiment moves to .trash whole, and its
      // files must not be read again from the start there.
      const offsetKey = `${KIND}:${run.id}:${key}`;
      points += await tailFile(this.store, this.hub, { runId: run.id, file, offsetKey, parse }, problems);
    }
    return { runIds: [run.id], points, problems };
  }

  /** Writes a record in one transaction unless it is unchanged since the last write. */
  private write(key: string, record: unknown, problems: string[], apply: () => void): boolean {
    if (!this.written.changed(key, record)) return false;
    try {
      this.store.tx(apply);
      return true;
    } catch (e) {
      this.written.forget(key);
      problems.push(`${key}: ${errorText(e)}`);
      return false;
    }
  }
}

async function subdirs(dir: string, problems: string[]): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${dir}: ${errorText(e)}`);
    return [];
  }
}
