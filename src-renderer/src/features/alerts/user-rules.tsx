// The user's rules: one row each (on/off, experiment, what it watches), edited in place; Delete
// asks first.
import { useState } from 'react';
import type { AlertRule } from '../../../../src-shared/alerts';
import { EditDeleteActions } from '../../components/edit-delete-actions';
import { useAlertRulesStore } from '../../stores/alert-rules-store';
import { AlertKindMark } from './alert-list';
import { describeRule, draftFromRule, ruleInput } from './rule-draft';
import { RuleForm } from './rule-form';

interface UserRulesProps {
  rules: readonly AlertRule[];
  experiments: readonly string[];
  metricKeysOf: (experiment: string) => string[];
  /** Whether to name each rule's experiment (all experiments listed). */
  showExperiment: boolean;
}

function UserRuleRow({ rule, showExperiment, onEdit }: { rule: AlertRule; showExperiment: boolean; onEdit: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const { save, remove } = useAlertRulesStore.getState();
  return (
    <li className={`user-rule${rule.enabled ? '' : ' is-off'}`} data-testid="user-rule" data-rule-id={rule.id}>
      <input
        type="checkbox"
        checked={rule.enabled}
        onChange={async (e) => setError(await save(ruleInput({ ...draftFromRule(rule), enabled: e.target.checked }, rule.id)))}
        aria-label={`${rule.enabled ? 'Turn off' : 'Turn on'}: ${describeRule(rule)}`}
        data-testid="user-rule-enabled"
      />
      <AlertKindMark kind={rule.kind} />
      <span className="user-rule__what" data-testid="user-rule-text">
        {describeRule(rule)}
      </span>
      {showExperiment && (
        <span className="user-rule__experiment" title={rule.experiment ?? undefined}>
          {rule.experiment}
        </span>
      )}
      <span className="user-rule__actions">
        <EditDeleteActions question="Delete this rule?" onEdit={onEdit} onDelete={() => remove(rule.id)} onError={setError} testIdPrefix="user-rule" />
      </span>
      {error && (
        <span className="rule-form__error user-rule__error" role="alert" data-testid="rule-error">
          {error}
        </span>
      )}
    </li>
  );
}

export function UserRules({ rules, experiments, metricKeysOf, showExperiment }: UserRulesProps) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ul className="user-rules" data-testid="user-rules">
      {rules.map((rule) =>
        editing === rule.id ? (
          <li key={rule.id} className="user-rule user-rule--editing">
            <RuleForm existing={rule} experiments={experiments} experiment={rule.experiment ?? ''} metricKeysOf={metricKeysOf} onDone={() => setEditing(null)} />
          </li>
        ) : (
          <UserRuleRow key={rule.id} rule={rule} showExperiment={showExperiment} onEdit={() => setEditing(rule.id)} />
        ),
      )}
    </ul>
  );
}
