// run-stalled: RUNNING runs that logged no point and sent no heartbeat for a rule's minutes.
import type { RunActivity } from '../store/alert-repo';
import type { AlertDraft, RaisedSince } from './alert-draft';
import { stalledMessage } from './alert-messages';
import type { ActiveRule } from './rule-book';

export class StallWatch {
  constructor(
    private readonly raisedSince: RaisedSince,
    /** When alerts started: a run that went quiet long before is not news (a crashed run left RUNNING). */
    private readonly startedAt: number,
  ) {}

  /**
   * The stalls to raise now: once per episode (an alert raised since the run went quiet
   * covers it; a point or heartbeat ends the episode), and only for episodes that began
   * while the core ran.
   */
  check(now: number, runs: readonly RunActivity[], rulesOf: (experiment: string) => readonly ActiveRule[]): AlertDraft[] {
    const drafts: AlertDraft[] = [];
    for (const run of runs) {
      for (const { rule } of rulesOf(run.experiment)) {
        if (rule.kind !== 'run-stalled' || rule.minutes === null) continue;
        const stalledAt = run.lastActivity + rule.minutes * 60_000;
        if (now < stalledAt || stalledAt < this.startedAt) continue;
        if (this.raisedSince(run.runId, rule.id, stalledAt)) continue;
        drafts.push({ rule, runId: run.runId, message: stalledMessage(now - run.lastActivity), metric: null, value: null, step: null });
      }
    }
    return drafts;
  }
}
