// What a saved rule may hold, per kind, beyond what the contract's schema already checks.
import type { AlertRule } from '../../../src-shared/alerts';
import type { ParsedInput } from '../../../src-shared/contract';
import { ApiError } from '../../../src-shared/errors';
import { builtinDefault, LOSS_LIKE_KEYS } from './builtin-rules';
import { splitGlob } from './key-glob';

type RuleInput = ParsedInput<'saveAlertRule'>;

const invalid = (message: string) => new ApiError('INVALID_PARAMETER_VALUE', message);

/**
 * The built-in rule `input` overrides, as it will be stored: only `enabled`, `minutes` (stall)
 * and `metric` (NaN/Inf keys) can change; the kind and scope are the built-in's own.
 */
export function validBuiltinOverride(input: RuleInput & { id: string }): AlertRule {
  const shipped = builtinDefault(input.id);
  if (!shipped) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `No built-in alert rule '${input.id}'`);
  if (input.kind !== shipped.kind) throw invalid(`The built-in rule ${input.id} is of kind '${shipped.kind}'; its kind cannot change`);
  if (input.experiment !== null) throw invalid(`The built-in rule ${input.id} applies to every experiment; make a rule of the experiment instead`);
  return {
    ...shipped,
    enabled: input.enabled,
    minutes: shipped.kind === 'run-stalled' ? (input.minutes ?? shipped.minutes) : null,
    metric: shipped.kind === 'non-finite' ? validGlob(input.metric ?? shipped.metric!) : null,
  };
}

/** A user rule as it will be stored: the fields its kind needs, present and sound; the others null. */
export function validUserRule(input: RuleInput, id: string): AlertRule {
  if (input.experiment === null) throw invalid('A rule needs the experiment it applies to');
  const base: AlertRule = { id, kind: input.kind, experiment: input.experiment, enabled: input.enabled, metric: null, op: null, value: null, minutes: null };
  switch (input.kind) {
    case 'threshold': {
      if (input.metric === null) throw invalid('A threshold rule needs the metric it watches');
      if (input.op === null) throw invalid(`A threshold rule needs a direction (op): one of >, >=, <, <=`);
      if (input.value === null) throw invalid('A threshold rule needs the value to cross');
      return { ...base, metric: input.metric, op: input.op, value: input.value };
    }
    case 'run-stalled':
      if (input.minutes === null) throw invalid('A stall rule needs the minutes without a point or heartbeat');
      return { ...base, minutes: input.minutes };
    case 'non-finite':
      return { ...base, metric: validGlob(input.metric ?? LOSS_LIKE_KEYS) };
    case 'run-finished':
    case 'run-failed':
      return base;
  }
}

function validGlob(pattern: string): string {
  if (splitGlob(pattern).some((p) => p === '')) {
    throw invalid(`The key pattern '${pattern}' has an empty alternative (patterns are separated by commas)`);
  }
  return pattern;
}
