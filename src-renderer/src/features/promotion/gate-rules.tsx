// The gate's verdict, one row per rule with what was compared, and the baseline it was judged
// against. Shown in the dialog before Promote, and read-only in a record's details.
import type { GateResult } from '../../../../src-shared/promotion';
import { routeHref } from '../../lib/hash-router';
import { gateSummary } from './gate-format';

export function GateRules({ gate, alias, registry }: { gate: GateResult; alias: string; registry: string }) {
  return (
    <div className="gate" data-testid="gate-result" data-passed={gate.passed}>
      <div className={`gate__verdict gate__verdict--${gate.passed ? 'pass' : 'fail'}`} data-testid="gate-verdict">
        <span aria-hidden>{gate.passed ? '✓' : '✗'}</span>
        {gate.passed ? 'Gate passed' : 'Gate failed'}
        <span className="gate__count">{gateSummary(gate)}</span>
      </div>
      {gate.rules.length === 0 ? (
        <p className="muted gate__none">No rules are set for this model on {registry}: anything may be promoted. Add rules to guard it.</p>
      ) : (
        <ul className="gate__rules">
          {gate.rules.map((rule, i) => (
            <li key={i} className={`gate__rule gate__rule--${rule.passed ? 'pass' : 'fail'}`} data-testid="gate-rule" data-passed={rule.passed}>
              <span className="gate__mark" aria-label={rule.passed ? 'passed' : 'failed'}>
                {rule.passed ? '✓' : '✗'}
              </span>
              <code className="gate__expression">{rule.expression}</code>
              <span className="gate__detail" data-testid="gate-rule-detail">
                {rule.detail}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted gate__baseline" data-testid="gate-baseline">
        {gate.baselineRunId ? (
          <>
            Baseline: run{' '}
            <a className="mono" href={routeHref({ page: 'run', runId: gate.baselineRunId })}>
              {gate.baselineRunId.slice(0, 8)}
            </a>
            , which holds {alias ? `“${alias}”` : 'the alias'} on {registry} now.
          </>
        ) : (
          <>No run holds {alias ? `“${alias}”` : 'an alias'} on {registry} yet, so there is no baseline.</>
        )}
      </p>
    </div>
  );
}
