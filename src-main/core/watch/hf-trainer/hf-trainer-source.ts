import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import { CHECKPOINT_DIR, TRAINER_STATE_FILE, parseTrainerState, trainingFinished, type TrainerState } from '../../ingest/hf-trainer/trainer-state';
import { errorText, type IngestSource, type UnitResult } from '../source';
import { walkTree } from '../walk-tree';
import { ImportedRunWriter } from '../logger-files/imported-run';
import { WatchedRoots } from '../logger-files/watched-roots';
import { StepWatermark } from '../logger-files/step-watermark';
import { createdAt, modifiedAt, readTextIfExists } from '../logger-files/file-reads';

const KIND = 'hf-trainer';
const NOTHING: UnitResult = { runIds: [], points: 0, problems: [] };

interface StateFile {
  file: string;
  state: TrainerState;
  mtime: number;
}

/**
 * Hugging Face Trainer output folders: one run per folder holding `trainer_state.json` itself
 * or in `checkpoint-<n>/` subfolders. The file is rewritten whole at every save, so the run
 * follows the newest state — the highest checkpoint's, or the folder's own when it is further
 * along (or as far, and written later: `save_state()` after train()) — and stores only log
 * entries beyond the steps already stored for each key. FINISHED once train() logged its summary
 * or global_step reached max_steps.
 */
export class HfTrainerSource implements IngestSource {
  readonly kind = KIND;
  private readonly roots: WatchedRoots;
  private readonly runs: ImportedRunWriter;

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
  ) {
    this.roots = new WatchedRoots(store);
    this.runs = new ImportedRunWriter(store, hub);
  }

  unitFor(changedPath: string): string | null {
    if (basename(changedPath) !== TRAINER_STATE_FILE) return null;
    return outputDirOf(dirname(changedPath));
  }

  ignoresDir(): boolean {
    return false;
  }

  async findUnits(root: string, problems: string[]): Promise<string[]> {
    if (!(await stat(root)).isDirectory()) return [];
    this.roots.remember(root);
    const found = new Set<string>();
    await walkTree(root, problems, (dir, entries) => {
      if (entries.some((e) => e.isFile() && e.name === TRAINER_STATE_FILE)) found.add(outputDirOf(dir));
      return true;
    });
    return [...found];
  }

  async ingest(dir: string): Promise<UnitResult> {
    const problems: string[] = [];
    const newest = await this.newestState(dir, problems);
    if (newest === null) return { ...NOTHING, problems };
    const { state, file, mtime } = newest;
    problems.push(...state.problems.map((p) => `${file}: ${p}`));
    const finished = trainingFinished(state);
    const runId = this.runs.write(
      {
        kind: KIND,
        path: dir,
        experiment: this.roots.experimentFor(dir),
        name: this.roots.nameFor(dir),
        status: finished ? 'FINISHED' : 'RUNNING',
        startTime: await createdAt(dir),
        endTime: finished ? mtime : null,
        params: state.params,
        tags: state.tags,
      },
      problems,
    );
    if (runId === null) return { ...NOTHING, problems };
    const candidates = state.history.map((p) => ({ ...p, timestamp: mtime }));
    const kept = this.store.tx(() => {
      // Inside the transaction: another ingest of the folder may have stored some meanwhile.
      const fresh = new StepWatermark(this.store, runId).filter(candidates);
      this.store.metrics.append(runId, fresh);
      if (fresh.length > 0) this.store.runs.heartbeat(runId, mtime);
      return fresh;
    });
    if (kept.length > 0) this.hub.pointsAppended(runId, [...new Set(kept.map((p) => p.key))]);
    return { runIds: [runId], points: kept.length, problems };
  }

  /** The folder's own state and its highest readable checkpoint's: the one further along. */
  private async newestState(dir: string, problems: string[]): Promise<StateFile | null> {
    const own = await readState(join(dir, TRAINER_STATE_FILE), problems);
    let checkpoint: StateFile | null = null;
    const unreadable: string[] = [];
    for (const sub of await checkpointsNewestFirst(dir, problems)) {
      // The newest checkpoint may be half-written (its folder appears before its files).
      checkpoint = await readState(join(dir, sub, TRAINER_STATE_FILE), unreadable);
      if (checkpoint) break;
    }
    if (!checkpoint && !own) {
      problems.push(...unreadable);
      return null;
    }
    if (!checkpoint) return own;
    if (!own) return checkpoint;
    const ownStep = own.state.globalStep ?? -1;
    const cpStep = checkpoint.state.globalStep ?? -1;
    return ownStep > cpStep || (ownStep === cpStep && own.mtime >= checkpoint.mtime) ? own : checkpoint;
  }
}

/** The output folder a state file's folder belongs to (a checkpoint's parent). */
function outputDirOf(dir: string): string {
  return CHECKPOINT_DIR.test(basename(dir)) ? dirname(dir) : dir;
}

async function readState(file: string, problems: string[]): Promise<StateFile | null> {
  try {
    const text = await readTextIfExists(file);
    if (text === null) return null;
    const mtime = (await modifiedAt(file)) ?? Date.now();
    return { file, state: parseTrainerState(text), mtime };
  } catch (e) {
    problems.push(`${file}: ${errorText(e)}`);
    return null;
  }
}

async function checkpointsNewestFirst(dir: string, problems: string[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push(`${dir}: ${errorText(e)}`);
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && CHECKPOINT_DIR.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => Number(CHECKPOINT_DIR.exec(b)![1]) - Number(CHECKPOINT_DIR.exec(a)![1]));
}
