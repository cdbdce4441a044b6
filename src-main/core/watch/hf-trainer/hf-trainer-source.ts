import { readdir } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CHECKPOINT_DIR, TRAINER_STATE_FILE, parseTrainerState, trainingFinished, type TrainerState } from '../../ingest/hf-trainer/trainer-state';
import { errorText } from '../source';
import { LoggerFileSource, type RunFields } from '../logger-files/logger-file-source';
import { appendBeyondStoredSteps } from '../logger-files/step-watermark';
import { createdAt, modifiedAt, readTextIfExists } from '../logger-files/file-reads';

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
export class HfTrainerSource extends LoggerFileSource<StateFile> {
  readonly kind = 'hf-trainer';

  unitFor(changedPath: string): string | null {
    if (basename(changedPath) !== TRAINER_STATE_FILE) return null;
    return outputDirOf(dirname(changedPath));
  }

  protected candidatesIn(dir: string, entries: Dirent[]): string[] {
    return entries.some((e) => e.isFile() && e.name === TRAINER_STATE_FILE) ? [outputDirOf(dir)] : [];
  }

  /** Any folder with a state file is a run: its states are read (and reported) only on ingest. */
  protected override async recognises(): Promise<boolean> {
    return true;
  }

  /** The folder's own state and its highest readable checkpoint's: the one further along. */
  protected async read(dir: string, problems: string[]): Promise<StateFile | null> {
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

  protected async describe(dir: string, { state, file, mtime }: StateFile, problems: string[]): Promise<RunFields> {
    problems.push(...state.problems.map((p) => `${file}: ${p}`));
    const finished = trainingFinished(state);
    return {
      experiment: this.roots.experimentFor(dir),
      name: this.roots.nameFor(dir),
      status: finished ? 'FINISHED' : 'RUNNING',
      startTime: await createdAt(dir),
      endTime: finished ? mtime : null,
      params: state.params,
      tags: state.tags,
    };
  }

  protected async storePoints(runId: string, _dir: string, { state, mtime }: StateFile): Promise<number> {
    const candidates = state.history.map((p) => ({ ...p, timestamp: mtime }));
    return appendBeyondStoredSteps(this.store, this.hub, runId, candidates, mtime);
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
