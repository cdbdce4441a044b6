// Left-to-right layered layout of the lineage graph with dagre. Run once per graph change (in
// the layout worker for big graphs), never on a focus, search or viewport change: those only
// restyle nodes that are already placed.
import { Graph, layout } from '@dagrejs/dagre';
import type { LineageNodeKind } from '../../../../src-shared/domain';

/** Box sizes the node components are drawn at (lineage.css keeps to them). */
export const NODE_SIZE: Record<LineageNodeKind, { width: number; height: number }> = {
  dataset: { width: 240, height: 60 },
  artifact: { width: 220, height: 54 },
  run: { width: 230, height: 60 },
  model: { width: 230, height: 54 },
};

export interface LayoutInput {
  nodes: { id: string; kind: LineageNodeKind }[];
  edges: { from: string; to: string }[];
}

/** Top-left corners, as React Flow places nodes. */
export type Positions = Record<string, { x: number; y: number }>;

/**
 * Past this many nodes two of dagre's refinements cost more than they give at a zoom where the
 * graph is read through search and focus anyway. Measured on 5,000 nodes shaped like the
 * benchmark's (chains fanning out of shared vocabularies), in Node on this machine: the
 * network-simplex ranker 5.6 s against 1.4 s for tight-tree, and the second ordering pass (both
 * initial orders tried, the one with fewer crossings kept) a further third.
 */
const BIG_GRAPH_NODES = 1500;

export function layoutLineage(input: LayoutInput): Positions {
  const big = input.nodes.length > BIG_GRAPH_NODES;
  const g = new Graph({ multigraph: false });
  // ranksep leaves room for an edge's context label (train / validation) between the columns.
  // Labels are not given to dagre: it would double every rank for them (minlen 2 and a label
  // node per edge), which costs seconds on big graphs for a word that fits in the gap anyway.
  g.setGraph({ rankdir: 'LR', nodesep: 22, ranksep: 90, marginx: 20, marginy: 20, ranker: big ? 'tight-tree' : 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of input.nodes) g.setNode(n.id, { ...NODE_SIZE[n.kind] });
  for (const e of input.edges) {
    if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to, {});
  }
  layout(g, { disableOptimalOrderHeuristic: big });
  const positions: Positions = {};
  for (const n of input.nodes) {
    const placed = g.node(n.id);
    const size = NODE_SIZE[n.kind];
    positions[n.id] = { x: Math.round(placed.x - size.width / 2), y: Math.round(placed.y - size.height / 2) };
  }
  return positions;
}
