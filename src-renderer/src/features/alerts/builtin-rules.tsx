// The built-in rules, for every experiment: each can be turned off, and the stalled and NaN
// watches take their number or key pattern. A setting is saved when the field is left (or on
// Enter); the core's refusal shows on the rule's row.
import { useEffect, useState } from 'react';
import type { AlertRule } from '../../../../src-shared/alerts';
import { useAlertRulesStore } from '../../stores/alert-rules-store';
import { AlertKindMark } from './alert-list';
import { draftFromRule, KIND_LABELS, numberProblem, ruleInput, type RuleDraft } from './rule-draft';

const HINTS: Partial<Record<AlertRule['kind'], string>> = {
  'run-stalled': 'No point and no heartbeat from a RUNNING run for this many minutes.',
  'non-finite': 'Metric keys to watch for NaN or ±Inf: globs, comma-separated (* matches any text).',
};

function SettingField({ rule, field, onSave }: { rule: AlertRule; field: 'minutes' | 'metric'; onSave: (changes: Partial<RuleDraft>) => void }) {
  const saved = draftFromRule(rule)[field];
  const [text, setText] = useState(saved);
  useEffect(() => setText(saved), [saved]);
  const commit = () => {
    // Emptied: the field shows the saved setting again (the core would keep it anyway).
    if (text.trim() === '') setText(saved);
    else if (text.trim() !== saved) onSave({ [field]: text });
  };
  return (
    <input
      type="text"
      className={field === 'minutes' ? 'num builtin-rule__minutes' : 'mono builtin-rule__glob'}
      inputMode={field === 'minutes' ? 'numeric' : undefined}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      aria-label={field === 'minutes' ? 'Minutes without a point or heartbeat' : 'Metric keys (glob)'}
      spellCheck={false}
      data-testid={`builtin-${field}`}
    />
  );
}

function BuiltinRuleRow({ rule }: { rule: AlertRule }) {
  const [error, setError] = useState<string | null>(null);
  const save = async (changes: Partial<RuleDraft>) => {
    const draft = { ...draftFromRule(rule), ...changes };
    setError(numberProblem(draft) ?? (await useAlertRulesStore.getState().save(ruleInput(draft, rule.id))));
  };
  const hint = HINTS[rule.kind];
  return (
    <li className={`builtin-rule${rule.enabled ? '' : ' is-off'}`} data-testid="builtin-rule" data-kind={rule.kind}>
      <label className="builtin-rule__toggle">
        <input type="checkbox" checked={rule.enabled} onChange={(e) => void save({ enabled: e.target.checked })} data-testid="builtin-enabled" />
        <AlertKindMark kind={rule.kind} />
        <span className="builtin-rule__name">{KIND_LABELS[rule.kind]}</span>
      </label>
      {rule.kind === 'run-stalled' && (
        <span className="builtin-rule__setting">
          after <SettingField rule={rule} field="minutes" onSave={save} /> min
        </span>
      )}
      {rule.kind === 'non-finite' && (
        <span className="builtin-rule__setting">
          in <SettingField rule={rule} field="metric" onSave={save} />
        </span>
      )}
      {hint && <span className="builtin-rule__hint muted">{hint}</span>}
      {error && (
        <span className="rule-form__error builtin-rule__error" role="alert" data-testid="rule-error">
          {error}
        </span>
      )}
    </li>
  );
}

export function BuiltinRules({ rules }: { rules: readonly AlertRule[] }) {
  return (
    <ul className="builtin-rules" data-testid="builtin-rules">
      {rules.map((rule) => (
        <BuiltinRuleRow key={rule.id} rule={rule} />
      ))}
    </ul>
  );
}
