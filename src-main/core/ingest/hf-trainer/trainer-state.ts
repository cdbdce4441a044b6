// Hugging Face Trainer's `trainer_state.json` (transformers trainer_callback.py,
// TrainerState.save_to_json: `json.dumps(dataclasses.asdict(state), indent=2, sort_keys=True)`,
// rewritten whole at every save into `checkpoint-<global_step>/`, and into the output folder by
// `trainer.save_state()`). Python's json writes a diverged loss as bare `NaN`/`Infinity`.
// `log_history` holds one object per log call: `step`, `epoch` and the logged values (`loss`,
// `learning_rate`, `grad_norm`, `eval_*`, and `train_runtime`… in the final entry of train()).
import type { NewPoint } from '../../store/metric-point';
import { parseLenientJson } from '../lenient-json';
import { parseNumberCell } from '../csv/csv-line';

export const TRAINER_STATE_FILE = 'trainer_state.json';
export const CHECKPOINT_DIR = /^checkpoint-(\d+)$/;

export interface TrainerState {
  globalStep: number | null;
  maxSteps: number | null;
  /** Tags: best_metric, best_model_checkpoint, global_step, max_steps (those present). */
  tags: Record<string, string>;
  /** Params: the run's fixed settings the file records (batch size, epochs, intervals). */
  params: Record<string, string>;
  /** Metric points of log_history, in file order. */
  history: Omit<NewPoint, 'timestamp'>[];
  /** train() wrote its closing summary (`train_runtime`): training ended. */
  ended: boolean;
  problems: string[];
}

const TAG_FIELDS = ['best_metric', 'best_model_checkpoint', 'global_step', 'max_steps'] as const;
const PARAM_FIELDS = ['num_train_epochs', 'train_batch_size', 'logging_steps', 'eval_steps', 'save_steps'] as const;
/** Keys of a log entry that are not metrics. */
const NOT_METRICS = new Set(['step']);
const MAX_REPORTED = 5;

/** Parses a trainer_state.json; throws with a reason when it is not one (or is mid-write). */
export function parseTrainerState(text: string): TrainerState {
  let raw: unknown;
  try {
    raw = parseLenientJson(text);
  } catch {
    throw new Error(`${TRAINER_STATE_FILE} is not valid JSON`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${TRAINER_STATE_FILE} is not a JSON object`);
  const s = raw as Record<string, unknown>;
  if (!Array.isArray(s.log_history)) throw new Error(`${TRAINER_STATE_FILE} has no log_history list`);
  const tags: Record<string, string> = {};
  for (const f of TAG_FIELDS) if (s[f] !== null && s[f] !== undefined && typeof s[f] !== 'object') tags[f] = String(s[f]);
  const params: Record<string, string> = {};
  for (const f of PARAM_FIELDS) if (typeof s[f] === 'number' || typeof s[f] === 'string') params[f] = String(s[f]);
  const problems: string[] = [];
  const history: Omit<NewPoint, 'timestamp'>[] = [];
  let ended = false;
  let bad = 0;
  let lastEpochStep: number | null = null;
  for (const [i, entry] of s.log_history.entries()) {
    const step = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>).step : undefined;
    if (typeof step !== 'number' || !Number.isFinite(step)) {
      if (++bad <= MAX_REPORTED) problems.push(`log_history[${i}] has no numeric step; skipped`);
      continue;
    }
    for (const [key, v] of Object.entries(entry as Record<string, unknown>)) {
      if (NOT_METRICS.has(key)) continue;
      if (key === 'train_runtime') ended = true;
      const value = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberCell(v) : undefined;
      if (typeof value !== 'number') continue;
      // Every entry carries `epoch`; one point per step is the chart (a training and an
      // evaluation entry at the same step carry the same epoch).
      if (key === 'epoch') {
        if (lastEpochStep === step) continue;
        lastEpochStep = step;
      }
      history.push({ key, value, step });
    }
  }
  if (bad > MAX_REPORTED) problems.push(`${bad - MAX_REPORTED} more log_history entries without a step skipped`);
  return {
    globalStep: typeof s.global_step === 'number' ? s.global_step : null,
    maxSteps: typeof s.max_steps === 'number' ? s.max_steps : null,
    tags,
    params,
    history,
    ended,
    problems,
  };
}

/** Training is over: train() logged its summary, or the last step was reached. */
export function trainingFinished(state: TrainerState): boolean {
  return state.ended || (state.globalStep !== null && state.maxSteps !== null && state.maxSteps > 0 && state.globalStep >= state.maxSteps);
}
