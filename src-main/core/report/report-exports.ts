// Reports made through the API: each export gets its own folder under <data>/exports, runs in
// the background after its id is answered, and tells how it goes through core events. The
// folder and file names a client sends back (download, reveal) are resolved only here.
import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ParsedInput } from '../../../src-shared/contract';
import { ApiError } from '../../../src-shared/errors';
import type { CoreEvent } from '../../../src-shared/events';
import { REPORT_EXTENSION, type ReportFormat } from '../../../src-shared/report';
import { EXPORT_ID, type ExportedFile, type ReportDone } from '../../../src-shared/report-export';
import type { ArtifactStore } from '../artifacts/artifact-store';
import type { Store } from '../store/store';
import { writeReport, type ReportEnv } from './write-report';

export type ExportInput = ParsedInput<'exportReport'>;

export interface ReportExportsDeps {
  store: Store;
  /** <data>/exports */
  dir: string;
  emit: (event: CoreEvent) => void;
  /** The one place path checks live (see artifact-store.ts). */
  paths: Pick<ArtifactStore, 'resolveUnder'>;
  now?: () => Date;
  /** The app's own URL once its server listens (`http://127.0.0.1:5850/`): reports link runs there. */
  appUrl?: () => string | null;
  /** What writeReport needs besides the clock and links (a PDF printer in the desktop app). */
  env?: Omit<ReportEnv, 'now' | 'onProgress' | 'runUrl'>;
}

/**
 * 'full' series get one bucket per step, so the M4 reducer keeps every point of a step series;
 * past this many steps buckets widen and each keeps its extremes (the series then says exact: false).
 */
const FULL_SERIES_CAP = 1_000_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `20260101-093000`: UTC, so names sort and do not depend on the machine's zone. */
export function stamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

function notFound(exportId: string, name: string): ApiError {
  return new ApiError('RESOURCE_DOES_NOT_EXIST', `Export '${exportId}' has no file '${name}'`);
}

export class ReportExports {
  private readonly running = new Set<Promise<void>>();
  /** Exports started since the core did: null while running, then how each ended. */
  private readonly outcomes = new Map<string, ReportDone | null>();
  private readonly now: () => Date;
  /** <data>/exports: one folder per export. */
  readonly dir: string;

  constructor(private readonly deps: ReportExportsDeps) {
    this.now = deps.now ?? (() => new Date());
    this.dir = deps.dir;
  }

  /** Starts an export and answers its id; the work begins after the caller has the id. */
  start(input: ExportInput): { exportId: string } {
    const at = this.now();
    const exportId = `${stamp(at)}-${randomBytes(4).toString('hex')}`;
    this.outcomes.set(exportId, null);
    const job = new Promise<void>((done) => setImmediate(done))
      .then(() => this.run(exportId, input, at))
      .finally(() => this.running.delete(job));
    this.running.add(job);
    return { exportId };
  }

  /** How an export stands; RESOURCE_DOES_NOT_EXIST for one this core did not start. */
  status(exportId: string): { exportId: string; done: ReportDone | null } {
    const done = this.outcomes.get(exportId);
    if (done === undefined) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `No export '${exportId}' since Runlens started`);
    return { exportId, done };
  }

  /** The absolute path of a produced file; unknown exports and files are RESOURCE_DOES_NOT_EXIST. */
  file(exportId: string, name: string): { path: string; bytes: number } {
    if (!EXPORT_ID.test(exportId)) throw notFound(exportId, name);
    const path = this.deps.paths.resolveUnder(join(this.dir, exportId), name);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info?.isFile()) throw notFound(exportId, name);
    return { path, bytes: info.size };
  }

  /** Waits for running exports (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private async run(exportId: string, input: ExportInput, at: Date): Promise<void> {
    const { emit, store } = this.deps;
    const progress = (phase: string, done: number, total: number) => emit({ type: 'report.progress', data: { exportId, phase, done, total } });
    const end = (done: ReportDone) => {
      this.outcomes.set(exportId, done);
      emit({ type: 'report.done', data: done });
    };
    try {
      progress('reading runs', 0, 1);
      const folder = join(this.dir, exportId);
      mkdirSync(folder, { recursive: true });
      const written = await writeReport(
        store,
        {
          runs: { ids: input.runIds },
          baseline: input.baseline,
          metrics: input.metrics,
          logKeys: input.logKeys,
          directions: input.directions,
          seriesBuckets: input.series === 'full' ? this.fullSeriesBuckets(input.runIds) : input.series,
          format: input.format,
          out: outPath(folder, input.format, at),
          sections: input.sections,
          markdownImages: input.markdownImages,
        },
        { ...this.deps.env, now: this.now, runUrl: this.runUrl(), onProgress: (p) => progress(p.phase, p.done, p.total) },
      );
      const files: ExportedFile[] = written.files.map((f) => ({ name: relative(folder, f).split(sep).join('/'), bytes: statSync(f).size }));
      end({ exportId, files });
    } catch (e) {
      end({ exportId, files: [], error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Links to the run page of the app (its `#/runs/<id>` route), when a server is known. */
  private runUrl(): ((runId: string) => string) | undefined {
    const base = this.deps.appUrl?.();
    return base ? (runId) => `${base}#/runs/${encodeURIComponent(runId)}` : undefined;
  }

  /** The widest step span of the runs' metrics: one bucket per step. */
  private fullSeriesBuckets(runIds: readonly string[]): number {
    let widest = 1;
    for (const id of runIds) {
      for (const m of this.deps.store.runs.summary(id)?.metrics ?? []) {
        const extent = this.deps.store.metrics.stepExtent(id, m.key);
        if (extent) widest = Math.max(widest, extent[1] - extent[0] + 1);
      }
    }
    return Math.min(widest, FULL_SERIES_CAP);
  }
}

/** The main file's path; csv writes params.csv and metrics.csv straight into the export's folder. */
function outPath(folder: string, format: ReportFormat, at: Date): string {
  return format === 'csv' ? folder : join(folder, `runlens-report-${stamp(at)}${REPORT_EXTENSION[format]}`);
}
