import type { ParsedInput } from '../../../src-shared/contract';
import type { RunSummary } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import { parseFilter } from '../../../src-shared/search/filter-parser';
import { RUN_SEARCH } from '../../../src-shared/search/filter-schema';
import { searchRuns } from '../search/run-search';
import { StoredSeries } from '../store/stored-series';
import { LivePush } from './live-push';
import { PushLock } from './push-lock';
import { checkPushable, planRun, pushRun, type RunPushContext, type RunPushProgress } from './push-run';
import { probeRemote, type ProbeResult } from './remote-probe';
import type { SyncDeps } from './sync-deps';
import type { SyncJobContext } from './sync-jobs';

/** A connection test gives up after this long (an unreachable host may never answer). */
const PROBE_TIMEOUT_MS = 15_000;

const QUIET: RunPushProgress = { sent: () => {}, found: () => {}, bytes: () => {} };

/** A selection by experiment or filter leaves out copies pulled from remotes (named by id, they are refused). */
const ownRuns = (runs: RunSummary[]) => runs.filter((r) => r.sync?.state !== 'remote').map((r) => r.id);

/** Pushes local runs to remotes (whole, then incrementally), and keeps RUNNING runs pushed live. */
export class PushService {
  private readonly series;
  private readonly lock = new PushLock();
  private readonly live: LivePush;

  constructor(readonly deps: SyncDeps) {
    this.series = new StoredSeries(deps.store.db);
    this.live = new LivePush(deps.hub, deps.store, (runId, remote, signal) => this.pushOne(runId, remote, signal, QUIET), deps.log);
  }

  /** Reaches a saved remote with its credentials. */
  async test(remote: string): Promise<ProbeResult> {
    const { url } = this.deps.remotes.require(remote);
    const signal = AbortSignal.timeout(PROBE_TIMEOUT_MS);
    try {
      return await probeRemote(this.deps.remotes.client(remote), url, signal);
    } catch (e) {
      if (signal.aborted) return { ok: false, message: `${url} did not answer within ${PROBE_TIMEOUT_MS / 1000} s`, experiments: null };
      throw e;
    }
  }

  /** Checks the remote and the runs now (bad input fails the call, not the job); the push runs as a job. */
  start(input: ParsedInput<'pushRuns'>): string {
    this.deps.remotes.require(input.remote);
    const runIds = this.selectRuns(input);
    return this.deps.jobs.start('push', input.remote, (ctx) => this.pushJob(ctx, input.remote, runIds, input.live));
  }

  /** Stops the live push of a run (to every remote it is pushed live to). */
  stopLive(runId: string): boolean {
    if (!this.deps.store.runs.exists(runId)) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Run '${runId}' does not exist`);
    const stopped = this.live.stop(runId);
    if (stopped) this.deps.hub.runChanged(runId);
    return stopped;
  }

  /** Picks up live pushes of runs still RUNNING after a restart (a run that ended meanwhile gets its status pushed). */
  resume(): void {
    for (const link of this.deps.store.sync.liveLinks()) if (link.direction === 'push') this.live.follow(link.runId, link.remote);
  }

  async close(): Promise<void> {
    await this.live.close();
  }

  private selectRuns(input: ParsedInput<'pushRuns'>): string[] {
    const { store } = this.deps;
    if (input.runIds) {
      const ids = [...new Set(input.runIds)];
      for (const id of ids) checkPushable(store, id);
      return ids;
    }
    if (input.experiment !== undefined) {
      const experiment = store.experiments.byName(input.experiment);
      if (!experiment) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Experiment '${input.experiment}' does not exist`);
      return ownRuns(store.runs.list({ experimentIds: [experiment.id] }));
    }
    // The same search the runs table's filter box runs.
    return ownRuns(searchRuns(store, parseFilter(input.filter ?? '', RUN_SEARCH)).found);
  }

  private async pushJob(ctx: SyncJobContext, remote: string, runIds: string[], live: boolean): Promise<void> {
    const c = this.context(remote, ctx.signal);
    ctx.add({ runsTotal: runIds.length });
    // Totals first, so progress has a whole to count against from the start.
    for (const id of runIds) {
      ctx.signal.throwIfAborted();
      const run = this.deps.store.runs.summary(id);
      // A run deleted since the job started fails below, when its turn comes.
      if (!run) continue;
      const plan = await planRun(c, run);
      ctx.add({ pointsTotal: plan.points, bytesTotal: plan.bytes });
    }
    const progress: RunPushProgress = {
      sent: (n) => ctx.add({ points: n }),
      found: (n) => ctx.add({ pointsTotal: -n }),
      bytes: (n) => ctx.add({ bytes: n }),
    };
    // A run that fails (its remote refuses it, artifacts of a non-proxied store) does not stop
    // the others; the job fails at the end naming each.
    const failures: string[] = [];
    for (const id of runIds) {
      ctx.working(id);
      try {
        const { link, status } = await this.lock.with(`${id}\n${remote}`, () => pushRun(c, id, progress));
        if (live && status === 'RUNNING') {
          this.deps.store.sync.setLive(id, remote, true);
          this.live.follow(id, remote);
        }
        ctx.finishedRun(id, link.remoteRunId);
      } catch (e) {
        if (ctx.signal.aborted) throw e;
        const message = e instanceof Error ? e.message : String(e);
        this.deps.store.sync.markFailed(id, remote, message);
        failures.push(`run ${id}: ${message}`);
      }
      this.deps.hub.runChanged(id);
    }
    if (failures.length > 0) throw new Error(`${failures.length} of ${runIds.length} runs were not pushed: ${failures.join('; ')}`);
  }

  private pushOne(runId: string, remote: string, signal: AbortSignal, progress: RunPushProgress) {
    return this.lock.with(`${runId}\n${remote}`, () => pushRun(this.context(remote, signal), runId, progress));
  }

  private context(remote: string, signal: AbortSignal): RunPushContext {
    const { store, artifacts, now } = this.deps;
    return { store, series: this.series, artifacts, client: this.deps.remotes.client(remote), remote, signal, now };
  }
}
