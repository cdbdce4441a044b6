import { describe, expect, it } from 'vitest';
import type { GateResult, PromotionRecord, RegistryConfig } from '../../../../src-shared/promotion';
import {
  canPromote,
  chooseProblem,
  defaultRemoteName,
  initialPromoteState,
  promoteInput,
  promoteReducer,
  type PromoteAction,
  type PromoteState,
} from './promote-dialog-state';

const registries: RegistryConfig[] = [{ name: 'team-mlflow', kind: 'mlflow', url: 'http://127.0.0.1:5000', username: '', hasSecret: false }];
const target = { runId: 'r1', model: 'm-1', modelName: 'Iris classifier' };
const failing: GateResult = {
  passed: false,
  baselineRunId: 'r0',
  rules: [
    { expression: 'metrics.acc >= 0.9', passed: true, detail: 'acc 0.93 ≥ 0.9' },
    { expression: 'metrics.loss < baseline.metrics.loss', passed: false, detail: 'loss 0.4 < 0.3 is false' },
  ],
};
const record = (outcome: PromotionRecord['outcome']): PromotionRecord => ({
  id: 'p1',
  runId: 'r1',
  modelRef: 'm-1',
  modelDigest: 'sha256:00',
  registry: 'team-mlflow',
  registryKind: 'mlflow',
  remoteName: 'Iris-classifier',
  remoteVersion: null,
  alias: 'champion',
  gate: failing,
  overrideReason: null,
  outcome,
  error: null,
  user: 'me',
  startedAt: 1,
  finishedAt: null,
});

function run(state: PromoteState, ...actions: PromoteAction[]): PromoteState {
  return actions.reduce(promoteReducer, state);
}

describe('promote dialog state', () => {
  it('starts on the first registry, the model name made remote-safe, alias champion', () => {
    const s = initialPromoteState(target, registries);
    expect(s).toMatchObject({ step: 'choose', registry: 'team-mlflow', remoteName: 'Iris-classifier', alias: 'champion' });
    expect(chooseProblem(s)).toBeNull();
    expect(chooseProblem(initialPromoteState(target, []))).toBe('Choose a registry');
    expect(defaultRemoteName('  ## ')).toBe('model');
    expect(defaultRemoteName('org/model_v1.2')).toBe('org/model_v1.2');
  });

  it('rejects a remote name or alias the contract would refuse', () => {
    const s = initialPromoteState(target, registries);
    expect(chooseProblem({ ...s, remoteName: 'a b' })).toMatch(/remote name/);
    expect(chooseProblem({ ...s, alias: 'a/b' })).toMatch(/alias/);
    expect(chooseProblem({ ...s, alias: '' })).toBeNull();
  });

  it('blocks Promote on a failed gate until a reason of three characters is typed, and sends it', () => {
    const s = run(initialPromoteState(target, registries), { type: 'requestStarted' }, { type: 'gateChecked', gate: failing, rules: [] });
    expect(s.step).toBe('gate');
    expect(canPromote(s)).toBe(false);
    const short = promoteReducer(s, { type: 'field', field: 'overrideReason', value: ' ok ' });
    expect(canPromote(short)).toBe(false);
    const given = promoteReducer(s, { type: 'field', field: 'overrideReason', value: ' hotfix for demo ' });
    expect(canPromote(given)).toBe(true);
    expect(promoteInput(target, given)).toEqual({
      runId: 'r1',
      model: 'm-1',
      registry: 'team-mlflow',
      remoteName: 'Iris-classifier',
      alias: 'champion',
      overrideReason: 'hotfix for demo',
    });
  });

  it('offers Promote on a passing gate without a reason, and sends none even when one was typed', () => {
    const passed = { ...failing, passed: true };
    const s = run(initialPromoteState(target, registries), { type: 'gateChecked', gate: passed, rules: [] }, { type: 'field', field: 'overrideReason', value: 'leftover' });
    expect(canPromote(s)).toBe(true);
    expect(promoteInput(target, s)).not.toHaveProperty('overrideReason');
  });

  it('does not promote while rules are edited or a request is out', () => {
    const s = run(initialPromoteState(target, registries), { type: 'gateChecked', gate: { ...failing, passed: true }, rules: [{ expression: 'metrics.acc >= 0.9' }] });
    const editing = promoteReducer(s, { type: 'editRules' });
    expect(editing.rulesDraft).toBe('metrics.acc >= 0.9');
    expect(canPromote(editing)).toBe(false);
    expect(canPromote(promoteReducer(s, { type: 'requestStarted' }))).toBe(false);
  });

  it('going back forgets the gate and the reason', () => {
    const s = run(
      initialPromoteState(target, registries),
      { type: 'gateChecked', gate: failing, rules: [] },
      { type: 'field', field: 'overrideReason', value: 'because' },
      { type: 'back' },
    );
    expect(s).toMatchObject({ step: 'choose', gate: null, overrideReason: '' });
  });

  it('goes to pushing on a running record and to done when it ends; a failed request keeps the step', () => {
    const gate = run(initialPromoteState(target, registries), { type: 'gateChecked', gate: { ...failing, passed: true }, rules: [] });
    const pushing = run(gate, { type: 'requestStarted' }, { type: 'promoted', record: record('running') });
    expect(pushing).toMatchObject({ step: 'pushing', promotionId: 'p1', busy: false });
    expect(promoteReducer(pushing, { type: 'finished' }).step).toBe('done');
    expect(promoteReducer(gate, { type: 'promoted', record: record('blocked') }).step).toBe('done');
    const failed = run(gate, { type: 'requestStarted' }, { type: 'requestFailed', error: 'registry unreachable' });
    expect(failed).toMatchObject({ step: 'gate', busy: false, error: 'registry unreachable' });
  });
});
