import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../../../../src-shared/alerts';
import { describeRule, draftFromRule, emptyDraft, numberProblem, ruleInput } from './rule-draft';

const threshold: AlertRule = { id: 'u1', kind: 'threshold', experiment: 'mnist', enabled: true, metric: 'val_loss', op: '>=', value: 0.12345, minutes: null };

describe('rule drafts', () => {
  it('round-trips a saved rule through the form', () => {
    const { id, ...fields } = threshold;
    expect(ruleInput(draftFromRule(threshold), id)).toEqual({ id, ...fields });
  });

  it('sends only the fields the kind uses, trimmed, with empty numbers as missing', () => {
    const draft = { ...emptyDraft(' mnist '), metric: ' loss ', value: ' ', minutes: '15' };
    expect(ruleInput(draft)).toEqual({ kind: 'threshold', experiment: 'mnist', enabled: true, metric: 'loss', op: '>', value: null, minutes: null });
    expect(ruleInput({ ...draft, kind: 'run-stalled' })).toMatchObject({ metric: null, op: null, value: null, minutes: 15 });
    expect(ruleInput({ ...draft, kind: 'non-finite' })).toMatchObject({ metric: 'loss', op: null, value: null, minutes: null });
    expect(ruleInput({ ...draft, kind: 'run-failed' })).toMatchObject({ metric: null, op: null, value: null, minutes: null });
  });

  it('passes what is not a number on as NaN, for the contract to refuse by name', () => {
    expect(ruleInput({ ...emptyDraft('e'), value: 'abc' }).value).toBeNaN();
  });

  it('says a rule in a line, with the value as typed', () => {
    expect(describeRule(threshold)).toBe('val_loss >= 0.12345');
    expect(describeRule({ ...threshold, kind: 'run-stalled', minutes: 30 })).toBe('A running run logs nothing for 30 min');
    expect(describeRule({ ...threshold, kind: 'non-finite', metric: '*loss*' })).toBe('NaN or Inf logged to *loss*');
  });
});

describe('number fields', () => {
  it('names the field holding something other than a number, among the fields the kind uses', () => {
    expect(numberProblem({ ...emptyDraft('e'), value: 'lots' })).toBe("value: 'lots' is not a number (e.g. 0.5 or 1e-3)");
    expect(numberProblem({ ...emptyDraft('e'), value: '1e-3' })).toBeNull();
    expect(numberProblem({ ...emptyDraft('e'), value: '' })).toBeNull();
    expect(numberProblem({ ...emptyDraft('e'), kind: 'run-stalled', value: 'lots', minutes: 'ten' })).toBe("minutes: 'ten' is not a number");
  });
});
