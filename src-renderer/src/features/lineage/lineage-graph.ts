// The lineage graph as the page draws it: which edges are shown, who is upstream and downstream
// of what, and which nodes a focus or a search lights up. Pure, so it is tested without a DOM
// and can run in the layout worker.
import type { LineageEdge, LineageGraph, LineageNode } from '../../../../src-shared/domain';

export interface DrawnEdge extends LineageEdge {
  id: string;
}

/**
 * A `derived` edge (dataset → dataset via a run) says the same as the two edges through its run
 * (dataset → run → dataset). When both are in the graph it is left out: drawn, it would run
 * parallel to them, cross other edges and suggest a second path that is not there. When the run
 * is missing (a DVC stage or an import that only knows the datasets), it is the only line and is
 * drawn, dashed.
 */
export function drawnEdges(graph: LineageGraph): DrawnEdge[] {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const plain = new Set<string>();
  for (const e of graph.edges) if (e.kind !== 'derived') plain.add(`${e.from}\u0000${e.to}`);
  const seen = new Set<string>();
  const out: DrawnEdge[] = [];
  for (const e of graph.edges) {
    if (!ids.has(e.from) || !ids.has(e.to) || e.from === e.to) continue;
    if (e.kind === 'derived' && e.viaRunId) {
      const run = `run:${e.viaRunId}`;
      if (ids.has(run) && plain.has(`${e.from}\u0000${run}`) && plain.has(`${run}\u0000${e.to}`)) continue;
    }
    const id = `${e.kind}:${e.from}>${e.to}:${e.context ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...e, id });
  }
  return out;
}

export type FocusDirection = 'upstream' | 'downstream' | 'both';

/** A model is asked "what made you", a dataset "what did you feed", a run both. */
export function focusDirection(kind: LineageNode['kind']): FocusDirection {
  if (kind === 'model') return 'upstream';
  if (kind === 'dataset' || kind === 'artifact') return 'downstream';
  return 'both';
}

export interface Highlight {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * Everything on a path into (upstream) and/or out of (downstream) `focus`. An edge is lit only
 * when it lies on such a path: u → v with v upstream of the focus (or the focus) and u upstream
 * too; an edge between an upstream and a downstream node that bypasses the focus stays dim.
 */
export function focusHighlight(edges: readonly DrawnEdge[], focus: string, direction: FocusDirection): Highlight {
  const incoming = new Map<string, DrawnEdge[]>();
  const outgoing = new Map<string, DrawnEdge[]>();
  for (const e of edges) {
    let list = incoming.get(e.to);
    if (!list) incoming.set(e.to, (list = []));
    list.push(e);
    let out = outgoing.get(e.from);
    if (!out) outgoing.set(e.from, (out = []));
    out.push(e);
  }
  const nodes = new Set<string>([focus]);
  const lit = new Set<string>();
  const walk = (adjacent: Map<string, DrawnEdge[]>, next: (e: DrawnEdge) => string) => {
    const seen = new Set<string>([focus]);
    const stack = [focus];
    while (stack.length > 0) {
      const at = stack.pop()!;
      for (const e of adjacent.get(at) ?? []) {
        lit.add(e.id);
        const other = next(e);
        if (seen.has(other)) continue;
        seen.add(other);
        nodes.add(other);
        stack.push(other);
      }
    }
  };
  if (direction !== 'downstream') walk(incoming, (e) => e.from);
  if (direction !== 'upstream') walk(outgoing, (e) => e.to);
  return { nodes, edges: lit };
}

/** Nodes whose label (or dataset name) holds every word of the query, in graph order. */
export function searchMatches(nodes: readonly LineageNode[], query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const out: string[] = [];
  for (const n of nodes) {
    const text = `${n.label} ${n.datasetName ?? ''}`.toLowerCase();
    if (words.every((w) => text.includes(w))) out.push(n.id);
  }
  return out;
}

/** The runs fed by any version of a dataset name: the runs a "compare" of that dataset shows. */
export function runsUsingDataset(graph: LineageGraph, datasetName: string): string[] {
  const versions = new Set(graph.nodes.filter((n) => n.kind === 'dataset' && n.datasetName === datasetName).map((n) => n.id));
  const runs: string[] = [];
  const seen = new Set<string>();
  for (const e of graph.edges) {
    if (e.kind !== 'input' || !versions.has(e.from) || !e.to.startsWith('run:')) continue;
    const runId = e.to.slice('run:'.length);
    if (seen.has(runId)) continue;
    seen.add(runId);
    runs.push(runId);
  }
  return runs;
}
