// Pushes and pulls run in the background: each is a job with an id, counts that go out as
// `sync.progress` events (at most one per interval, the last one always), an AbortSignal for
// cancel, and one `sync.done` at its end. Status is kept in memory for getSyncJob.
import { randomUUID } from 'node:crypto';
import type { CoreEvent } from '../../../src-shared/events';
import type { SyncDirection, SyncDone, SyncProgress } from '../../../src-shared/sync';
import { ApiError } from '../../../src-shared/errors';

export const SYNC_PROGRESS_INTERVAL_MS = 200;

type Counts = Omit<SyncProgress, 'jobId' | 'direction' | 'remote'>;

/** What a job's work sees: its cancel signal, and how it reports. */
export interface SyncJobContext {
  readonly signal: AbortSignal;
  /** Adds to the job's counts (`runsTotal` etc. may grow as the work discovers more). */
  add(delta: Partial<Omit<Counts, 'currentRun'>>): void;
  /** The run being worked on now. */
  working(localRunId: string | null): void;
  /** A run finished: counted in `runsDone` and listed in the done event. */
  finishedRun(localId: string, remoteId: string): void;
}

interface Job {
  progress: SyncProgress;
  done: SyncDone | null;
  controller: AbortController;
  runs: { localId: string; remoteId: string }[];
  finished: Promise<void>;
}

export class SyncJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly emit: (e: CoreEvent) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts `work` in the background; answers its job id at once. */
  start(direction: SyncDirection, remote: string, work: (ctx: SyncJobContext) => Promise<void>): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    const progress: SyncProgress = { jobId, direction, remote, runsDone: 0, runsTotal: 0, points: 0, pointsTotal: 0, bytes: 0, bytesTotal: 0, currentRun: null };
    const job: Job = { progress, done: null, controller, runs: [], finished: Promise.resolve() };
    this.jobs.set(jobId, job);

    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const send = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      last = this.now();
      this.emit({ type: 'sync.progress', data: { ...progress } });
    };
    const changed = () => {
      const wait = SYNC_PROGRESS_INTERVAL_MS - (this.now() - last);
      if (wait <= 0) return send();
      timer ??= setTimeout(send, wait);
      timer.unref?.();
    };
    const ctx: SyncJobContext = {
      signal: controller.signal,
      add: (delta) => {
        for (const [k, v] of Object.entries(delta) as [keyof typeof delta, number][]) progress[k] += v;
        changed();
      },
      working: (id) => {
        progress.currentRun = id;
        changed();
      },
      finishedRun: (localId, remoteId) => {
        job.runs.push({ localId, remoteId });
        progress.runsDone++;
        changed();
      },
    };

    job.finished = (async () => {
      let outcome: SyncDone['outcome'] = 'done';
      let error: string | null = null;
      try {
        // A tick first: the caller gets its job id before any event of the job goes out.
        await Promise.resolve();
        await work(ctx);
      } catch (e) {
        if (controller.signal.aborted) outcome = 'cancelled';
        else {
          outcome = 'failed';
          error = e instanceof Error ? e.message : String(e);
        }
      }
      progress.currentRun = null;
      send();
      job.done = { jobId, direction, remote, outcome, runs: job.runs, points: progress.points, bytes: progress.bytes, error };
      this.emit({ type: 'sync.done', data: job.done });
    })();
    return jobId;
  }

  get(jobId: string): { progress: SyncProgress; done: SyncDone | null } {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Sync job '${jobId}' does not exist`);
    return { progress: { ...job.progress }, done: job.done };
  }

  /** Asks a running job to stop; false when it is unknown or already over. */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.done) return false;
    job.controller.abort(new Error('cancelled'));
    return true;
  }

  /** Resolves when every job started so far has ended. */
  async idle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.finished));
  }

  /** Cancels every running job and waits for them to end. */
  async close(): Promise<void> {
    for (const job of this.jobs.values()) if (!job.done) job.controller.abort(new Error('closing'));
    await this.idle();
  }
}
