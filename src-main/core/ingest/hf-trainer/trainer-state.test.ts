import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTrainerState, trainingFinished } from './trainer-state';

// As TrainerState.save_to_json writes it (json.dumps(asdict(state), indent=2, sort_keys=True)):
// Python's json spells a diverged loss as bare NaN.
export const STATE = `{
  "best_metric": 0.41,
  "best_model_checkpoint": "out/checkpoint-4",
  "epoch": 2.0,
  "eval_steps": 2,
  "global_step": 4,
  "is_hyper_param_search": false,
  "log_history": [
    {"epoch": 0.5, "grad_norm": 1.5, "learning_rate": 5e-05, "loss": 0.9, "step": 2},
    {"epoch": 0.5, "eval_loss": 0.5, "eval_runtime": 0.1, "step": 2},
    {"epoch": 1.0, "grad_norm": NaN, "learning_rate": 2.5e-05, "loss": NaN, "step": 4},
    {"epoch": 1.0, "eval_loss": 0.41, "step": 4}
  ],
  "logging_steps": 2,
  "max_steps": 8,
  "num_train_epochs": 2,
  "save_steps": 2,
  "train_batch_size": 8,
  "trial_name": null
}
`;

describe('trainer_state.json', () => {
  it('reads log history as points, one epoch point per step, tags and params', () => {
    const s = parseTrainerState(STATE);
    expect(s.problems).toEqual([]);
    expect(s.tags).toEqual({ best_metric: '0.41', best_model_checkpoint: 'out/checkpoint-4', global_step: '4', max_steps: '8' });
    expect(s.params).toEqual({ num_train_epochs: '2', train_batch_size: '8', logging_steps: '2', eval_steps: '2', save_steps: '2' });
    expect(s.history.filter((p) => p.key === 'epoch')).toEqual([
      { key: 'epoch', value: 0.5, step: 2 },
      { key: 'epoch', value: 1, step: 4 },
    ]);
    expect(s.history.filter((p) => p.key === 'loss').map((p) => p.value)).toEqual([0.9, NaN]);
    expect(s.history.filter((p) => p.key === 'eval_loss').map((p) => [p.step, p.value])).toEqual([
      [2, 0.5],
      [4, 0.41],
    ]);
    expect(trainingFinished(s)).toBe(false);
  });

  it('is finished at max_steps or after the train() summary entry', () => {
    expect(trainingFinished(parseTrainerState(STATE.replace('"global_step": 4', '"global_step": 8')))).toBe(true);
    expect(trainingFinished(parseTrainerState('{"log_history": [{"step": 3, "train_runtime": 1.5, "train_loss": 0.2}]}'))).toBe(true);
  });

  it('reports entries without a step, throws with a reason for half-written files', () => {
    expect(parseTrainerState('{"log_history": [{"loss": 1}]}').problems).toEqual(['log_history[0] has no numeric step; skipped']);
    expect(() => parseTrainerState(STATE.slice(0, 200))).toThrow(/not valid JSON/);
    expect(() => parseTrainerState('{"a": 1}')).toThrow(/no log_history/);
  });

  it('never throws anything but reasons on corrupted or truncated files', () => {
    fc.assert(
      fc.property(fc.nat(STATE.length), fc.string(), (cut, junk) => {
        try {
          parseTrainerState(STATE.slice(0, cut) + junk);
        } catch (e) {
          expect((e as Error).message).toMatch(/trainer_state\.json/);
        }
      }),
    );
    fc.assert(
      fc.property(fc.json(), (text) => {
        try {
          parseTrainerState(`{"log_history": [${text}]}`);
        } catch (e) {
          expect((e as Error).message).toMatch(/trainer_state\.json/);
        }
      }),
    );
  });
});
