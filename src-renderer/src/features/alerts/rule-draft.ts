// An alert rule as the form edits it (numbers as typed) and as the core takes it. Each kind uses
// some of the fields; the others are sent as null, so a rule switched from threshold to stalled
// keeps no stale metric the core would have to second-guess.
import type { AlertKind, AlertRule, ThresholdOp } from '../../../../src-shared/alerts';
import type { RuleInput } from '../../stores/alert-rules-store';

export interface RuleDraft {
  kind: AlertKind;
  experiment: string;
  enabled: boolean;
  metric: string;
  op: ThresholdOp;
  value: string;
  minutes: string;
}

type DraftField = 'metric' | 'op' | 'value' | 'minutes';

export const KIND_FIELDS: Record<AlertKind, readonly DraftField[]> = {
  threshold: ['metric', 'op', 'value'],
  'non-finite': ['metric'],
  'run-stalled': ['minutes'],
  'run-finished': [],
  'run-failed': [],
};

export const KIND_LABELS: Record<AlertKind, string> = {
  threshold: 'Metric crosses a threshold',
  'non-finite': 'NaN or Inf in a metric',
  'run-stalled': 'Run stalled',
  'run-finished': 'Run finished',
  'run-failed': 'Run failed or killed',
};

export function emptyDraft(experiment: string): RuleDraft {
  return { kind: 'threshold', experiment, enabled: true, metric: '', op: '>', value: '', minutes: '30' };
}

export function draftFromRule(rule: AlertRule): RuleDraft {
  return {
    kind: rule.kind,
    experiment: rule.experiment ?? '',
    enabled: rule.enabled,
    metric: rule.metric ?? '',
    op: rule.op ?? '>',
    value: rule.value === null ? '' : String(rule.value),
    minutes: rule.minutes === null ? '' : String(rule.minutes),
  };
}

/** A typed number: null when empty, so the core can say the field is missing; NaN when not a number. */
function typedNumber(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/**
 * A number field holding something that is not a number, named like the contract names fields
 * (`value: …`); the rest (missing, out of range) is the core's to say.
 */
export function numberProblem(draft: RuleDraft): string | null {
  for (const field of ['value', 'minutes'] as const) {
    if (KIND_FIELDS[draft.kind].includes(field) && Number.isNaN(typedNumber(draft[field]))) {
      return `${field}: '${draft[field].trim()}' is not a number${field === 'value' ? ' (e.g. 0.5 or 1e-3)' : ''}`;
    }
  }
  return null;
}

/** What to send the core: the draft's fields for its kind, null for the rest. */
export function ruleInput(draft: RuleDraft, id?: string): RuleInput {
  const uses = (field: DraftField) => KIND_FIELDS[draft.kind].includes(field);
  return {
    ...(id ? { id } : {}),
    kind: draft.kind,
    experiment: draft.experiment.trim() || null,
    enabled: draft.enabled,
    metric: uses('metric') ? draft.metric.trim() || null : null,
    op: uses('op') ? draft.op : null,
    value: uses('value') ? typedNumber(draft.value) : null,
    minutes: uses('minutes') ? typedNumber(draft.minutes) : null,
  };
}

/** A rule in a line: `val_loss > 0.5`, `A running run logs nothing for 30 min`. */
export function describeRule(rule: Pick<AlertRule, 'kind' | 'metric' | 'op' | 'value' | 'minutes'>): string {
  switch (rule.kind) {
    case 'threshold':
      return `${rule.metric ?? '?'} ${rule.op ?? '?'} ${rule.value ?? '?'}`;
    case 'non-finite':
      return `NaN or Inf logged to ${rule.metric ?? 'any metric'}`;
    case 'run-stalled':
      return `A running run logs nothing for ${rule.minutes ?? '?'} min`;
    case 'run-finished':
      return 'A run finishes';
    case 'run-failed':
      return 'A run fails or is killed';
  }
}
