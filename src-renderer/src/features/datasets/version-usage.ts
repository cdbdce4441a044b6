// Which runs read a dataset version and which made it, as the lineage graph around it says.
import type { LineageGraph } from '../../../../src-shared/domain';

export interface RunRef {
  runId: string;
  name: string;
  /** The input's role (train, validation, …) for a reading run. */
  context: string | null;
}

export interface VersionUsage {
  usedBy: RunRef[];
  producedBy: RunRef[];
}

/** Runs next to one version node in a lineage graph: readers by input edges, makers by output edges. */
export function usageFromGraph(graph: LineageGraph, versionId: number): VersionUsage {
  const node = `dataset:${versionId}`;
  const runs = new Map(graph.nodes.filter((n) => n.kind === 'run').map((n) => [n.id, n]));
  const ref = (id: string, context: string | null): RunRef | null => {
    const run = runs.get(id);
    const runId = run?.runId ?? (id.startsWith('run:') ? id.slice(4) : null);
    return runId ? { runId, name: run?.label || runId, context } : null;
  };
  const usedBy: RunRef[] = [];
  const producedBy: RunRef[] = [];
  for (const edge of graph.edges) {
    if (edge.kind === 'input' && edge.from === node) {
      const r = ref(edge.to, edge.context);
      if (r) usedBy.push(r);
    } else if (edge.kind === 'output' && edge.to === node) {
      const r = ref(edge.from, null);
      if (r) producedBy.push(r);
    }
  }
  return { usedBy, producedBy };
}

