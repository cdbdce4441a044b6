// The small lineage pipeline, for the lineage page's unit tests.
import type { LineageEdge, LineageGraph, LineageNode } from '../../../src-shared/domain';

function node(id: string, kind: LineageNode['kind'], label: string, extra: Partial<LineageNode> = {}): LineageNode {
  return { id, kind, label, detail: '', newerVersion: false, newerDataAvailable: false, ...extra };
}

function edge(from: string, to: string, kind: LineageEdge['kind'], context: string | null = null, viaRunId?: string): LineageEdge {
  return viaRunId ? { from, to, kind, context, viaRunId } : { from, to, kind, context };
}

/**
 * raw.csv v1 → run A → clean.csv → runs B and C (train) → model from C; raw.csv v2 exists, so
 * everything downstream of v1 has newer data available. Ids carry a prefix so pipelines can be
 * repeated in one graph.
 */
export function samplePipeline(prefix = ''): LineageGraph {
  const p = (id: string) => `${id.split(':')[0]}:${prefix}${id.split(':')[1]}`;
  const runExtra = (id: string) => ({ runId: `${prefix}${id}`, newerDataAvailable: true });
  return {
    nodes: [
      node(p('dataset:raw1'), 'dataset', 'raw.csv', { datasetName: `${prefix}raw.csv`, version: 1, newerVersion: true }),
      node(p('dataset:raw2'), 'dataset', 'raw.csv', { datasetName: `${prefix}raw.csv`, version: 2 }),
      node(p('run:A'), 'run', 'clean-data', runExtra('A')),
      node(p('dataset:clean1'), 'dataset', 'clean.csv', { datasetName: `${prefix}clean.csv`, version: 1, newerDataAvailable: true }),
      node(p('run:B'), 'run', 'train-small', runExtra('B')),
      node(p('run:C'), 'run', 'train-large', runExtra('C')),
      node(p('model:M'), 'model', 'classifier', { runId: `${prefix}C`, modelId: `${prefix}M`, newerDataAvailable: true }),
    ],
    edges: [
      edge(p('dataset:raw1'), p('run:A'), 'input'),
      edge(p('run:A'), p('dataset:clean1'), 'output'),
      edge(p('dataset:raw1'), p('dataset:clean1'), 'derived', null, `${prefix}A`),
      edge(p('dataset:clean1'), p('run:B'), 'input', 'train'),
      edge(p('dataset:clean1'), p('run:C'), 'input', 'train'),
      edge(p('run:C'), p('model:M'), 'output'),
    ],
  };
}
