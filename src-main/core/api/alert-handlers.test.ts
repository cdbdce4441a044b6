import { describe, expect, it } from 'vitest';
import type { Alert, AlertRule } from '../../../src-shared/alerts';
import type { RunSummary } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import { MAX_USER_RULES } from '../alerts/rule-book';
import { nextEvent } from '../test-support/next-event';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import type { Core } from '../core';

const tempDir = useTempDirs();

/** The error code a call fails with; fails the test when the call succeeds. */
async function codeOf(call: Promise<unknown>): Promise<string> {
  const e = await call.then(() => null, (err: unknown) => err);
  expect(e, 'the call should have failed').toBeInstanceOf(ApiError);
  return `${(e as ApiError).code}: ${(e as ApiError).message}`;
}

const rules = async (core: Core, experiment?: string) =>
  ((await core.dispatch('listAlertRules', experiment === undefined ? {} : { experiment })) as { rules: AlertRule[] }).rules;
const save = async (core: Core, input: Record<string, unknown>) => ((await core.dispatch('saveAlertRule', input)) as { rule: AlertRule }).rule;

describe('alert API through the dispatcher', () => {
  it('lists the built-ins, saves and deletes user rules, and overrides what a built-in allows', async () => {
    const core = await startTestCore(tempDir());
    expect((await rules(core)).map((r) => `${r.id} ${r.enabled} ${r.minutes} ${r.metric}`)).toEqual([
      'builtin:run-finished true null null',
      'builtin:run-failed true null null',
      'builtin:run-stalled true 10 null',
      'builtin:non-finite true null *loss*,*nll*,*perplexity*',
    ]);
    // An experiment that does not exist yet is fine: the rule waits for it.
    const t = await save(core, { kind: 'threshold', experiment: 'not-yet', metric: 'acc', op: '>=', value: 0.9, minutes: 5 });
    expect(t).toMatchObject({ kind: 'threshold', experiment: 'not-yet', enabled: true, metric: 'acc', op: '>=', value: 0.9, minutes: null });
    const n = await save(core, { kind: 'non-finite', experiment: 'other' });
    expect(n.metric).toBe('*loss*,*nll*,*perplexity*');
    expect((await rules(core, 'not-yet')).map((r) => r.id)).toEqual(['builtin:run-finished', 'builtin:run-failed', 'builtin:run-stalled', 'builtin:non-finite', t.id]);
    expect((await rules(core)).slice(4).map((r) => r.id)).toEqual([t.id, n.id]);
    const changed = await save(core, { id: t.id, kind: 'run-stalled', experiment: 'not-yet', minutes: 3, enabled: false });
    expect(changed).toEqual({ id: t.id, kind: 'run-stalled', experiment: 'not-yet', enabled: false, metric: null, op: null, value: null, minutes: 3 });
    expect(await core.dispatch('deleteAlertRule', { id: t.id })).toEqual({ removed: true });
    expect(await core.dispatch('deleteAlertRule', { id: t.id })).toEqual({ removed: false });
    const stall = await save(core, { id: 'builtin:run-stalled', kind: 'run-stalled', experiment: null, minutes: 25, metric: 'ignored*' });
    const nan = await save(core, { id: 'builtin:non-finite', kind: 'non-finite', experiment: null, enabled: false, metric: '*diverge*' });
    expect((await rules(core)).slice(2, 4)).toEqual([stall, nan]);
    expect(stall).toMatchObject({ minutes: 25, metric: null, experiment: null });
    expect(nan).toMatchObject({ enabled: false, metric: '*diverge*' });
    await core.close();
  });

  it('refuses bad rules and unknown ids with clear codes', async () => {
    const core = await startTestCore(tempDir());
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ kind: 'threshold', experiment: 'e', op: '>', value: 1 }, /INVALID_PARAMETER_VALUE: .*metric/],
      [{ kind: 'threshold', experiment: 'e', metric: 'm', value: 1 }, /INVALID_PARAMETER_VALUE: .*op/],
      [{ kind: 'threshold', experiment: 'e', metric: 'm', op: '>' }, /INVALID_PARAMETER_VALUE: .*value to cross/],
      [{ kind: 'threshold', experiment: 'e', metric: 'm', op: '>', value: NaN }, /INVALID_PARAMETER_VALUE: Invalid value for 'value'/],
      [{ kind: 'threshold', experiment: 'e', metric: 'm', op: '>', value: Infinity }, /INVALID_PARAMETER_VALUE: Invalid value for 'value'/],
      [{ kind: 'threshold', experiment: 'e', metric: 'm', op: '!=', value: 1 }, /INVALID_PARAMETER_VALUE: Invalid value for 'op'/],
      [{ kind: 'run-stalled', experiment: 'e' }, /INVALID_PARAMETER_VALUE: .*minutes/],
      [{ kind: 'run-stalled', experiment: 'e', minutes: 0 }, /INVALID_PARAMETER_VALUE: Invalid value for 'minutes'/],
      [{ kind: 'non-finite', experiment: 'e', metric: '*loss*,,x' }, /INVALID_PARAMETER_VALUE: .*empty alternative/],
      [{ kind: 'run-finished', experiment: null }, /INVALID_PARAMETER_VALUE: .*experiment/],
      [{ kind: 'sometimes', experiment: 'e' }, /INVALID_PARAMETER_VALUE: Invalid value for 'kind'/],
      [{ id: 'no-such-rule', kind: 'run-finished', experiment: 'e' }, /RESOURCE_DOES_NOT_EXIST: .*no-such-rule/],
      [{ id: 'builtin:threshold', kind: 'threshold', experiment: null }, /RESOURCE_DOES_NOT_EXIST/],
      [{ id: 'builtin:run-failed', kind: 'run-finished', experiment: null }, /INVALID_PARAMETER_VALUE: .*kind cannot change/],
      [{ id: 'builtin:run-failed', kind: 'run-failed', experiment: 'e' }, /INVALID_PARAMETER_VALUE: .*every experiment/],
      [{ id: 'builtin:non-finite', kind: 'non-finite', experiment: null, metric: ',' }, /INVALID_PARAMETER_VALUE: .*empty alternative/],
    ];
    for (const [input, code] of bad) expect(await codeOf(core.dispatch('saveAlertRule', input)), JSON.stringify(input)).toMatch(code);
    expect(await codeOf(core.dispatch('deleteAlertRule', { id: 'builtin:run-finished' }))).toMatch(/INVALID_PARAMETER_VALUE: .*cannot be deleted/);
    expect(await codeOf(core.dispatch('markAlertsRead', { ids: [0] }))).toMatch(/INVALID_PARAMETER_VALUE/);
    expect(await codeOf(core.dispatch('listAlerts', { limit: 0 }))).toMatch(/INVALID_PARAMETER_VALUE/);
    expect(await core.dispatch('listAlerts', { runId: 'a'.repeat(32) })).toEqual({ alerts: [], unread: 0 });
    expect(await core.dispatch('markAlertsRead', { ids: [12345] })).toEqual({ updated: 0 });
    // Nothing half-saved by the refusals.
    expect(await rules(core)).toHaveLength(4);
    await core.close();
  });

  it('caps the number of user rules', async () => {
    const core = await startTestCore(tempDir());
    for (let i = 0; i < MAX_USER_RULES; i++) await save(core, { kind: 'run-finished', experiment: `e${i}` });
    expect(await codeOf(core.dispatch('saveAlertRule', { kind: 'run-finished', experiment: 'one-more' }))).toMatch(/INVALID_PARAMETER_VALUE: At most/);
    // Editing an existing rule is still fine.
    const first = (await rules(core, 'e0'))[4]!;
    expect((await save(core, { id: first.id, kind: 'run-failed', experiment: 'e0' })).kind).toBe('run-failed');
    await core.close();
  });

  it('raises through the live core: a NaN logged to loss is an alert event, listed and marked read', async () => {
    const core = await startTestCore(tempDir());
    const { run } = (await core.dispatch('createRun', { name: 'live' })) as { run: RunSummary };
    const raised = nextEvent(core, (e) => e.type === 'alert.raised');
    await core.dispatch('logRun', { id: run.id, metrics: [{ key: 'loss', value: 1, step: 1 }, { key: 'loss', value: 'NaN', step: 2 }, { key: 'loss', value: 0.5, step: 3 }] });
    const event = await raised;
    const alert = (event.data as { alert: Alert }).alert;
    expect(alert).toMatchObject({ ruleId: 'builtin:non-finite', runId: run.id, runName: 'live', metric: 'loss', value: 'NaN', step: 2, message: 'loss is NaN at step 2', read: false });
    expect(await core.dispatch('listAlerts', {})).toEqual({ alerts: [alert], unread: 1 });
    expect(await core.dispatch('markAlertsRead', { ids: [alert.id] })).toEqual({ updated: 1 });
    expect(await core.dispatch('listAlerts', { runId: run.id })).toMatchObject({ unread: 0, alerts: [{ id: alert.id, read: true }] });
    await core.close();
  });
});
