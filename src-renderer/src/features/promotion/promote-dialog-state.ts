// The "Promote model…" dialog as a state machine, kept pure so each step and guard is tested
// without a browser: choose (registry, remote name, alias) → gate (each rule judged; rules
// editable; an override reason unlocks a failed gate) → pushing (the core's record is
// `running`; progress comes from the promotions store) → done (the record's final outcome).
import type { GateResult, GateRule, PromotionRecord, RegistryConfig } from '../../../../src-shared/promotion';
import { rulesToText } from './gate-format';

export interface PromoteTarget {
  runId: string;
  /** A logged model id or a model folder under the run's artifacts; the run's only model when absent. */
  model?: string;
  /** Shown in the title and the default remote name. */
  modelName: string;
}

export type PromoteStep = 'choose' | 'gate' | 'pushing' | 'done';

export interface PromoteState {
  step: PromoteStep;
  registry: string;
  remoteName: string;
  alias: string;
  /** A request is out (gate check, rules save, promote): buttons wait. */
  busy: boolean;
  gate: GateResult | null;
  rules: GateRule[];
  editingRules: boolean;
  rulesDraft: string;
  overrideReason: string;
  /** The core's record once it accepted the promotion; updates arrive through the store. */
  promotionId: string | null;
  error: string | null;
}

export type PromoteAction =
  | { type: 'field'; field: 'registry' | 'remoteName' | 'alias' | 'overrideReason' | 'rulesDraft'; value: string }
  | { type: 'requestStarted' }
  | { type: 'requestFailed'; error: string }
  | { type: 'gateChecked'; gate: GateResult; rules: GateRule[] }
  | { type: 'back' }
  | { type: 'editRules' }
  | { type: 'cancelEditRules' }
  | { type: 'promoted'; record: PromotionRecord }
  | { type: 'finished' };

/** The remote-name pattern of the contract (`[\w./-]`): other characters become `-`. */
export function defaultRemoteName(modelName: string): string {
  const cleaned = modelName.trim().replace(/[^\w./-]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned.slice(0, 256) || 'model';
}

export const DEFAULT_ALIAS = 'champion';
export const MIN_OVERRIDE_REASON = 3;
const NAME_PATTERN = /^[\w./-]{1,256}$/;
const ALIAS_PATTERN = /^[\w.-]{1,128}$/;

export function initialPromoteState(target: PromoteTarget, registries: RegistryConfig[]): PromoteState {
  return {
    step: 'choose',
    registry: registries[0]?.name ?? '',
    remoteName: defaultRemoteName(target.modelName),
    alias: DEFAULT_ALIAS,
    busy: false,
    gate: null,
    rules: [],
    editingRules: false,
    rulesDraft: '',
    overrideReason: '',
    promotionId: null,
    error: null,
  };
}

export function promoteReducer(state: PromoteState, action: PromoteAction): PromoteState {
  switch (action.type) {
    case 'field':
      return { ...state, [action.field]: action.value };
    case 'requestStarted':
      return { ...state, busy: true, error: null };
    case 'requestFailed':
      return { ...state, busy: false, error: action.error };
    case 'gateChecked':
      return { ...state, step: 'gate', busy: false, error: null, gate: action.gate, rules: action.rules, editingRules: false };
    case 'back':
      // The gate judged the old name and alias: going back forgets it and the reason given for it.
      return state.step === 'gate' ? { ...state, step: 'choose', gate: null, overrideReason: '', editingRules: false, error: null } : state;
    case 'editRules':
      return { ...state, editingRules: true, rulesDraft: rulesToText(state.rules) };
    case 'cancelEditRules':
      return { ...state, editingRules: false, error: null };
    case 'promoted':
      return { ...state, busy: false, error: null, promotionId: action.record.id, step: action.record.outcome === 'running' ? 'pushing' : 'done' };
    case 'finished':
      return state.step === 'pushing' ? { ...state, step: 'done' } : state;
  }
}

/** Why the first step cannot go on, or null when it can. */
export function chooseProblem(state: PromoteState): string | null {
  if (!state.registry) return 'Choose a registry';
  if (!NAME_PATTERN.test(state.remoteName.trim())) return 'The remote name may hold letters, digits, _ . / -';
  if (state.alias.trim() && !ALIAS_PATTERN.test(state.alias.trim())) return 'The alias may hold letters, digits, _ . -';
  return null;
}

export function hasOverride(state: PromoteState): boolean {
  return state.overrideReason.trim().length >= MIN_OVERRIDE_REASON;
}

/** Promote is offered on the gate step when the gate passed, or failed and a reason is typed. */
export function canPromote(state: PromoteState): boolean {
  if (state.step !== 'gate' || !state.gate || state.busy || state.editingRules) return false;
  return state.gate.passed || hasOverride(state);
}

/** The input of promoteModel / checkGate for this state. */
export function promoteInput(target: PromoteTarget, state: PromoteState) {
  const alias = state.alias.trim();
  const overrideReason = state.gate && !state.gate.passed && hasOverride(state) ? state.overrideReason.trim() : undefined;
  return {
    runId: target.runId,
    ...(target.model ? { model: target.model } : {}),
    registry: state.registry,
    remoteName: state.remoteName.trim(),
    ...(alias ? { alias } : {}),
    ...(overrideReason ? { overrideReason } : {}),
  };
}
