// Alert rules evaluated over the core's own events, so they work the same in the desktop app and
// serve mode; each alert is stored and sent as an `alert.raised` event.
import type { ParsedInput } from '../../../src-shared/contract';
import type { Alert, AlertRule } from '../../../src-shared/alerts';
import type { RunSummary } from '../../../src-shared/domain';
import type { CoreEvent } from '../../../src-shared/events';
import type { EventHub } from '../events/event-hub';
import type { Store } from '../store/store';
import { StoredSeries } from '../store/stored-series';
import type { AlertDraft, RaisedSince } from './alert-draft';
import { RuleBook } from './rule-book';
import { RunEndWatch } from './run-end-watch';
import { SeriesWatch } from './series-watch';
import { StallWatch } from './stall-watch';

/** Alerts kept: the newest this many (a flapping rule cannot grow the data file without end). */
export const MAX_STORED_ALERTS = 10_000;

export const DEFAULT_STALL_CHECK_MS = 30_000;

export interface AlertDeps {
  store: Store;
  hub: EventHub;
  now: () => number;
  /** How often RUNNING runs are checked for a stall. */
  stallCheckMs?: number;
  log?: (message: string) => void;
}

/** What evaluation needs to know of a run between its events. */
interface RunInfo {
  experiment: string;
  /** Began while the core ran: its history is news (see RunEndWatch.onRun). */
  fresh: boolean;
}

/** Evaluates alert rules over what runs log and keeps the alerts raised. */
export class AlertService {
  private readonly book: RuleBook;
  private readonly raisedSince: RaisedSince;
  private readonly runs = new Map<string, RunInfo>();
  private startedAt = Number.POSITIVE_INFINITY;
  private readonly ends: RunEndWatch;
  private readonly series: SeriesWatch;
  private stalls: StallWatch | null = null;
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly deps: AlertDeps) {
    this.book = new RuleBook(deps.store.alerts, deps.now);
    this.raisedSince = (runId, ruleId, since) => deps.store.alerts.raisedSince(runId, ruleId, since);
    this.ends = new RunEndWatch(this.raisedSince);
    this.series = new SeriesWatch(new StoredSeries(deps.store.db));
  }

  rules(experiment?: string): AlertRule[] {
    return this.book.list(experiment);
  }

  saveRule(input: ParsedInput<'saveAlertRule'>): AlertRule {
    return this.book.save(input);
  }

  deleteRule(id: string): boolean {
    return this.book.delete(id);
  }

  list(runId: string | undefined, limit: number): { alerts: Alert[]; unread: number } {
    return this.deps.store.alerts.list(runId, limit);
  }

  /** Marks alerts read (all when omitted); every UI hears of it, so each bell shows the same count. */
  markRead(ids?: number[]): number {
    const changed = this.deps.store.alerts.markRead(ids);
    if (changed > 0) this.deps.hub.emit({ type: 'alerts.read', data: { ids: ids ? [...new Set(ids)] : null } });
    return changed;
  }

  /**
   * Starts listening to the core's events and the stall timer. Only what changes from now on is
   * evaluated: the runs' statuses and the RUNNING runs' point counts are taken as the baseline,
   * so runs ingested at startup or pulled from a remote raise nothing for their history.
   */
  start(): void {
    if (this.unsubscribe) return;
    const { store, hub } = this.deps;
    this.startedAt = this.deps.now();
    const statuses = store.alerts.statuses();
    this.ends.seed(statuses);
    this.series.seed(
      statuses.filter((s) => s.status === 'RUNNING').map((s) => s.id),
      store.alerts.runningSeriesCounts(),
    );
    this.stalls = new StallWatch(this.raisedSince, this.startedAt);
    this.unsubscribe = hub.subscribe((event) => this.guarded(() => this.onEvent(event)));
    this.timer = setInterval(() => this.guarded(() => this.checkStalls()), this.deps.stallCheckMs ?? DEFAULT_STALL_CHECK_MS);
    this.timer.unref();
  }

  /** Raises the stalls due now (the timer calls this; tests call it with their own clock). */
  checkStalls(): Alert[] {
    if (!this.stalls) return [];
    return this.raise(this.stalls.check(this.deps.now(), this.deps.store.alerts.runningActivity(), (e) => this.book.active(e)));
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private onEvent(event: CoreEvent): void {
    if (event.type === 'run.updated') {
      const { run } = event.data;
      const info = this.track(run);
      if (run.lifecycleStage === 'active') this.raise(this.ends.onRun(run, info.fresh, this.book.active(run.experiment)));
    } else if (event.type === 'points.appended') {
      const { runId, keys } = event.data;
      const info = this.runs.get(runId) ?? this.lookup(runId);
      if (!info) return;
      this.raise(this.series.onPoints(runId, keys, info.fresh ? 'start' : 'now', this.book.active(info.experiment)));
    }
  }

  private track(run: RunSummary): RunInfo {
    const info: RunInfo = {
      experiment: run.experiment,
      fresh: run.sourceKind !== 'mlflow-remote' && run.startTime >= this.startedAt,
    };
    this.runs.set(run.id, info);
    return info;
  }

  /** A run whose points arrived without its `run.updated` (the hub sends both; this is the fallback). */
  private lookup(runId: string): RunInfo | null {
    const run = this.deps.store.runs.summary(runId);
    return run ? this.track(run) : null;
  }

  private raise(drafts: readonly AlertDraft[]): Alert[] {
    if (drafts.length === 0) return [];
    const { store, hub } = this.deps;
    const raisedAt = this.deps.now();
    const alerts = store.tx(() =>
      drafts.map((d) =>
        store.alerts.insert(
          { ruleId: d.rule.id, kind: d.rule.kind, runId: d.runId, message: d.message, metric: d.metric, value: d.value, step: d.step, raisedAt },
          MAX_STORED_ALERTS,
        ),
      ),
    );
    for (const alert of alerts) hub.emit({ type: 'alert.raised', data: { alert } });
    return alerts;
  }

  /** An evaluation that fails (a locked or closing store) must not take the other listeners down. */
  private guarded(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      (this.deps.log ?? console.warn)(`alerts: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
