// Whether a metric is better low or high: as far as its name says (loss, accuracy, …), unless the
// user chose otherwise (the compare view's ↓/↑, kept in its URL and carried into reports).

/** Which way a metric improves: `min` when lower is better, `max` when higher is. */
export type MetricDirection = 'min' | 'max';

const LOWER = new Set(['loss', 'losses', 'nll', 'error', 'errors', 'err', 'mae', 'mse', 'rmse', 'perplexity', 'ppl', 'wer', 'cer', 'latency', 'time']);
const HIGHER = new Set(['acc', 'accuracy', 'f1', 'precision', 'recall', 'auc', 'map', 'iou', 'miou', 'bleu', 'rouge', 'score', 'reward', 'return', 'returns']);

/**
 * The direction a metric's name implies, or null when it does not say. The name is cut into
 * words (`val/top1_acc`, `evalLoss`, `mAP`) and whole words are matched, so `heatmap_size` is not an
 * average precision; when words disagree the last one wins (`score_loss` is a loss).
 */
export function inferDirection(key: string): MetricDirection | null {
  const words = key
    .replace(/([a-z])([A-Z][a-z])/g, '$1 $2') // `evalLoss`, but not `mAP`
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  for (const word of words.reverse()) {
    // `acc1`, `rouge2`: a trailing number is a variant, not a different metric (but `f1` is a name).
    for (const candidate of [word, word.replace(/\d+$/, '')]) {
      if (LOWER.has(candidate)) return 'min';
      if (HIGHER.has(candidate)) return 'max';
    }
  }
  return null;
}

/**
 * The direction in effect: the user's choice for this key, else the one its name implies. Own
 * keys only: a metric named `constructor` must not find Object.prototype's.
 */
export function metricDirection(key: string, chosen: Readonly<Record<string, MetricDirection>>): MetricDirection | null {
  return Object.hasOwn(chosen, key) ? chosen[key]! : inferDirection(key);
}
