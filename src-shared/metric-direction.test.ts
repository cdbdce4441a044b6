import { describe, expect, it } from 'vitest';
import { inferDirection, metricDirection } from './metric-direction';

describe('metric direction', () => {
  it('reads the direction from words in the name', () => {
    for (const key of ['loss', 'train/loss', 'val_loss', 'evalLoss', 'test/rmse', 'ppl', 'wer', 'latency_ms', 'epoch/time', 'error_rate']) {
      expect(inferDirection(key), key).toBe('min');
    }
    for (const key of ['acc', 'val/accuracy', 'top1_acc', 'acc5', 'f1', 'macro-F1', 'mAP', 'val/miou', 'rouge2', 'episode_reward', 'eval/return']) {
      expect(inferDirection(key), key).toBe('max');
    }
  });

  it('does not guess from parts of words, and lets the last word decide', () => {
    expect(inferDirection('heatmap_size')).toBeNull();
    expect(inferDirection('lr')).toBeNull();
    expect(inferDirection('grad_norm')).toBeNull();
    expect(inferDirection('accumulate')).toBeNull();
    expect(inferDirection('score_loss')).toBe('min');
  });

  it('prefers the direction the user chose', () => {
    expect(metricDirection('loss', { loss: 'max' })).toBe('max');
    expect(metricDirection('grad_norm', { grad_norm: 'min' })).toBe('min');
    expect(metricDirection('grad_norm', {})).toBeNull();
    expect(metricDirection('constructor', {})).toBeNull();
  });
});
