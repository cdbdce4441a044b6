// run-finished / run-failed: a run's status going from RUNNING to FINISHED, or FAILED/KILLED.
import type { RunStatus, RunSummary } from '../../../src-shared/domain';
import type { AlertDraft, RaisedSince } from './alert-draft';
import { endedMessage } from './alert-messages';
import type { ActiveRule } from './rule-book';

export class RunEndWatch {
  /** The last status seen per run: what "changed from RUNNING" is measured against. */
  private readonly statuses = new Map<string, RunStatus>();

  constructor(private readonly raisedSince: RaisedSince) {}

  /** The statuses when alerts started: an ingest or pull after that is measured against them. */
  seed(rows: Iterable<{ id: string; status: RunStatus }>): void {
    for (const r of rows) this.statuses.set(r.id, r.status);
  }

  /**
   * The alerts `run`'s new state raises. `fresh`: the run began while the core ran, so a run
   * seen for the first time already ended (created and ended within one event batch) still
   * counts; any other run seen first already ended is history (an old folder, a pulled run).
   */
  onRun(run: RunSummary, fresh: boolean, rules: readonly ActiveRule[]): AlertDraft[] {
    const before = this.statuses.get(run.id);
    this.statuses.set(run.id, run.status);
    if (run.status === 'RUNNING') return [];
    if (before === undefined ? !fresh : before !== 'RUNNING') return [];
    const kind = run.status === 'FINISHED' ? 'run-finished' : 'run-failed';
    const message = endedMessage(run.status, run.startTime, run.endTime);
    return rules
      .filter(({ rule }) => rule.kind === kind && !this.raisedSince(run.id, rule.id, 0))
      .map(({ rule }) => ({ rule, runId: run.id, message, metric: null, value: null, step: null }));
  }
}
