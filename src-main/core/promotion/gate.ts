// Judges a run against a gate: each rule in the runs table's filter syntax, plus `baseline.`
// operands (the run that holds the alias now) and the special rule `inputs.have_digest`.
//
// Baseline choices, so that a team's first promotion is possible and a broken chain is not:
// - no alias asked for, or nobody holds the alias yet → `baseline.` rules pass, saying so;
// - the alias is held by a version no run in this store produced, or the registry could not
//   be asked → they fail (Runlens cannot judge; an override with a reason is the way through);
// - the baseline run lacks the value → the rule fails, naming what is missing.
// `inputs.have_digest` fails for a run with no dataset inputs: a gate asking for provenance
// is not met by a run that records none.
import type { RunSummary } from '../../../src-shared/domain';
import type { GateResult, GateRule, GateRuleResult } from '../../../src-shared/promotion';
import { parseFilter, type Clause } from '../../../src-shared/search/filter-parser';
import { ENTITY_ALIASES, RUN_SEARCH } from '../../../src-shared/search/filter-schema';
import { lookup, matchesAll, type SearchRecord } from '../../../src-shared/search/match-records';
import { runSearchRecord } from '../search/run-search';
import type { RunInput } from '../store/dataset-repo';

export const HAVE_DIGEST_RULE = 'inputs.have_digest';

/** What `baseline.` operands are judged against. */
export type Baseline =
  | { kind: 'run'; run: RunSummary; inputs: RunInput[]; alias: string }
  /** Rules with `baseline.` pass: there is nothing to compare against (yet). */
  | { kind: 'none'; reason: string }
  /** Rules with `baseline.` fail: there is something, but it cannot be judged. */
  | { kind: 'unknown'; reason: string };

// Not after a dot or a word character: `metrics.baseline.metrics.x` is a metric's key, not a baseline.
const BASELINE_REF = /(?<![\w.`"'])baseline\.([A-Za-z]+)\.(`[^`]+`|"[^"]+"|[\w\-/:]+(?:\.[\w\-/:]+)*)/g;

export function usesBaseline(expression: string): boolean {
  return new RegExp(BASELINE_REF.source).test(expression);
}

const SHOWN: Partial<Record<Clause['comparator'], string>> = { '>=': '≥', '<=': '≤', '!=': '≠' };

function show(v: unknown): string {
  return typeof v === 'number' ? String(v) : typeof v === 'string' ? `'${v}'` : Array.isArray(v) ? `(${v.map(show).join(', ')})` : String(v);
}

function judgeClause(record: SearchRecord, c: Clause): { passed: boolean; detail: string } {
  const op = SHOWN[c.comparator] ?? c.comparator;
  const passed = matchesAll(record, [c]);
  if (c.type === 'dataset') {
    const seen = (record.datasets ?? []).map((d) => d[c.key as 'name' | 'digest' | 'context']).filter((v) => v !== null);
    return { passed, detail: `dataset ${c.key} ${op} ${show(c.value)}: ${seen.length ? `inputs have ${seen.map(show).join(', ')}` : 'the run has no dataset inputs'}` };
  }
  const lhs = lookup(record, c.type, c.key);
  if (c.value === null) return { passed, detail: `${c.key} ${lhs === undefined || lhs === null ? 'is not set' : `is ${show(lhs)}`} (${op})` };
  if (lhs === undefined || lhs === null) return { passed, detail: `${c.key} is missing (needs ${op} ${show(c.value)})` };
  // A failed comparison reads as what was needed, not as a false statement (`0.82 ≥ 0.9`).
  return { passed, detail: passed ? `${c.key} ${show(lhs)} ${op} ${show(c.value)}` : `${c.key} ${show(lhs)}, needs ${op} ${show(c.value)}` };
}

/** A value of the baseline run as a literal of the filter syntax. */
function literal(v: string | number): string {
  return typeof v === 'number' ? String(v) : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Replaces `baseline.<entity>.<key>` with the baseline run's value; a string is why it cannot. */
function substituteBaseline(expression: string, baseline: Extract<Baseline, { kind: 'run' }>): string | { problem: string } {
  const record = runSearchRecord(baseline.run, baseline.inputs);
  let problem: string | null = null;
  const text = expression.replace(BASELINE_REF, (whole, entityName: string, rawKey: string) => {
    const entity = ENTITY_ALIASES[entityName];
    const key = /^[`"]/.test(rawKey) ? rawKey.slice(1, -1) : rawKey;
    const v = entity ? lookup(record, entity, key) : undefined;
    if (v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v))) {
      problem ??= `baseline run ${baseline.run.name} (${baseline.run.id}, holding ${baseline.alias}) has no ${whole.slice('baseline.'.length)}`;
      return whole;
    }
    return literal(v);
  });
  return problem === null ? text : { problem };
}

function judgeRule(rule: GateRule, record: SearchRecord, baseline: Baseline): GateRuleResult {
  const expression = rule.expression.trim();
  const result = (passed: boolean, detail: string): GateRuleResult => ({ expression: rule.expression, passed, detail });
  if (expression.toLowerCase() === HAVE_DIGEST_RULE) {
    const inputs = record.datasets ?? [];
    if (inputs.length === 0) return result(false, 'the run records no dataset inputs');
    const bare = inputs.filter((d) => !d.digest);
    return bare.length === 0
      ? result(true, `all ${inputs.length} dataset input(s) have a digest`)
      : result(false, `no digest for ${bare.map((d) => d.name).join(', ')}`);
  }
  let text = expression;
  let suffix = '';
  if (usesBaseline(expression)) {
    if (baseline.kind === 'none') return result(true, baseline.reason);
    if (baseline.kind === 'unknown') return result(false, baseline.reason);
    const substituted = substituteBaseline(expression, baseline);
    if (typeof substituted !== 'string') return result(false, substituted.problem);
    text = substituted;
    suffix = ` (baseline: run ${baseline.run.name}, holding ${baseline.alias})`;
  }
  let clauses: Clause[];
  try {
    clauses = parseFilter(text, RUN_SEARCH);
  } catch (e) {
    return result(false, e instanceof Error ? e.message : String(e));
  }
  if (clauses.length === 0) return result(false, 'the rule is empty');
  const judged = clauses.map((c) => judgeClause(record, c));
  return result(
    judged.every((j) => j.passed),
    judged.map((j) => j.detail).join('; ') + suffix,
  );
}

/** Judges every rule; the gate passes when all do (an empty gate passes). */
export function evaluateGate(rules: readonly GateRule[], run: RunSummary, inputs: RunInput[], baseline: Baseline): GateResult {
  const record = runSearchRecord(run, inputs);
  const results = rules.map((r) => judgeRule(r, record, baseline));
  return { passed: results.every((r) => r.passed), baselineRunId: baseline.kind === 'run' ? baseline.run.id : null, rules: results };
}
