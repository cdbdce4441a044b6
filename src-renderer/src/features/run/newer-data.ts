import type { RunDatasetInput } from '../../../../src-shared/domain';

/**
 * Which of a run's inputs have a newer version, for the "newer data available" tooltip. Empty
 * when none does directly: the newer data is then further upstream (what an input was made
 * from), and the lineage page shows where.
 */
export function outdatedInputs(inputs: RunDatasetInput[]): string | undefined {
  const names = [...new Set(inputs.filter((i) => i.newerVersion).map((i) => i.name))];
  if (names.length === 0) return undefined;
  return `${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} a newer version`;
}
