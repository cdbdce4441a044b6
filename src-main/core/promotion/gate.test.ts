import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src-shared/domain';
import type { RunInput } from '../store/dataset-repo';
import { evaluateGate, type Baseline } from './gate';

function run(id: string, metrics: Record<string, number>, params: Record<string, string> = {}): RunSummary {
  return {
    id,
    experimentId: '0',
    experiment: 'Default',
    name: `run-${id}`,
    status: 'FINISHED',
    startTime: 0,
    endTime: 1,
    lastHeartbeat: 1,
    sourceKind: 'api',
    sourcePath: null,
    userId: 'ana',
    artifactUri: null,
    lifecycleStage: 'active',
    params,
    tags: {},
    metrics: Object.entries(metrics).map(([key, last]) => ({ key, count: 1, last, lastStep: 0, lastTimestamp: 0, min: last, max: last, minStep: 0, maxStep: 0 })),
    newerDataAvailable: false,
    sync: null,
  };
}

const input = (name: string, digest: string): RunInput => ({ dataset: { name, digest, sourceType: 'local', source: '', schema: null, profile: null }, tags: {} });
const none: Baseline = { kind: 'none', reason: 'no baseline: nothing holds champion on acme yet' };
const candidate = run('c1', { val_accuracy: 0.912, val_loss: 0.31 }, { lr: '0.01' });

describe('evaluateGate', () => {
  it('passes rules in the filter syntax and shows the values compared', () => {
    const gate = evaluateGate([{ expression: 'metrics.val_accuracy >= 0.9' }, { expression: "params.lr = '0.01' and metrics.val_loss < 0.5" }], candidate, [], none);
    expect(gate).toEqual({
      passed: true,
      baselineRunId: null,
      rules: [
        { expression: 'metrics.val_accuracy >= 0.9', passed: true, detail: 'val_accuracy 0.912 ≥ 0.9' },
        { expression: "params.lr = '0.01' and metrics.val_loss < 0.5", passed: true, detail: "lr '0.01' = '0.01'; val_loss 0.31 < 0.5" },
      ],
    });
  });

  it('fails a rule with the values, and a rule on a missing metric saying it is missing', () => {
    const gate = evaluateGate([{ expression: 'metrics.val_accuracy >= 0.95' }, { expression: 'metrics.f1 > 0.5' }], candidate, [], none);
    expect(gate.passed).toBe(false);
    expect(gate.rules.map((r) => [r.passed, r.detail])).toEqual([
      [false, 'val_accuracy 0.912, needs ≥ 0.95'],
      [false, 'f1 is missing (needs > 0.5)'],
    ]);
  });

  it('compares against the run holding the alias', () => {
    const champion = run('b1', { val_loss: 0.35, val_accuracy: 0.95 });
    const baseline: Baseline = { kind: 'run', run: champion, inputs: [], alias: 'champion' };
    const gate = evaluateGate(
      [{ expression: 'metrics.val_loss < baseline.metrics.val_loss' }, { expression: 'metrics.val_accuracy >= baseline.metrics.val_accuracy' }, { expression: 'metrics.val_loss < baseline.metrics.nope' }],
      candidate,
      [],
      baseline,
    );
    expect(gate.baselineRunId).toBe('b1');
    expect(gate.rules.map((r) => [r.passed, r.detail])).toEqual([
      [true, 'val_loss 0.31 < 0.35 (baseline: run run-b1, holding champion)'],
      [false, 'val_accuracy 0.912, needs ≥ 0.95 (baseline: run run-b1, holding champion)'],
      [false, 'baseline run run-b1 (b1, holding champion) has no metrics.nope'],
    ]);
  });

  it('reads baseline. only as an operand of its own, not inside a key', () => {
    const odd = run('c2', { 'baseline.metrics.x': 1 });
    const gate = evaluateGate([{ expression: 'metrics.baseline.metrics.x >= 1' }], odd, [], { kind: 'unknown', reason: 'must not be asked' });
    expect(gate.rules[0]).toMatchObject({ passed: true, detail: 'baseline.metrics.x 1 ≥ 1' });
  });

  it('lets baseline rules pass when nothing holds the alias yet, and fails them when the holder cannot be judged', () => {
    const rules = [{ expression: 'metrics.val_loss < baseline.metrics.val_loss' }];
    expect(evaluateGate(rules, candidate, [], none).rules[0]).toMatchObject({ passed: true, detail: none.reason });
    const unknown: Baseline = { kind: 'unknown', reason: 'champion is held by version 4, recorded from no Runlens run: cannot compare' };
    expect(evaluateGate(rules, candidate, [], unknown)).toMatchObject({ passed: false, rules: [{ passed: false, detail: unknown.reason }] });
  });

  it('judges inputs.have_digest over every dataset input of the run', () => {
    const rules = [{ expression: 'inputs.have_digest', description: 'data provenance' }];
    expect(evaluateGate(rules, candidate, [input('train', 'sha256:aa'), input('val', 'sha256:bb')], none).rules[0]).toEqual({
      expression: 'inputs.have_digest',
      passed: true,
      detail: 'all 2 dataset input(s) have a digest',
    });
    expect(evaluateGate(rules, candidate, [input('train', 'sha256:aa'), input('val', '')], none).rules[0]).toMatchObject({ passed: false, detail: 'no digest for val' });
    expect(evaluateGate(rules, candidate, [], none).rules[0]).toMatchObject({ passed: false, detail: 'the run records no dataset inputs' });
  });

  it("fails a rule that does not parse with the parser's message; an empty gate passes", () => {
    const gate = evaluateGate([{ expression: 'metrics.val_accuracy >> 0.9' }, { expression: 'metrics.acc >= 0.9 or metrics.acc < 0' }], candidate, [], none);
    expect(gate.passed).toBe(false);
    expect(gate.rules[0]!.detail).toMatch(/comparator|expected/i);
    expect(gate.rules[1]!.detail).toContain('OR is not supported');
    expect(evaluateGate([], candidate, [], none)).toEqual({ passed: true, baselineRunId: null, rules: [] });
  });
});
