// Pull: browse a remote's experiments and runs, import runs as read-only local copies (a job
// with progress and cancel), and follow remote experiments (their new and changed runs come in
// by themselves, through the same pullRun).
import type { ParsedInput } from '../../../src-shared/contract';
import type { FollowedExperiment, RemoteExperiment, RemoteRun } from '../../../src-shared/sync';
import { FollowRepo } from '../store/follow-repo';
import { FollowPoller, followInterval } from './follow-poller';
import { pullRun, type PullTarget } from './pull-run';
import { allRuns, BROWSE_PAGE, getExperiment, getRun, listExperiments, onRemote, searchRuns, toRemoteExperiment, toRemoteRun } from './remote-browse';
import type { RemoteExperimentRecord } from './remote-records';
import type { SyncDeps } from './sync-deps';
import type { SyncJobContext } from './sync-jobs';

/** A browse request that hangs this long has failed (a pull job has its cancel instead). */
const BROWSE_TIMEOUT_MS = 60_000;

/** A follow's poll works like a pull job but reports to nobody: it is not something the user started. */
function quietContext(signal: AbortSignal): SyncJobContext {
  return { signal, add: () => {}, working: () => {}, finishedRun: () => {} };
}

/** Browses remotes, imports their runs as read-only copies, and follows remote experiments. */
export class PullService {
  private readonly followRepo: FollowRepo;
  private readonly poller: FollowPoller;

  constructor(
    readonly deps: SyncDeps,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.followRepo = new FollowRepo(deps.store.db);
    this.poller = new FollowPoller(followInterval(env), (signal) => this.pollFollows(signal), deps.log);
  }

  async experiments(remote: string): Promise<RemoteExperiment[]> {
    const { client } = this.target(remote);
    const found = await onRemote(remote, () => listExperiments(client, AbortSignal.timeout(BROWSE_TIMEOUT_MS)));
    return found.map((e) => toRemoteExperiment(e, remote, this.followRepo));
  }

  async runs(remote: string, experimentId: string, pageToken?: string): Promise<{ runs: RemoteRun[]; nextPageToken: string | null }> {
    const { client } = this.target(remote);
    const page = await onRemote(remote, () => searchRuns(client, experimentId, BROWSE_PAGE, pageToken, AbortSignal.timeout(BROWSE_TIMEOUT_MS)));
    return { runs: page.runs.map((r) => toRemoteRun(this.deps.store, remote, r)), nextPageToken: page.nextPageToken };
  }

  /** Starts a pull job; an unknown remote is refused here, before any job exists. */
  start(input: ParsedInput<'pullRuns'>): string {
    const target = this.target(input.remote);
    return this.deps.jobs.start('pull', input.remote, (ctx) =>
      onRemote(input.remote, () =>
        input.runIds ? this.pullRunIds(target, input.runIds, ctx) : this.pullExperiment(target, input.experimentId!, input.follow, ctx),
      ),
    );
  }

  follows(): FollowedExperiment[] {
    return this.followRepo.list();
  }

  unfollow(remote: string, experimentId: string): boolean {
    return this.followRepo.remove(remote, experimentId);
  }

  /** Starts polling followed experiments. */
  startFollowing(): void {
    this.poller.start();
  }

  /** Polls every followed experiment once (or waits for the poll running). */
  pollOnce(): Promise<void> {
    return this.poller.pollOnce();
  }

  async close(): Promise<void> {
    await this.poller.stop();
  }

  private target(remote: string): PullTarget {
    const { url } = this.deps.remotes.require(remote);
    return { remote, url, client: this.deps.remotes.client(remote) };
  }

  private async pullRunIds(target: PullTarget, runIds: string[], ctx: SyncJobContext): Promise<void> {
    ctx.add({ runsTotal: runIds.length });
    const experiments = new Map<string, Promise<RemoteExperimentRecord>>();
    for (const id of runIds) {
      ctx.signal.throwIfAborted();
      const run = await getRun(target.client, id, ctx.signal);
      const expId = run.info.experiment_id;
      if (!experiments.has(expId)) experiments.set(expId, getExperiment(target.client, expId, ctx.signal));
      await pullRun(this.deps, target, run, (await experiments.get(expId)!).name, ctx);
    }
  }

  private async pullExperiment(target: PullTarget, experimentId: string, follow: boolean, ctx: SyncJobContext): Promise<void> {
    const exp = await getExperiment(target.client, experimentId, ctx.signal);
    if (follow) this.followRepo.follow(target.remote, experimentId, exp.name);
    for await (const page of allRuns(target.client, experimentId, ctx.signal)) {
      ctx.add({ runsTotal: page.length });
      for (const run of page) {
        ctx.signal.throwIfAborted();
        await pullRun(this.deps, target, run, exp.name, ctx);
      }
    }
  }

  /** Each followed experiment in turn; one failing (its remote down, removed) does not stop the others. */
  private async pollFollows(signal: AbortSignal): Promise<void> {
    for (const f of this.followRepo.list()) {
      signal.throwIfAborted();
      let error: string | null = null;
      try {
        await onRemote(f.remote, () => this.pullExperiment(this.target(f.remote), f.experimentId, false, quietContext(signal)));
      } catch (e) {
        if (signal.aborted) throw e;
        error = e instanceof Error ? e.message : String(e);
      }
      this.followRepo.polled(f.remote, f.experimentId, this.deps.now(), error);
    }
  }
}
