import { describe, expect, it } from 'vitest';
import type { LineageGraph, LineageNode } from '../../../../src-shared/domain';
import { usageFromGraph } from './version-usage';

const node = (id: string, kind: LineageNode['kind'], label: string, extra: Partial<LineageNode> = {}): LineageNode => ({
  id,
  kind,
  label,
  detail: '',
  newerVersion: false,
  newerDataAvailable: false,
  ...extra,
});

describe('usageFromGraph', () => {
  it('names the runs that read a version (with their context) and the run that made it', () => {
    const graph: LineageGraph = {
      nodes: [
        node('dataset:1', 'dataset', 'raw'),
        node('dataset:2', 'dataset', 'clean'),
        node('run:prep', 'run', 'prepare', { runId: 'prep' }),
        node('run:t1', 'run', 'train-1', { runId: 't1' }),
        node('run:t2', 'run', 'train-2', { runId: 't2' }),
      ],
      edges: [
        { from: 'dataset:1', to: 'run:prep', kind: 'input', context: null },
        { from: 'run:prep', to: 'dataset:2', kind: 'output', context: null },
        { from: 'dataset:1', to: 'dataset:2', kind: 'derived', context: null, viaRunId: 'prep' },
        { from: 'dataset:2', to: 'run:t1', kind: 'input', context: 'train' },
        { from: 'dataset:2', to: 'run:t2', kind: 'input', context: 'validation' },
      ],
    };
    expect(usageFromGraph(graph, 2)).toEqual({
      usedBy: [
        { runId: 't1', name: 'train-1', context: 'train' },
        { runId: 't2', name: 'train-2', context: 'validation' },
      ],
      producedBy: [{ runId: 'prep', name: 'prepare', context: null }],
    });
    expect(usageFromGraph(graph, 1)).toEqual({ usedBy: [{ runId: 'prep', name: 'prepare', context: null }], producedBy: [] });
  });

  it('falls back to the id in the node id when the run node is missing', () => {
    const graph: LineageGraph = { nodes: [], edges: [{ from: 'dataset:3', to: 'run:abc', kind: 'input', context: null }] };
    expect(usageFromGraph(graph, 3).usedBy).toEqual([{ runId: 'abc', name: 'abc', context: null }]);
  });
});
