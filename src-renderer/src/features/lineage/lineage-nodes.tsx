// One component per node kind, each its own shape: a dataset is a rounded box with a database
// glyph, an artifact a page with a folded corner, a run a plain rectangle with its colour and
// status, a model a pill. Nodes read their tone (lit, dim, match) from the store by id, so a
// focus or a search re-renders only the nodes on screen, never the canvas's node list.
import { memo, type ReactNode } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { LineageNode } from '../../../../src-shared/domain';
import { NewerDataBadge } from '../../components/newer-data-badge';
import { useRunColor } from '../../components/run-colors';
import { useLineageStore, nodeTone } from '../../stores/lineage-store';
import { useRunsStore } from '../../stores/runs-store';

export type LineageFlowNode = Node<{ node: LineageNode }, LineageNode['kind']>;

const GLYPHS: Record<LineageNode['kind'], ReactNode> = {
  dataset: (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden>
      <ellipse cx="7" cy="3" rx="5" ry="2" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <path d="M2 3 V11 A5 2 0 0 0 12 11 V3 M2 7 A5 2 0 0 0 12 7" fill="none" stroke="currentColor" strokeWidth="1.3" />
    </svg>
  ),
  artifact: (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden>
      <path d="M3 1.5 H8.5 L11.5 4.5 V12.5 H3 Z M8.5 1.5 V4.5 H11.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
    </svg>
  ),
  run: (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden>
      <path d="M4 2.5 L11 7 L4 11.5 Z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
    </svg>
  ),
  model: (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden>
      <path d="M7 1.2 L12 4.1 V9.9 L7 12.8 L2 9.9 V4.1 Z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
    </svg>
  ),
};

function Frame({ node, accent, children }: { node: LineageNode; accent?: ReactNode; children?: ReactNode }) {
  const tone = useLineageStore((s) => nodeTone(s, node.id));
  const superseded = node.kind === 'dataset' && node.newerVersion;
  return (
    <div
      className={`lineage-node lineage-node--${node.kind}${tone ? ` lineage-node--${tone}` : ''}`}
      data-testid="lineage-node"
      data-kind={node.kind}
      data-node-id={node.id}
      data-tone={tone}
      data-newer-data={node.newerDataAvailable ? 'true' : undefined}
      data-newer-version={superseded ? 'true' : undefined}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {accent}
      <span className="lineage-node__glyph">{GLYPHS[node.kind]}</span>
      <span className="lineage-node__text">
        <span className="lineage-node__label" title={node.label}>
          {node.label}
        </span>
        <span className="lineage-node__detail" title={node.detail}>
          {children ?? node.detail}
        </span>
      </span>
      {node.version !== undefined && (
        <span className="lineage-node__version" title={`Version ${node.version}`} data-testid="lineage-node-version">
          v{node.version}
        </span>
      )}
      {(node.newerDataAvailable || superseded) && (
        <span className="lineage-node__badge">
          {superseded ? <NewerDataBadge kind="version" testId="lineage-newer-version" /> : <NewerDataBadge testId="lineage-newer-data" />}
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

function RunNode({ data }: NodeProps<LineageFlowNode>) {
  const { node } = data;
  const runColor = useRunColor();
  const run = useRunsStore((s) => (node.runId ? s.byId[node.runId] : undefined));
  return (
    <Frame node={node} accent={<span className="lineage-node__swatch" style={{ background: node.runId ? runColor(node.runId) : undefined }} aria-hidden />}>
      {run ? (
        <>
          <span className={`lineage-node__status lineage-node__status--${run.status.toLowerCase()}`}>{run.status.toLowerCase()}</span> · {run.experiment}
        </>
      ) : (
        node.detail
      )}
    </Frame>
  );
}

/** MLflow's `LOGGED_MODEL_READY` reads as "ready"; other details as they are. */
export function modelDetail(detail: string): string {
  const status = /^LOGGED_MODEL_(\w+)$/.exec(detail)?.[1];
  return status ? status.toLowerCase().replaceAll('_', ' ') : detail;
}

function ModelNode({ data }: NodeProps<LineageFlowNode>) {
  return <Frame node={data.node}>{modelDetail(data.node.detail)}</Frame>;
}

function PlainNode({ data }: NodeProps<LineageFlowNode>) {
  return <Frame node={data.node} />;
}

export const lineageNodeTypes = {
  dataset: memo(PlainNode),
  artifact: memo(PlainNode),
  run: memo(RunNode),
  model: memo(ModelNode),
};
