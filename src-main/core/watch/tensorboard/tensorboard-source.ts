import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import type { RunStatus } from '../../../../src-shared/domain';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import { isEventFile, runIdentity, runIdFor } from '../../ingest/tensorboard/run-layout';
import { readRecords } from '../../ingest/tensorboard/tfrecord';
import { eventWallTime } from '../../ingest/tensorboard/event-decoder';
import { errorText, type IngestSource, type UnitResult } from '../source';
import { SKIPPED_DIRS, walkTree } from '../walk-tree';
import { tailSlices, type SliceParser } from '../tail-file';
import { openRegularFile } from '../read-regular-file';
import { ChangeFilter } from '../mlflow/apply-mlflow';
import { eventFileParser } from './event-file-parser';

const KIND = 'tensorboard';
/**
 * Event files say nothing about a run's end, so a run whose newest event file has not changed
 * for this long when it is ingested counts as FINISHED; until then it is RUNNING.
 */
export const FINISHED_AFTER_MS = 10 * 60 * 1000;
/** Enough for the first event (`file_version`, with the wall time the file was opened). */
const FIRST_EVENT_BYTES = 4096;

interface EventFile {
  parse: SliceParser;
  /** Wall time (ms) of the file's first event, once read. */
  firstWallTime: number | null;
}

/**
 * TensorBoard event files (FORMATS.md): each folder holding `*tfevents*` files is a run, named
 * by its path under the watched root; each file is tailed from its committed offset, record by
 * record, scalars becoming metric points and the hparams plugin's session start becoming params.
 */
export class TensorBoardSource implements IngestSource {
  readonly kind = KIND;
  /** Roots seen by findUnits, to name runs a watch event reports. */
  private readonly roots = new Set<string>();
  private readonly files = new Map<string, EventFile>();
  private readonly written = new ChangeFilter();
  /** Runs whose params a committed slice just set: announced once their ingest ends. */
  private readonly paramsSet = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
  ) {}

  unitFor(changedPath: string): string | null {
    return isEventFile(basename(changedPath)) ? dirname(changedPath) : null;
  }

  ignoresDir(dir: string): boolean {
    return SKIPPED_DIRS.has(basename(dir));
  }

  async findUnits(root: string, problems: string[]): Promise<string[]> {
    if (!(await stat(root)).isDirectory()) return [];
    this.roots.add(root);
    const found: string[] = [];
    await walkTree(root, problems, (dir, entries) => {
      if (entries.some((e) => e.isFile() && isEventFile(e.name))) found.push(dir);
      return true;
    });
    return found;
  }

  async ingest(dir: string): Promise<UnitResult> {
    const problems: string[] = [];
    const files = await this.eventFiles(dir, problems);
    if (files.length === 0) return { runIds: [], points: 0, problems };
    const runId = runIdFor(dir);
    const { name, experiment } = runIdentity(this.rootOf(dir), dir);
    const states = files.map((f) => this.fileState(runId, f.path));
    const newest = Math.max(...files.map((f) => f.mtimeMs));
    const status: RunStatus = Date.now() - newest > FINISHED_AFTER_MS ? 'FINISHED' : 'RUNNING';
    const run = {
      id: runId,
      experiment,
      name,
      status,
      startTime: Math.round((await firstWallTime(files[0]!.path, states[0]!)) ?? Math.min(...files.map((f) => f.mtimeMs))),
      endTime: status === 'FINISHED' ? Math.round(newest) : null,
      sourceKind: KIND,
      sourcePath: dir,
    } as const;
    let announce = false;
    if (this.written.changed(dir, run)) {
      try {
        this.store.tx(() => this.store.runs.upsert(run));
        announce = true;
      } catch (e) {
        this.written.forget(dir);
        return { runIds: [], points: 0, problems: [`${dir}: ${errorText(e)}`] };
      }
    }
    let points = 0;
    for (const [i, f] of files.entries()) {
      const { parse } = states[i]!;
      points += await tailSlices(
        this.store,
        this.hub,
        { runId, file: f.path, offsetKey: `${KIND}:${f.path}`, parseSlice: parse },
        problems,
      );
    }
    if (this.paramsSet.delete(runId)) announce = true;
    if (announce) this.hub.runChanged(runId);
    return { runIds: [runId], points, problems };
  }

  /** The folder's event files in name order (TensorBoard reads them in that order). */
  private async eventFiles(dir: string, problems: string[]): Promise<{ path: string; mtimeMs: number }[]> {
    let names: string[];
    try {
      names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && isEventFile(e.name)).map((e) => e.name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${dir}: ${errorText(e)}`);
      return [];
    }
    names.sort();
    const out: { path: string; mtimeMs: number }[] = [];
    for (const n of names) {
      const path = join(dir, n);
      const info = await stat(path).catch(() => null);
      if (info) out.push({ path, mtimeMs: info.mtimeMs });
    }
    return out;
  }

  /**
   * The innermost root seen that holds `dir`: a root given to findUnits, or a watched root (a
   * watch event may arrive before the watcher's first scan). Without one, the folder's parent.
   */
  private rootOf(dir: string): string {
    let best: string | null = null;
    for (const root of [...this.roots, ...this.store.watch.roots().map((r) => r.path)]) {
      if ((dir === root || dir.startsWith(root.endsWith(sep) ? root : root + sep)) && (best === null || root.length > best.length)) best = root;
    }
    return best ?? dirname(dir);
  }

  private fileState(runId: string, file: string): EventFile {
    let state = this.files.get(file);
    if (!state) {
      state = { parse: eventFileParser(this.store, runId, file, () => this.paramsSet.add(runId)), firstWallTime: null };
      this.files.set(file, state);
    }
    return state;
  }
}

/** Wall time (ms) of a file's first event, when the writer opened it; remembered once read. */
async function firstWallTime(file: string, state: EventFile): Promise<number | null> {
  if (state.firstWallTime !== null) return state.firstWallTime;
  let handle;
  try {
    ({ handle } = await openRegularFile(file));
    const buf = Buffer.alloc(FIRST_EVENT_BYTES);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    readRecords(
      buf.subarray(0, bytesRead),
      0,
      (b, start, end) => {
        state.firstWallTime ??= eventWallTime(b, start, end);
      },
      [],
      file,
    );
  } catch {
    // Unreadable now: the tail reports it; the files' mtime stands in meanwhile.
  } finally {
    await handle?.close();
  }
  return state.firstWallTime;
}
