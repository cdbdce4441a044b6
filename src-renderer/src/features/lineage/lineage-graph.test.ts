import { describe, expect, it } from 'vitest';
import { drawnEdges, focusDirection, focusHighlight, runsUsingDataset, searchMatches } from './lineage-graph';
import { samplePipeline } from '../../test-support/lineage-fixture';

const graph = samplePipeline();
const edges = drawnEdges(graph);

function litPairs(focus: string) {
  const node = graph.nodes.find((n) => n.id === focus)!;
  const lit = focusHighlight(edges, focus, focusDirection(node.kind));
  return {
    nodes: [...lit.nodes].sort(),
    edges: edges.filter((e) => lit.edges.has(e.id)).map((e) => `${e.from}>${e.to}`).sort(),
  };
}

describe('drawn edges', () => {
  it('leaves out a derived edge its run already draws, keeps one whose run is missing', () => {
    expect(edges.map((e) => e.kind)).not.toContain('derived');
    expect(edges).toHaveLength(5);
    const withoutRun = { ...graph, nodes: graph.nodes.filter((n) => n.id !== 'run:A') };
    expect(drawnEdges(withoutRun).map((e) => `${e.kind} ${e.from}>${e.to}`)).toEqual([
      'derived dataset:raw1>dataset:clean1',
      'input dataset:clean1>run:B',
      'input dataset:clean1>run:C',
      'output run:C>model:M',
    ]);
  });

  it('drops edges to nodes not in the graph, self loops and duplicates', () => {
    const messy = { nodes: graph.nodes, edges: [...graph.edges, graph.edges[0]!, { from: 'run:A', to: 'run:A', kind: 'output' as const, context: null }, { from: 'run:gone', to: 'run:A', kind: 'input' as const, context: null }] };
    expect(drawnEdges(messy)).toHaveLength(5);
  });
});

describe('focus', () => {
  it('a model lights up what made it: raw → A → clean → C → model', () => {
    expect(litPairs('model:M')).toEqual({
      nodes: ['dataset:clean1', 'dataset:raw1', 'model:M', 'run:A', 'run:C'],
      edges: ['dataset:clean1>run:C', 'dataset:raw1>run:A', 'run:A>dataset:clean1', 'run:C>model:M'],
    });
  });

  it('a dataset lights up what it fed', () => {
    expect(litPairs('dataset:clean1').nodes).toEqual(['dataset:clean1', 'model:M', 'run:B', 'run:C']);
    expect(litPairs('dataset:raw2')).toEqual({ nodes: ['dataset:raw2'], edges: [] });
  });

  it('a run lights up both ways, and not an edge that bypasses it', () => {
    const bypass = { ...graph, edges: [...graph.edges, { from: 'dataset:raw1', to: 'run:B', kind: 'input' as const, context: null }] };
    const all = drawnEdges(bypass);
    const lit = focusHighlight(all, 'run:A', 'both');
    expect([...lit.nodes].sort()).toEqual(['dataset:clean1', 'dataset:raw1', 'model:M', 'run:A', 'run:B', 'run:C']);
    expect(all.filter((e) => lit.edges.has(e.id)).map((e) => `${e.from}>${e.to}`)).not.toContain('dataset:raw1>run:B');
  });

  it('walks a 5,000-node cycle once', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => ({ id: `e${i}`, from: `n${i}`, to: `n${(i + 1) % 5000}`, kind: 'input' as const, context: null }));
    const lit = focusHighlight(chain, 'n10', 'upstream');
    expect(lit.nodes.size).toBe(5000);
    expect(lit.edges.size).toBe(5000);
  });
});

describe('search and compare', () => {
  it('matches every word of the query in labels and dataset names', () => {
    expect(searchMatches(graph.nodes, 'RAW')).toEqual(['dataset:raw1', 'dataset:raw2']);
    expect(searchMatches(graph.nodes, 'train large')).toEqual(['run:C']);
    expect(searchMatches(graph.nodes, '  ')).toEqual([]);
  });

  it('finds the runs fed by any version of a dataset', () => {
    expect(runsUsingDataset(graph, 'clean.csv')).toEqual(['B', 'C']);
    expect(runsUsingDataset(graph, 'raw.csv')).toEqual(['A']);
  });
});
