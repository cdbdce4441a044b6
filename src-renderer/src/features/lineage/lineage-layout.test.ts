import { describe, expect, it } from 'vitest';
import { drawnEdges } from './lineage-graph';
import { samplePipeline } from '../../test-support/lineage-fixture';
import { layoutLineage, NODE_SIZE } from './lineage-layout';

describe('lineage layout', () => {
  const graph = samplePipeline();
  const edges = drawnEdges(graph).map((e) => ({ from: e.from, to: e.to }));
  const at = layoutLineage({ nodes: graph.nodes, edges });

  it('places every node, data flowing left to right', () => {
    expect(Object.keys(at).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const x = (id: string) => at[id]!.x;
    expect(x('dataset:raw1')).toBeLessThan(x('run:A'));
    expect(x('run:A')).toBeLessThan(x('dataset:clean1'));
    expect(x('dataset:clean1')).toBeLessThan(x('run:C'));
    expect(x('run:C')).toBeLessThan(x('model:M'));
  });

  it('overlaps no two nodes', () => {
    const boxes = graph.nodes.map((n) => ({ ...at[n.id]!, ...NODE_SIZE[n.kind] }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${graph.nodes[i]!.id} / ${graph.nodes[j]!.id}`).toBe(true);
      }
    }
  });
});
