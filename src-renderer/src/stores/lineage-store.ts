// The lineage graph while the lineage page is open: the graph, the edges drawn, node positions,
// and what the focus and the search light up. Layout runs only when the graph's shape changes
// (nodes or edges added or removed); a refetch that changes only badges or labels keeps the
// positions, so the viewport and the focus stay where the user left them. Focus and search
// come from the address bar (the page passes them in); their highlight sets are cached here
// because every visible node reads them.
import { create } from 'zustand';
import type { LineageGraph, LineageNode } from '../../../src-shared/domain';
import { api } from '../api/client';
import { errorMessage } from '../api/api-errors';
import { drawnEdges, focusDirection, focusHighlight, searchMatches, type DrawnEdge, type Highlight } from '../features/lineage/lineage-graph';
import type { Positions } from '../features/lineage/lineage-layout';
import { runLayout } from '../features/lineage/run-layout';

/** A refetch waits at least this long, and twice what the last fetch and layout took. */
const MIN_REFETCH_INTERVAL_MS = 1000;

export type NodeTone = 'lit' | 'dim' | 'focus' | 'match' | '';

interface LineageState {
  status: 'idle' | 'loading' | 'laying-out' | 'ready' | 'error';
  error: string | null;
  graph: LineageGraph;
  nodeById: Map<string, LineageNode>;
  edges: DrawnEdge[];
  positions: Positions;
  /** Bumped by every new layout: the canvas re-fits and the page's `data-drawn` follows it. */
  layoutVersion: number;
  focus: string | null;
  query: string;
  highlight: Highlight | null;
  /** Search matches in graph order; null without a query. */
  matches: string[] | null;
  matchSet: Set<string> | null;
  open: () => void;
  close: () => void;
  /** Something the graph shows may have changed (a run, an input, a dataset version). */
  changed: () => void;
  setView: (focus: string | null, query: string) => void;
}

const EMPTY: LineageGraph = { nodes: [], edges: [] };

function shapeKey(graph: LineageGraph, edges: DrawnEdge[]): string {
  return `${graph.nodes.map((n) => `${n.id}/${n.kind}`).join('|')}#${edges.map((e) => e.id).join('|')}`;
}

export const useLineageStore = create<LineageState>()((set, get) => {
  let active = false;
  let shape = '';
  let generation = 0;
  let inFlight = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCostMs = 0;
  let lastStart = 0;

  const derive = (edges: DrawnEdge[], nodeById: Map<string, LineageNode>, focus: string | null, query: string, graph: LineageGraph) => {
    const node = focus ? nodeById.get(focus) : undefined;
    const matches = query.trim() ? searchMatches(graph.nodes, query) : null;
    return {
      highlight: node ? focusHighlight(edges, node.id, focusDirection(node.kind)) : null,
      matches,
      matchSet: matches ? new Set(matches) : null,
    };
  };

  const fetchGraph = async () => {
    const mine = ++generation;
    const started = performance.now();
    lastStart = Date.now();
    inFlight = true;
    try {
      if (get().status === 'idle' || get().status === 'error') set({ status: 'loading' });
      const graph = await api.getLineage({ direction: 'both' });
      if (mine !== generation || !active) return;
      const edges = drawnEdges(graph);
      const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
      const nextShape = shapeKey(graph, edges);
      const { focus, query } = get();
      if (nextShape === shape && get().status === 'ready') {
        set({ graph, edges, nodeById, ...derive(edges, nodeById, focus, query, graph) });
        return;
      }
      // The first layout of a big graph takes seconds: the page says how big while it waits.
      if (get().status !== 'ready') set({ status: 'laying-out', graph, edges, nodeById });
      const positions = await runLayout({
        nodes: graph.nodes.map((n) => ({ id: n.id, kind: n.kind })),
        edges: edges.map((e) => ({ from: e.from, to: e.to })),
      });
      if (mine !== generation || !active) return;
      shape = nextShape;
      set((s) => ({
        status: 'ready',
        error: null,
        graph,
        edges,
        nodeById,
        positions,
        layoutVersion: s.layoutVersion + 1,
        ...derive(edges, nodeById, s.focus, s.query, graph),
      }));
    } catch (error) {
      if (mine !== generation) return;
      set((s) => ({ status: s.status === 'ready' ? 'ready' : 'error', error: errorMessage(error) }));
    } finally {
      lastCostMs = performance.now() - started;
      inFlight = false;
      if (again && active) {
        again = false;
        schedule();
      }
    }
  };

  const schedule = () => {
    if (!active) return;
    if (inFlight) {
      again = true;
      return;
    }
    if (timer) return;
    const wait = Math.max(MIN_REFETCH_INTERVAL_MS, 2 * lastCostMs) - (Date.now() - lastStart);
    timer = setTimeout(() => {
      timer = undefined;
      void fetchGraph();
    }, Math.max(0, wait));
  };

  return {
    status: 'idle',
    error: null,
    graph: EMPTY,
    nodeById: new Map(),
    edges: [],
    positions: {},
    layoutVersion: 0,
    focus: null,
    query: '',
    highlight: null,
    matches: null,
    matchSet: null,

    open: () => {
      active = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      void fetchGraph();
    },

    close: () => {
      active = false;
      again = false;
      generation++;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },

    changed: schedule,

    setView: (focus, query) => {
      const s = get();
      if (s.focus === focus && s.query === query) return;
      set({ focus, query, ...derive(s.edges, s.nodeById, focus, query, s.graph) });
    },
  };
});

/** How one node is drawn given the focus and the search: read per visible node. */
export function nodeTone(s: Pick<LineageState, 'focus' | 'highlight' | 'matchSet'>, id: string): NodeTone {
  if (s.focus === id) return 'focus';
  if (s.matchSet) {
    if (!s.matchSet.has(id)) return 'dim';
    if (!s.highlight || s.highlight.nodes.has(id)) return 'match';
  }
  if (s.highlight) return s.highlight.nodes.has(id) ? 'lit' : 'dim';
  return '';
}

export function edgeTone(s: Pick<LineageState, 'highlight' | 'matchSet'>, id: string): 'lit' | 'dim' | '' {
  if (s.highlight) return s.highlight.edges.has(id) ? 'lit' : 'dim';
  if (s.matchSet) return 'dim';
  return '';
}
