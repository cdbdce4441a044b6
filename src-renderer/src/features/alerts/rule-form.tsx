// Add or edit a user rule: the experiment, what to watch and the numbers that kind needs. The
// core checks the rule; its refusal shows under the field it names, or under the form.
import { useId, useState } from 'react';
import { ALERT_KINDS, THRESHOLD_OPS, type AlertRule, type ThresholdOp } from '../../../../src-shared/alerts';
import { useAlertRulesStore } from '../../stores/alert-rules-store';
import { draftFromRule, emptyDraft, KIND_FIELDS, KIND_LABELS, numberProblem, ruleInput, type RuleDraft } from './rule-draft';
import { errorField, fieldMessage, type RuleField } from './rule-error';

interface RuleFormProps {
  existing: AlertRule | null;
  experiments: readonly string[];
  /** The experiment a new rule starts with. */
  experiment: string;
  metricKeysOf: (experiment: string) => string[];
  onDone: () => void;
}

function FieldError({ error, shown }: { error: string | null; shown: boolean }) {
  if (!error || !shown) return null;
  return (
    <span className="rule-form__error" role="alert" data-testid="rule-error">
      {fieldMessage(error)}
    </span>
  );
}

export function RuleForm({ existing, experiments, experiment, metricKeysOf, onDone }: RuleFormProps) {
  const [draft, setDraft] = useState<RuleDraft>(() => (existing ? draftFromRule(existing) : emptyDraft(experiment)));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keysId = useId();
  const set = <K extends keyof RuleDraft>(field: K, value: RuleDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    // Editing the field a refusal named clears it; the next save says what still is wrong.
    if (error && errorField(error) === field) setError(null);
  };
  const uses = (field: RuleField) => (KIND_FIELDS[draft.kind] as readonly string[]).includes(field);
  // Under the field the message names, when the form shows it; else under the form.
  const named = error ? errorField(error) : null;
  const errorAt: RuleField | 'form' | null = !error ? null : named && (named === 'experiment' || named === 'kind' || uses(named)) ? named : 'form';
  const invalid = (field: RuleField) => (errorAt === field ? true : undefined);
  const fieldError = (field: RuleField | 'form') => <FieldError error={error} shown={errorAt === field} />;

  return (
    <form
      className="rule-form"
      data-testid="rule-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const problem = numberProblem(draft) ?? (await useAlertRulesStore.getState().save(ruleInput(draft, existing?.id)));
        setBusy(false);
        if (problem) setError(problem);
        else onDone();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <div className="rule-form__grid">
        <label className="rule-field rule-field--experiment">
          <span>Experiment</span>
          <select value={draft.experiment} onChange={(e) => set('experiment', e.target.value)} aria-invalid={invalid('experiment')} data-testid="rule-experiment">
            {!draft.experiment && <option value="">Choose…</option>}
            {experiments.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          {fieldError('experiment')}
        </label>
        <label className="rule-field rule-field--kind">
          <span>When</span>
          <select value={draft.kind} onChange={(e) => set('kind', e.target.value as RuleDraft['kind'])} data-testid="rule-kind">
            {ALERT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          {fieldError('kind')}
        </label>
        {uses('metric') && (
          <label className="rule-field rule-field--metric">
            <span>{draft.kind === 'threshold' ? 'Metric' : 'Metric keys (globs, comma-separated)'}</span>
            <input
              type="text"
              className="mono"
              value={draft.metric}
              onChange={(e) => set('metric', e.target.value)}
              list={keysId}
              placeholder={draft.kind === 'threshold' ? 'val_loss' : '*loss*,*nll*'}
              spellCheck={false}
              aria-invalid={invalid('metric')}
              data-testid="rule-metric"
            />
            <datalist id={keysId}>
              {metricKeysOf(draft.experiment).map((key) => (
                <option key={key} value={key} />
              ))}
            </datalist>
            {fieldError('metric')}
          </label>
        )}
        {uses('op') && (
          <label className="rule-field rule-field--op">
            <span>Is</span>
            <select value={draft.op} onChange={(e) => set('op', e.target.value as ThresholdOp)} data-testid="rule-op">
              {THRESHOLD_OPS.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
            {fieldError('op')}
          </label>
        )}
        {uses('value') && (
          <label className="rule-field rule-field--value">
            <span>Value</span>
            <input type="text" inputMode="decimal" className="num" value={draft.value} onChange={(e) => set('value', e.target.value)} placeholder="0.5" aria-invalid={invalid('value')} data-testid="rule-value" />
            {fieldError('value')}
          </label>
        )}
        {uses('minutes') && (
          <label className="rule-field rule-field--minutes">
            <span>Quiet for (min)</span>
            <input type="text" inputMode="numeric" className="num" value={draft.minutes} onChange={(e) => set('minutes', e.target.value)} aria-invalid={invalid('minutes')} data-testid="rule-minutes" />
            {fieldError('minutes')}
          </label>
        )}
      </div>
      {fieldError('form')}
      <div className="rule-form__buttons">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="rule-save">
          {existing ? 'Save rule' : 'Add rule'}
        </button>
      </div>
    </form>
  );
}
