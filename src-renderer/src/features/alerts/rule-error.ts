// The core and the contract name the field a refusal is about (`value: expected a number`,
// `metric: a threshold rule needs a metric`): the form shows the message under that field.
import type { RuleDraft } from './rule-draft';

export type RuleField = keyof RuleDraft;

const FIELDS: readonly RuleField[] = ['kind', 'experiment', 'enabled', 'metric', 'op', 'value', 'minutes'];

export function errorField(message: string): RuleField | null {
  const named = /^(\w+)\s*:/.exec(message)?.[1];
  return FIELDS.find((field) => field === named) ?? null;
}

/** The message as shown under its field: the field's name is said by where it stands. */
export function fieldMessage(message: string): string {
  const field = errorField(message);
  return field ? message.slice(message.indexOf(':') + 1).trim() : message;
}
