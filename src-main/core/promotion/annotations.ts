import type { RunSummary } from '../../../src-shared/domain';
import { fromWire } from '../../../src-shared/wire-number';
import type { RunInput } from '../store/dataset-repo';

/**
 * The evidence recorded with a pushed version (MLflow tags, OCI manifest annotations): the run,
 * the model digest, each metric's last value and the digest of each dataset the run read (a
 * name read in several versions lists them all, comma-separated).
 */
export function promotionAnnotations(run: RunSummary, inputs: readonly RunInput[], modelDigest: string): Record<string, string> {
  const out: Record<string, string> = { 'runlens.run_id': run.id, 'runlens.model_digest': modelDigest };
  for (const m of run.metrics) out[`metric.${m.key}`] = String(fromWire(m.last));
  const digests = new Map<string, string[]>();
  for (const i of inputs) {
    const list = digests.get(i.dataset.name) ?? [];
    if (!list.includes(i.dataset.digest)) list.push(i.dataset.digest);
    digests.set(i.dataset.name, list);
  }
  for (const [name, list] of digests) out[`dataset.${name}`] = list.join(',');
  return out;
}
