import type { LineageGraph } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import { addEdge, reachableFrom, type Adjacency } from './reachable';
import { runNodeId } from './node-ids';

export type FocusDirection = 'upstream' | 'downstream' | 'both';

/**
 * The focus node and what lies upstream and/or downstream of it. Each side keeps the edges
 * between its own nodes (every such edge is on a path to or from the focus); `both` is the two
 * sides together, not the focus's whole connected component (a sibling that merely shares an
 * input with the focus is not part of its story).
 */
export function focusSubgraph(graph: LineageGraph, focus: string, direction: FocusDirection): LineageGraph {
  if (!graph.nodes.some((n) => n.id === focus)) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `No lineage node '${focus}'`);
  const down: Adjacency = new Map();
  const up: Adjacency = new Map();
  // Derived edges shortcut a run; walking inputs and outputs reaches the same nodes.
  for (const e of graph.edges) {
    if (e.kind === 'derived') continue;
    addEdge(down, e.from, e.to);
    addEdge(up, e.to, e.from);
  }
  const side = (adj: Adjacency) => reachableFrom([focus], adj).add(focus);
  const sides = [direction !== 'downstream' ? side(up) : null, direction !== 'upstream' ? side(down) : null].filter((s) => s !== null);
  const keep = (id: string) => sides.some((s) => s.has(id));
  const together = (a: string, b: string) => sides.some((s) => s.has(a) && s.has(b));
  return {
    nodes: graph.nodes.filter((n) => keep(n.id)),
    // A derived edge stands for its two hops through the run, so it is kept when both are.
    edges: graph.edges.filter((e) =>
      e.kind === 'derived' ? together(e.from, runNodeId(e.viaRunId!)) && together(runNodeId(e.viaRunId!), e.to) : together(e.from, e.to),
    ),
  };
}
