// Whether a metric is better low or high, as far as its name says (loss, accuracy, …). Shared by
// the compare view, which lets the user override it, and exported reports, which cannot ask.

const LOWER = new Set(['loss', 'losses', 'nll', 'error', 'errors', 'err', 'mae', 'mse', 'rmse', 'perplexity', 'ppl', 'wer', 'cer', 'latency', 'time']);
const HIGHER = new Set(['acc', 'accuracy', 'f1', 'precision', 'recall', 'auc', 'map', 'iou', 'miou', 'bleu', 'rouge', 'score', 'reward', 'return', 'returns']);

/**
 * The direction a metric's name implies, or null when it does not say. The name is cut into
 * words (`val/top1_acc`, `evalLoss`, `mAP`) and whole words are matched, so `heatmap_size` is not an
 * average precision; when words disagree the last one wins (`score_loss` is a loss).
 */
export function inferDirection(key: string): 'min' | 'max' | null {
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
