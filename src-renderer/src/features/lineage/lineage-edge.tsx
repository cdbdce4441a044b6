// Edges: input and output solid, derived (dataset → dataset with no run drawn between) dashed,
// the context of an input (train, validation) as a label at the middle. Like nodes, an edge
// reads its tone from the store by id.
import { memo } from 'react';
import { EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { edgeTone, useLineageStore } from '../../stores/lineage-store';
import type { DrawnEdge } from './lineage-graph';

export type LineageFlowEdge = Edge<{ edge: DrawnEdge }, 'lineage'>;

function LineageEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd }: EdgeProps<LineageFlowEdge>) {
  const tone = useLineageStore((s) => edgeTone(s, id));
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const edge = data?.edge;
  const kind = edge?.kind ?? 'input';
  return (
    <>
      <path
        d={path}
        className={`lineage-edge lineage-edge--${kind}${tone ? ` lineage-edge--${tone}` : ''}`}
        markerEnd={markerEnd}
        fill="none"
        data-testid="lineage-edge"
        data-kind={kind}
        data-from={edge?.from}
        data-to={edge?.to}
        data-tone={tone}
      />
      {edge?.context && (
        <EdgeLabelRenderer>
          <span
            className={`lineage-edge-label${tone ? ` lineage-edge-label--${tone}` : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="lineage-edge-label"
          >
            {edge.context}
          </span>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const lineageEdgeTypes = { lineage: memo(LineageEdge) };
