import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../src-shared/alerts';
import type { RunStatus, SourceKind } from '../../../src-shared/domain';
import { EventHub } from '../events/event-hub';
import { openStore, type Store } from '../store/store';
import { writeToRun } from '../api/run-writes';
import { useTempDirs } from '../test-support/temp-dir';
import { AlertService } from './alert-service';

const tempDir = useTempDirs();
const MIN = 60_000;
const T0 = 1_700_000_000_000;

/** A store, hub and alert service over one data file, with a clock the test moves. */
class Harness {
  clock = T0;
  store: Store;
  hub: EventHub;
  alerts: AlertService;
  raised: Alert[] = [];
  reads: (number[] | null)[] = [];

  constructor(readonly file: string) {
    this.store = openStore(file);
    this.hub = new EventHub((id) => this.store.runs.summary(id));
    this.alerts = this.service();
  }

  private service(): AlertService {
    const s = new AlertService({ store: this.store, hub: this.hub, now: () => this.clock, stallCheckMs: 3_600_000 });
    this.hub.subscribe((e) => {
      if (e.type === 'alert.raised') this.raised.push(e.data.alert);
      if (e.type === 'alerts.read') this.reads.push(e.data.ids);
    });
    return s;
  }

  run(id: string, opts: { experiment?: string; status?: RunStatus; startTime?: number; sourceKind?: SourceKind } = {}): void {
    const status = opts.status ?? 'RUNNING';
    const startTime = opts.startTime ?? this.clock;
    this.store.runs.insert({
      id, experiment: opts.experiment ?? 'exp', name: `name-${id}`, status, startTime,
      endTime: status === 'RUNNING' ? null : startTime + 1000, sourceKind: opts.sourceKind ?? 'api', sourcePath: null,
    });
    this.hub.runChanged(id);
  }

  log(id: string, key: string, values: number[], firstStep = 0): void {
    writeToRun(this.store, this.hub, id, { points: values.map((value, i) => ({ key, value, step: firstStep + i, timestamp: this.clock })) }, this.clock);
  }

  finish(id: string, status: RunStatus): void {
    this.store.runs.finish(id, status, this.clock);
    this.hub.runChanged(id);
  }

  /** Delivers the pending events (the hub's 100 ms window) and returns the alerts they raised. */
  deliver(): Alert[] {
    const before = this.raised.length;
    this.hub.flush();
    return this.raised.slice(before);
  }

  /** Closes and reopens everything on the same file, as an app restart does. */
  restart(): void {
    this.close();
    this.store = openStore(this.file);
    this.hub = new EventHub((id) => this.store.runs.summary(id));
    this.alerts = this.service();
    this.alerts.start();
  }

  close(): void {
    this.alerts.close();
    this.hub.close();
    this.store.close();
  }
}

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});

function harness(): Harness {
  const h = new Harness(join(tempDir(), 'runlens.db'));
  open.push(h);
  h.alerts.start();
  return h;
}

const summary = (a: Alert) => `${a.ruleId} ${a.runId} ${a.message}`;

describe('AlertService: run finished / failed', () => {
  it('raises once when a run goes from RUNNING to FINISHED, FAILED or KILLED', () => {
    const h = harness();
    for (const id of ['a', 'b', 'c', 'quiet']) h.run(id);
    expect(h.deliver()).toEqual([]);
    h.clock += 90_000;
    h.finish('a', 'FINISHED');
    h.finish('b', 'FAILED');
    h.finish('c', 'KILLED');
    const got = h.deliver();
    expect(got.map(summary).sort()).toEqual([
      'builtin:run-failed b failed after 1m 30s',
      'builtin:run-failed c was killed after 1m 30s',
      'builtin:run-finished a finished after 1m 30s',
    ]);
    const a = got.find((x) => x.runId === 'a')!;
    expect(a).toMatchObject({ kind: 'run-finished', runName: 'name-a', experiment: 'exp', read: false, raisedAt: h.clock, metric: null, value: null, step: null });
    // Another update of an ended run (a tag, a second finish) raises nothing more.
    h.finish('a', 'FINISHED');
    h.hub.runChanged('b');
    expect(h.deliver()).toEqual([]);
    expect(h.alerts.list(undefined, 100)).toMatchObject({ unread: 3 });
  });

  it('raises for a run created and ended within one event window', () => {
    const h = harness();
    h.run('quick');
    h.finish('quick', 'FINISHED');
    expect(h.deliver().map(summary)).toEqual(['builtin:run-finished quick finished after 0s']);
  });

  it('does not raise for runs already ended when first seen: an old folder, a pulled run, the history at startup', () => {
    const file = join(tempDir(), 'runlens.db');
    const before = new Harness(file);
    before.run('ended-before-start', { status: 'FINISHED', startTime: T0 - 3_600_000 });
    before.close();
    const h = new Harness(file);
    open.push(h);
    h.alerts.start();
    h.hub.runChanged('ended-before-start');
    h.clock += 1000;
    // Ingested after start from an old folder: began before the core started.
    h.run('old-folder', { status: 'FAILED', startTime: T0 - 86_400_000, sourceKind: 'tensorboard' });
    // Pulled from a team remote, ended there.
    h.run('pulled', { status: 'FINISHED', sourceKind: 'mlflow-remote' });
    expect(h.deliver()).toEqual([]);
    // A pulled run seen RUNNING that then ends while followed is news.
    h.run('pulled-live', { sourceKind: 'mlflow-remote' });
    h.deliver();
    h.finish('pulled-live', 'FAILED');
    expect(h.deliver().map(summary)).toEqual(['builtin:run-failed pulled-live failed after 0s']);
  });

  it('does not raise again after a restart', () => {
    const h = harness();
    h.run('a');
    h.deliver();
    h.finish('a', 'FINISHED');
    expect(h.deliver()).toHaveLength(1);
    h.restart();
    h.hub.runChanged('a');
    expect(h.deliver()).toEqual([]);
    // Even a run whose end reached the core only as its first sight after the restart.
    h.run('b');
    h.deliver();
    h.finish('b', 'FINISHED');
    h.restart();
    h.hub.runChanged('b');
    expect(h.deliver()).toEqual([]);
    expect(h.alerts.list(undefined, 10).alerts.map((x) => x.runId)).toEqual(['a']);
    // A run resumed and ended again: still once per run and rule.
    h.store.runs.update('a', { status: 'RUNNING', endTime: null });
    h.hub.runChanged('a');
    h.deliver();
    h.finish('a', 'FAILED');
    expect(h.deliver().map(summary)).toEqual(['builtin:run-failed a failed after 0s']);
    h.store.runs.update('a', { status: 'RUNNING', endTime: null });
    h.hub.runChanged('a');
    h.deliver();
    h.finish('a', 'FINISHED');
    expect(h.deliver()).toEqual([]);
  });

  it('follows the rules: disabled built-ins are quiet, user rules apply to their experiment only', () => {
    const h = harness();
    h.alerts.saveRule({ id: 'builtin:run-finished', kind: 'run-finished', experiment: null, enabled: false, metric: null, op: null, value: null, minutes: null });
    const mine = h.alerts.saveRule({ kind: 'run-finished', experiment: 'vision', enabled: true, metric: null, op: null, value: null, minutes: null });
    h.run('v', { experiment: 'vision' });
    h.run('n', { experiment: 'nlp' });
    h.deliver();
    h.finish('v', 'FINISHED');
    h.finish('n', 'FINISHED');
    expect(h.deliver().map(summary)).toEqual([`${mine.id} v finished after 0s`]);
  });
});

describe('AlertService: NaN / Inf', () => {
  it('raises for a non-finite point anywhere in a batch of a loss-like key, once per episode', () => {
    const h = harness();
    h.run('r');
    h.log('r', 'val_loss', [1, 0.5, NaN, 0.4], 1199);
    h.log('r', 'accuracy', [NaN, Infinity]);
    h.log('r', 'train/NLL', [2, -Infinity]);
    const got = h.deliver();
    expect(got.map(summary).sort()).toEqual([
      'builtin:non-finite r train/NLL is -Infinity at step 1',
      'builtin:non-finite r val_loss is NaN at step 1,201',
    ]);
    expect(got.find((a) => a.metric === 'val_loss')).toMatchObject({ value: 'NaN', step: 1201, kind: 'non-finite' });
    expect(h.alerts.list('r', 10).alerts.find((a) => a.metric === 'train/NLL')!.value).toBe('-Infinity');
    // Still NaN in the next batch: the same episode. Finite again, then NaN: a new one.
    h.log('r', 'train/NLL', [NaN, NaN]);
    expect(h.deliver()).toEqual([]);
    h.log('r', 'train/NLL', [1, Infinity, 2, NaN]);
    expect(h.deliver().map(summary)).toEqual(['builtin:non-finite r train/NLL is Infinity at step 1']);
  });

  it('user rules watch their own keys (a glob with metacharacters) in their experiment', () => {
    const h = harness();
    const rule = h.alerts.saveRule({ kind: 'non-finite', experiment: 'exp', enabled: true, metric: 'grad.norm[*]', op: null, value: null, minutes: null });
    h.run('r');
    h.run('other', { experiment: 'elsewhere' });
    h.log('r', 'grad.norm[layer1]', [NaN]);
    h.log('r', 'gradXnorm[layer1]', [NaN]);
    h.log('other', 'grad.norm[layer1]', [NaN]);
    expect(h.deliver().map(summary)).toEqual([`${rule.id} r grad.norm[layer1] is NaN at step 0`]);
  });

  it('does not re-examine points stored before a restart, and examines those after it', () => {
    const h = harness();
    h.run('r');
    h.log('r', 'loss', [NaN]);
    expect(h.deliver()).toHaveLength(1);
    h.log('r', 'loss', [1]);
    h.deliver();
    h.restart();
    h.hub.runChanged('r');
    h.hub.pointsAppended('r', ['loss']);
    expect(h.deliver()).toEqual([]);
    h.log('r', 'loss', [2, NaN], 5);
    expect(h.deliver().map(summary)).toEqual(['builtin:non-finite r loss is NaN at step 6']);
    // A run RUNNING across the restart that had logged nothing: its first batch is examined whole.
    h.run('quiet', { startTime: T0 - MIN });
    h.deliver();
    h.restart();
    h.log('quiet', 'loss', [NaN]);
    expect(h.deliver().map(summary)).toEqual(['builtin:non-finite quiet loss is NaN at step 0']);
  });

  it('ignores the history of pulled and old ingested runs, and watches what they get next', () => {
    const h = harness();
    h.run('pulled', { sourceKind: 'mlflow-remote', startTime: T0 - 86_400_000 });
    h.log('pulled', 'loss', [NaN, 1, NaN]);
    h.run('old', { status: 'FINISHED', sourceKind: 'tensorboard', startTime: T0 - 86_400_000 });
    h.log('old', 'loss', [Infinity]);
    expect(h.deliver()).toEqual([]);
    h.log('pulled', 'loss', [2, NaN], 3);
    expect(h.deliver().map(summary)).toEqual(['builtin:non-finite pulled loss is NaN at step 4']);
  });

  it('reads every new point of a batch bigger than a read page', () => {
    const h = harness();
    h.run('r');
    const values = Array.from({ length: 150_000 }, (_, i) => (i === 140_001 ? NaN : i));
    h.log('r', 'loss', values);
    expect(h.deliver().map(summary)).toEqual(['builtin:non-finite r loss is NaN at step 140,001']);
  });
});

describe('AlertService: thresholds', () => {
  it('raises once per crossing and re-arms when the metric goes back', () => {
    const h = harness();
    const rule = h.alerts.saveRule({ kind: 'threshold', experiment: 'exp', enabled: true, metric: 'accuracy', op: '>', value: 0.9, minutes: null });
    h.run('r');
    h.log('r', 'accuracy', [0.5, 0.8, 0.912, 0.95, 0.97], 298);
    expect(h.deliver().map(summary)).toEqual([`${rule.id} r accuracy crossed > 0.9 (0.912 at step 300)`]);
    h.log('r', 'accuracy', [0.99], 303);
    expect(h.deliver()).toEqual([]);
    h.log('r', 'accuracy', [0.9, NaN], 304);
    h.log('r', 'accuracy', [0.91], 306);
    expect(h.deliver().map(summary)).toEqual([`${rule.id} r accuracy crossed > 0.9 (0.91 at step 306)`]);
    // The first point beyond counts; other keys and other experiments are not watched.
    h.run('s');
    h.log('s', 'accuracy', [0.95]);
    h.log('s', 'accuracy_top5', [0.99]);
    h.run('t', { experiment: 'other' });
    h.log('t', 'accuracy', [0.99]);
    expect(h.deliver().map(summary)).toEqual([`${rule.id} s accuracy crossed > 0.9 (0.95 at step 0)`]);
  });

  it('handles each direction and huge values', () => {
    const h = harness();
    const below = h.alerts.saveRule({ kind: 'threshold', experiment: 'exp', enabled: true, metric: 'loss', op: '<=', value: 0.1, minutes: null });
    const huge = h.alerts.saveRule({ kind: 'threshold', experiment: 'exp', enabled: true, metric: 'gnorm', op: '>=', value: 1e300, minutes: null });
    h.run('r');
    h.log('r', 'loss', [0.5, 0.1]);
    h.log('r', 'gnorm', [1e299, Number.MAX_VALUE]);
    expect(h.deliver().map(summary).sort()).toEqual([
      `${below.id} r loss crossed <= 0.1 (0.1 at step 1)`,
      `${huge.id} r gnorm crossed >= 1e300 (1.79769e308 at step 1)`,
    ].sort());
  });
});

describe('AlertService: stalls', () => {
  it('raises once per stall episode of a RUNNING run, after the rule minutes without a point or heartbeat', () => {
    const h = harness();
    h.run('r');
    h.run('done');
    h.finish('done', 'FINISHED');
    h.deliver();
    h.clock += 9 * MIN;
    expect(h.alerts.checkStalls()).toEqual([]);
    h.clock += 3 * MIN;
    const got = h.alerts.checkStalls();
    expect(got.map(summary)).toEqual(['builtin:run-stalled r stalled: no point for 12 min']);
    expect(h.raised).toContainEqual(got[0]);
    h.clock += 20 * MIN;
    expect(h.alerts.checkStalls()).toEqual([]);
    h.restart();
    expect(h.alerts.checkStalls()).toEqual([]);
    // A point ends the episode; the next silence is a new one.
    h.log('r', 'loss', [1]);
    h.clock += 11 * MIN;
    expect(h.alerts.checkStalls().map(summary)).toEqual(['builtin:run-stalled r stalled: no point for 11 min']);
  });

  it('honours changed minutes and user stall rules, and ignores runs that went quiet before the core started', () => {
    const file = join(tempDir(), 'runlens.db');
    const before = new Harness(file);
    before.run('crashed-long-ago', { startTime: T0 - 86_400_000 });
    before.close();
    const h = new Harness(file);
    open.push(h);
    h.alerts.start();
    h.alerts.saveRule({ id: 'builtin:run-stalled', kind: 'run-stalled', experiment: null, enabled: true, metric: null, op: null, value: null, minutes: 60 });
    const quick = h.alerts.saveRule({ kind: 'run-stalled', experiment: 'fast', enabled: true, metric: null, op: null, value: null, minutes: 2 });
    h.run('f', { experiment: 'fast' });
    h.run('s', { experiment: 'slow' });
    h.clock += 3 * MIN;
    expect(h.alerts.checkStalls().map(summary)).toEqual([`${quick.id} f stalled: no point for 3 min`]);
    h.clock += 60 * MIN;
    expect(h.alerts.checkStalls().map(summary).sort()).toEqual([
      'builtin:run-stalled f stalled: no point for 63 min',
      'builtin:run-stalled s stalled: no point for 63 min',
    ]);
  });

  it('runs the check on its timer', async () => {
    const file = join(tempDir(), 'runlens.db');
    const store = openStore(file);
    const hub = new EventHub((id) => store.runs.summary(id));
    let clock = T0;
    const alerts = new AlertService({ store, hub, now: () => clock, stallCheckMs: 5 });
    const raised: Alert[] = [];
    hub.subscribe((e) => e.type === 'alert.raised' && raised.push(e.data.alert));
    store.runs.insert({ id: 'r', experiment: 'e', name: 'n', status: 'RUNNING', startTime: T0, endTime: null, sourceKind: 'api', sourcePath: null });
    alerts.start();
    clock += 11 * MIN;
    for (let i = 0; i < 2000 && raised.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    alerts.close();
    hub.close();
    store.close();
    expect(raised.map(summary)).toEqual(['builtin:run-stalled r stalled: no point for 11 min']);
  });
});

describe('AlertService: storage', () => {
  it('lists newest first with the unread count, marks read, and keeps a bounded number', () => {
    const h = harness();
    h.run('r');
    h.run('s');
    h.deliver();
    h.finish('r', 'FINISHED');
    h.deliver();
    h.finish('s', 'FAILED');
    h.deliver();
    const { alerts, unread } = h.alerts.list(undefined, 10);
    expect(alerts.map((a) => a.runId)).toEqual(['s', 'r']);
    expect(unread).toBe(2);
    expect(h.alerts.list('r', 10)).toMatchObject({ unread: 1, alerts: [{ runId: 'r' }] });
    expect(h.alerts.markRead([alerts[1]!.id, alerts[1]!.id, 999_999])).toBe(1);
    expect(h.alerts.list(undefined, 10).unread).toBe(1);
    expect(h.alerts.markRead()).toBe(1);
    // Every UI hears of a change (and only of one): the second "all" found nothing unread.
    expect(h.alerts.markRead()).toBe(0);
    expect(h.reads).toEqual([[alerts[1]!.id, 999_999], null]);
    expect(h.alerts.list(undefined, 10)).toMatchObject({ unread: 0, alerts: [{ read: true }, { read: true }] });
    // The cap: the repo keeps the newest `keep`.
    const base = { ruleId: 'x', kind: 'threshold' as const, runId: 'r', message: 'm', metric: 'k', step: 1, raisedAt: 1 };
    for (let i = 0; i < 30; i++) h.store.alerts.insert({ ...base, value: i }, 25);
    const kept = h.alerts.list(undefined, 1000).alerts;
    expect(kept).toHaveLength(25);
    expect(kept[0]!.value).toBe(29);
    // An alert goes with its run.
    h.store.db.prepare("DELETE FROM runs WHERE id = 'r'").run();
    expect(h.alerts.list('r', 10)).toEqual({ alerts: [], unread: 0 });
  });

  it('stays bounded under a rule storm: one alert per rule and run, however many points', () => {
    const h = harness();
    for (let i = 0; i < 100; i++) {
      h.alerts.saveRule({ kind: 'threshold', experiment: 'exp', enabled: true, metric: 'm', op: '>', value: i, minutes: null });
    }
    for (let r = 0; r < 10; r++) h.run(`r${r}`);
    for (let r = 0; r < 10; r++) h.log(`r${r}`, 'm', Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? -1 : 1000)));
    const got = h.deliver();
    expect(got).toHaveLength(100 * 10);
    expect(new Set(got.map((a) => `${a.ruleId}/${a.runId}`)).size).toBe(1000);
  });
});
