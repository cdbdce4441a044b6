// What the rule editor offers: the experiments runs were logged to, and an experiment's metric
// keys (suggested for a threshold or a NaN watch).
import type { RunSummary } from '../../../../src-shared/domain';
import { allMetricKeys } from '../compare/compare-model';

export function experimentNames(runs: readonly RunSummary[], also: readonly (string | null)[] = []): string[] {
  const names = new Set<string>(runs.map((run) => run.experiment));
  for (const name of also) if (name) names.add(name);
  return [...names].sort((a, b) => a.localeCompare(b));
}

export function experimentMetricKeys(runs: readonly RunSummary[], experiment: string): string[] {
  return allMetricKeys(runs.filter((run) => run.experiment === experiment));
}
