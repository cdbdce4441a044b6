// The core and the contract name the field a refusal is about (`value: expected a number`,
// `metric: a threshold rule needs a metric`): the form shows the message under that field.
import type { RuleDraft } from './rule-draft';

export type RuleField = keyof RuleDraft;

const FIELDS: readonly RuleField[] = ['kind', 'experiment', 'enabled', 'metric', 'op', 'value', 'minutes'];

export function errorField(message: string): RuleField | null {
  const named = /^(\w+)\s*:/.exec(message)?.[1];
  return FIELDS.find((field) => field === named) ?? null;
}
