// The React Flow canvas. Nodes and edges are built once per graph and layout; focus and search
// restyle through the store (see lineage-nodes.tsx), so they never rebuild these arrays. Only
// nodes and edges in view are rendered, which is what keeps 5,000 nodes panning smoothly.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Theme } from '../../stores/ui-store';
import { useLineageStore } from '../../stores/lineage-store';
import { lineageEdgeTypes, type LineageFlowEdge } from './lineage-edge';
import type { LineageNode } from '../../../../src-shared/domain';
import { NODE_SIZE, type Positions } from './lineage-layout';
import { lineageNodeTypes, type LineageFlowNode } from './lineage-nodes';

/** Up to this many nodes the whole graph is fitted into view; past it labels would be unreadable. */
const FIT_ALL_NODES = 150;
/**
 * The minimap helps once the graph outgrows the window, and draws every node: cheap up to a
 * couple of thousand, a drag on panning past that.
 */
const MINIMAP_NODES = { from: 40, to: 2000 };
const READABLE_ZOOM = 0.8;
/** A focus brings its whole lit chain into view up to this many nodes; past it, the node alone. */
const FIT_CHAIN_NODES = 200;
const MIN_CHAIN_ZOOM = 0.4;

const MARKER = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: 'var(--lineage-edge)' } as const;

export function LineageCanvas({ theme, onNodeClick, onPaneClick }: { theme: Theme; onNodeClick: (id: string) => void; onPaneClick: () => void }) {
  const graph = useLineageStore((s) => s.graph);
  const edges = useLineageStore((s) => s.edges);
  const positions = useLineageStore((s) => s.positions);
  const layoutVersion = useLineageStore((s) => s.layoutVersion);
  const rootRef = useRef<HTMLDivElement>(null);

  const flowNodes = useMemo<LineageFlowNode[]>(
    () =>
      graph.nodes.map((node) => ({
        id: node.id,
        type: node.kind,
        position: positions[node.id] ?? { x: 0, y: 0 },
        data: { node },
        ...NODE_SIZE[node.kind],
        draggable: false,
        connectable: false,
      })),
    [graph, positions],
  );
  const flowEdges = useMemo<LineageFlowEdge[]>(
    () => edges.map((edge) => ({ id: edge.id, source: edge.from, target: edge.to, type: 'lineage', data: { edge }, markerEnd: MARKER, focusable: false })),
    [edges],
  );

  // Where the first drawing opens: the whole graph when it is small, else readable nodes at
  // the focused node or the graph's top-left corner. The canvas mounts once a layout exists;
  // later layouts (live changes) keep the user's viewport.
  const [start] = useState<{ fit: boolean; viewport: Viewport }>(() => {
    const focus = useLineageStore.getState().focus;
    const focused = focus ? positions[focus] : undefined;
    if (focused) {
      const width = window.innerWidth - 360;
      const height = window.innerHeight - 90;
      const x = focused.x + NODE_SIZE.run.width / 2;
      const y = focused.y + NODE_SIZE.run.height / 2;
      return { fit: false, viewport: { x: width / 2 - x * READABLE_ZOOM, y: height / 2 - y * READABLE_ZOOM, zoom: READABLE_ZOOM } };
    }
    const corner = topLeft(positions);
    return {
      fit: graph.nodes.length <= FIT_ALL_NODES,
      viewport: { x: 40 - corner.x * READABLE_ZOOM, y: 40 - corner.y * READABLE_ZOOM, zoom: READABLE_ZOOM },
    };
  });

  // A new focus (a click, a link) brings what it lights up into view when some of it is off
  // screen, for instance behind the panel that just opened. Two frames: the panel has to take
  // its width and React Flow to notice the narrower canvas first.
  const flow = useReactFlow();
  const focus = useLineageStore((s) => s.focus);
  useEffect(() => {
    const root = rootRef.current;
    if (!focus || !root) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const { highlight, positions: at, nodeById } = useLineageStore.getState();
        const chain = highlight && highlight.nodes.size <= FIT_CHAIN_NODES ? [...highlight.nodes] : [focus];
        const { x, y, zoom } = flow.getViewport();
        const inView = chain.every((id) => {
          const p = at[id];
          const node = nodeById.get(id);
          if (!p || !node) return true;
          const size = NODE_SIZE[node.kind];
          const left = p.x * zoom + x;
          const top = p.y * zoom + y;
          return left >= 0 && top >= 0 && left + size.width * zoom <= root.clientWidth && top + size.height * zoom <= root.clientHeight;
        });
        if (inView) return;
        // A chain that only fits far zoomed out (a shared source thousands of rows away) is
        // not shown whole: the focused node is centred at the current zoom instead.
        const fit = fitViewport(chain.map((id) => nodeById.get(id)).filter((n) => n !== undefined), at, root.clientWidth, root.clientHeight);
        if (fit.zoom >= MIN_CHAIN_ZOOM) {
          void flow.setViewport(fit, { duration: 250 });
          return;
        }
        const p = at[focus];
        const node = nodeById.get(focus);
        if (p && node) void flow.setCenter(p.x + NODE_SIZE[node.kind].width / 2, p.y + NODE_SIZE[node.kind].height / 2, { zoom, duration: 250 });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [focus, flow]);

  // The first drawing of a small graph fits it into view, then marks the page drawn (for tests
  // and the benchmark) once the browser has painted. The fit is computed here from the layout:
  // React Flow's own measures only nodes already rendered, and with `onlyRenderVisibleElements`
  // those are the ones the default viewport happens to show.
  useEffect(() => {
    const root = rootRef.current;
    if (!root || layoutVersion === 0) return;
    let cancelled = false;
    let frame = 0;
    const markDrawn = () => {
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          if (!cancelled) root.setAttribute('data-drawn', String(layoutVersion));
        });
      });
    };
    if (start.fit && !root.hasAttribute('data-drawn')) {
      const { graph: g, positions: at } = useLineageStore.getState();
      void flow.setViewport(fitViewport(g.nodes, at, root.clientWidth, root.clientHeight));
    }
    markDrawn();
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [layoutVersion, flowNodes, flow, start.fit]);

  return (
    <div className="lineage-canvas" ref={rootRef} data-testid="lineage-canvas" data-nodes={graph.nodes.length} data-edges={edges.length}>
      <ReactFlow
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={lineageNodeTypes}
        edgeTypes={lineageEdgeTypes}
        colorMode={theme}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        defaultViewport={start.viewport}
        minZoom={0.05}
        maxZoom={2}
        onNodeClick={(_, node) => onNodeClick(node.id)}
        onPaneClick={onPaneClick}
        proOptions={{ hideAttribution: false }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        {graph.nodes.length >= MINIMAP_NODES.from && graph.nodes.length <= MINIMAP_NODES.to && <MiniMap pannable zoomable position="bottom-right" style={{ width: 180, height: 120 }} nodeClassName={(n) => `lineage-minimap-node lineage-minimap-node--${n.type}`} />}
      </ReactFlow>
    </div>
  );
}

function topLeft(positions: Record<string, { x: number; y: number }>): { x: number; y: number } {
  let x = Infinity;
  let y = Infinity;
  for (const p of Object.values(positions)) {
    if (p.x < x) x = p.x;
    if (p.y < y) y = p.y;
  }
  return Number.isFinite(x) ? { x, y } : { x: 0, y: 0 };
}

/** The viewport that shows every node with a margin, never zoomed in past 110%. */
function fitViewport(nodes: readonly LineageNode[], positions: Positions, width: number, height: number): Viewport {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    const p = positions[n.id];
    if (!p) continue;
    const size = NODE_SIZE[n.kind];
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y - 12); // the badge on the node's top edge
    maxX = Math.max(maxX, p.x + size.width);
    maxY = Math.max(maxY, p.y + size.height);
  }
  if (!Number.isFinite(minX)) return { x: 0, y: 0, zoom: 1 };
  const margin = 40;
  const zoom = Math.min(1.1, (width - 2 * margin) / (maxX - minX), (height - 2 * margin) / (maxY - minY));
  return { x: (width - (maxX - minX) * zoom) / 2 - minX * zoom, y: (height - (maxY - minY) * zoom) / 2 - minY * zoom, zoom };
}
