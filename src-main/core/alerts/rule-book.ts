// The alert rules: listed, saved and deleted through the API, and handed to the evaluators per
// experiment from a cache (looked up once per event batch, never per point).
import { randomUUID } from 'node:crypto';
import type { AlertRule } from '../../../src-shared/alerts';
import type { ParsedInput } from '../../../src-shared/contract';
import { ApiError } from '../../../src-shared/errors';
import type { AlertRepo } from '../store/alert-repo';
import { builtinRules, isBuiltinId } from './builtin-rules';
import { compileKeyGlob, type KeyMatcher } from './key-glob';
import { validBuiltinOverride, validUserRule } from './rule-validation';

/**
 * How many user rules can exist: every rule is checked against every batch of its experiment's
 * runs, so a script creating rules in a loop must not be able to slow logging without end.
 */
export const MAX_USER_RULES = 1000;

/** An enabled rule ready for evaluation: `matches` says whether a metric key is one it watches. */
export interface ActiveRule {
  rule: AlertRule;
  matches: KeyMatcher;
}

const NO_KEYS: KeyMatcher = () => false;

export class RuleBook {
  private byExperiment = new Map<string, ActiveRule[]>();

  constructor(
    private readonly repo: AlertRepo,
    private readonly now: () => number,
  ) {}

  /** The built-in rules first, then the user rules of `experiment` (all when omitted). */
  list(experiment?: string): AlertRule[] {
    const stored = this.repo.rules();
    const overrides = new Map(stored.filter((r) => isBuiltinId(r.id)).map((r) => [r.id, r]));
    const users = stored.filter((r) => !isBuiltinId(r.id) && (experiment === undefined || r.experiment === experiment));
    return [...builtinRules(overrides), ...users];
  }

  save(input: ParsedInput<'saveAlertRule'>): AlertRule {
    const { id } = input;
    let rule: AlertRule;
    if (id !== undefined && isBuiltinId(id)) {
      rule = validBuiltinOverride({ ...input, id });
    } else {
      if (id !== undefined && !this.repo.rule(id)) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `No alert rule '${id}'`);
      if (id === undefined && this.repo.userRuleCount() >= MAX_USER_RULES) {
        throw new ApiError('INVALID_PARAMETER_VALUE', `At most ${MAX_USER_RULES} alert rules can exist; delete some first`);
      }
      rule = validUserRule(input, id ?? randomUUID());
    }
    this.repo.saveRule(rule, this.now());
    this.byExperiment.clear();
    return rule;
  }

  delete(id: string): boolean {
    if (isBuiltinId(id)) throw new ApiError('INVALID_PARAMETER_VALUE', `The built-in rule ${id} cannot be deleted; disable it instead`);
    const removed = this.repo.deleteRule(id);
    if (removed) this.byExperiment.clear();
    return removed;
  }

  /** The enabled rules that apply to runs of `experiment`: the built-ins and its own. */
  active(experiment: string): ActiveRule[] {
    let rules = this.byExperiment.get(experiment);
    if (!rules) {
      rules = this.list(experiment)
        .filter((r) => r.enabled)
        .map((rule) => ({ rule, matches: keyMatcher(rule) }));
      this.byExperiment.set(experiment, rules);
    }
    return rules;
  }
}

function keyMatcher(rule: AlertRule): KeyMatcher {
  if (rule.kind === 'non-finite' && rule.metric !== null) return compileKeyGlob(rule.metric);
  if (rule.kind === 'threshold' && rule.metric !== null) {
    const key = rule.metric;
    return (k) => k === key;
  }
  return NO_KEYS;
}
