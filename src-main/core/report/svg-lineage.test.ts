import { describe, expect, it } from 'vitest';
import type { LineageEdge, LineageNode } from '../../../src-shared/domain';
import { useTempDirs } from '../test-support/temp-dir';
import { coreWithRuns } from '../test-support/report-fixture';
import { buildReportData, type RunLineage } from './report-data';
import { lineageSvg } from './svg-lineage';

const tempDir = useTempDirs();

interface Box {
  node: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Each node group's id and its box, read back from the markup. */
function boxes(svg: string): Box[] {
  return [...svg.matchAll(/<g data-node="([^"]+)"[^>]*><title>[^<]*<\/title><rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/g)].map((m) => ({
    node: m[1]!,
    x: Number(m[2]),
    y: Number(m[3]),
    width: Number(m[4]),
    height: Number(m[5]),
  }));
}

/** Well-formed enough to stand as an .svg file: tags balance, no raw `&` or `<` in text. */
function expectWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^<>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  const text = svg.replace(/<[^<>]*>/g, '');
  expect(text).not.toMatch(/<|>|&(?!amp;|lt;|gt;|quot;|#39;)/);
}

const node = (id: string, kind: LineageNode['kind'], label: string, detail = ''): LineageNode => ({ id, kind, label, detail, newerVersion: false, newerDataAvailable: false });
const edge = (from: string, to: string, kind: LineageEdge['kind'] = 'input'): LineageEdge => ({ from, to, kind, context: null });

describe('lineageSvg', () => {
  it("draws the fixture's chain raw → prep → clean → a left to right, the run highlighted", async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const data = buildReportData(core.store, { runs: { ids: [ids.a!, ids.c!] }, lineage: true });
    const svg = lineageSvg(data.lineage![0]!, 'a');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expectWellFormed(svg);
    const placed = boxes(svg);
    const label = (b: Box) => data.lineage![0]!.graph.nodes.find((n) => n.id === b.node)!.label;
    expect([...placed].sort((p, q) => p.x - q.x).map(label)).toEqual(['raw', 'prep', 'clean', 'a']);
    expect(new Set(placed.map((b) => b.y)).size).toBe(1);
    expect(svg).toMatch(new RegExp(`data-node="run:${ids.a}" data-kind="run" data-focus="true"`));
    expect(svg.match(/data-focus/g)).toHaveLength(1);
    // raw → prep, prep → clean, clean → a; the derived raw → clean shortcut is not drawn.
    const graph = data.lineage![0]!.graph;
    expect(graph.edges.some((e) => e.kind === 'derived')).toBe(true);
    expect(svg.match(/<g data-edge=/g)).toHaveLength(3);
    expect(svg).toContain('<title>Inputs of a</title>');
    // The SVG is as large as its layout: four columns, one row.
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    expect(width).toBe(Math.max(...placed.map((b) => b.x + b.width)) + 12);
    expect(height).toBe(Math.max(...placed.map((b) => b.y + b.height)) + 12);
    // A run without recorded inputs has no picture.
    expect(lineageSvg(data.lineage![1]!, 'c')).toBe('');
    await core.close();
  });

  it('lays a wide graph out without overlaps, every arrow pointing right', () => {
    const nodes = [
      ...['d1', 'd2', 'd3', 'd4'].map((d) => node(`dataset:${d}`, 'dataset', d, 'sha256:00')),
      node('run:p', 'run', 'prep', 'exp · FINISHED'),
      node('dataset:out', 'dataset', 'features'),
      node('model:m', 'model', 'base-model', 'pytorch'),
      node('run:r', 'run', 'train', 'exp · RUNNING'),
    ];
    const edges = [
      edge('dataset:d1', 'run:p'),
      edge('dataset:d2', 'run:p'),
      edge('run:p', 'dataset:out', 'output'),
      edge('run:p', 'model:m', 'output'),
      edge('dataset:d3', 'run:r'),
      edge('dataset:d4', 'run:r'),
      edge('dataset:out', 'run:r'),
      edge('model:m', 'run:r'),
      edge('dataset:d1', 'dataset:out', 'derived'),
    ];
    const lineage: RunLineage = { runId: 'r', graph: { nodes, edges } };
    const svg = lineageSvg(lineage, 'train');
    expectWellFormed(svg);
    const placed = boxes(svg);
    expect(placed).toHaveLength(nodes.length);
    for (const [i, p] of placed.entries()) {
      for (const q of placed.slice(i + 1)) {
        const apart = p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
        expect(apart, `${p.node} overlaps ${q.node}`).toBe(true);
      }
    }
    const at = new Map(placed.map((b) => [b.node, b]));
    for (const e of edges.filter((x) => x.kind !== 'derived')) expect(at.get(e.from)!.x, `${e.from} → ${e.to}`).toBeLessThan(at.get(e.to)!.x);
    // Longest path: d3 feeds the run directly but sits in the first column with d1 and d2.
    expect(at.get('dataset:d3')!.x).toBe(at.get('dataset:d1')!.x);
    expect(at.get('run:r')!.x).toBeGreaterThan(at.get('model:m')!.x);
    expect(svg.match(/<g data-edge=/g)).toHaveLength(8);
    // d3 → train crosses two columns: it runs straight through an empty place in each, never behind a box.
    const path = (from: string, to: string) => new RegExp(`data-edge="${from} ${to}"><title>[^<]*</title><path d="([^"]+)"`).exec(svg)![1]!;
    const straight = [...path('dataset:d3', 'run:r').matchAll(/(-?[\d.]+) (-?[\d.]+) L(-?[\d.]+) (-?[\d.]+)/g)].map((m) => m.slice(1).map(Number));
    expect(straight).toHaveLength(2);
    for (const [x1, y1, x2, y2] of straight) {
      expect(y1).toBe(y2);
      const inside = placed.filter((b) => b.x < (x1! + x2!) / 2 && (x1! + x2!) / 2 < b.x + b.width && b.y <= y1! && y1! <= b.y + b.height);
      expect(inside.map((b) => b.node)).toEqual([]);
    }
    // Kinds are told apart by shape as well as colour.
    const rx = (id: string) => new RegExp(`data-node="${id}"[^>]*><title>[^<]*</title><rect [^>]*rx="(\\d+)"`).exec(svg)![1];
    expect(new Set([rx('dataset:d1'), rx('run:p'), rx('model:m')]).size).toBe(3);
    // Same graph, same bytes.
    expect(lineageSvg({ runId: 'r', graph: { nodes: [...nodes], edges: [...edges] } }, 'train')).toBe(svg);
  });

  it('escapes and shortens labels, and flags newer data', () => {
    const long = `<script>alert("x")</script> & ${'very long dataset name '.repeat(3)}`;
    const nodes = [{ ...node('dataset:1', 'dataset', long, 'a & b'), newerVersion: true }, node('run:x', 'run', "o'brien")];
    const svg = lineageSvg({ runId: 'x', graph: { nodes, edges: [edge('dataset:1', 'run:x')] } }, 'run <x> & "y"');
    expectWellFormed(svg);
    expect(svg).not.toContain('<script>');
    const shown = /font-weight="600" fill="#1b1f24">([^<]*)<\/text>/g;
    const labels = [...svg.matchAll(shown)].map((m) => m[1]!);
    expect(labels).toContain('Inputs of run &lt;x&gt; &amp; &quot;y&quot;');
    const cut = labels.find((l) => l.startsWith('&lt;script'))!;
    expect(cut.endsWith('…')).toBe(true);
    expect([...cut.replace(/&[a-z0-9#]+;/g, '_')]).toHaveLength(25);
    expect(labels).toContain('o&#39;brien');
    // The full label stays in the hover text; the stale input gets its dot.
    expect(svg).toContain(`<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; very long dataset name`);
    expect(svg).toContain('a newer version exists');
    expect(svg.match(/<circle /g)).toHaveLength(1);
  });

  it('draws nothing for an empty graph or a lone node', () => {
    expect(lineageSvg({ runId: 'x', graph: { nodes: [], edges: [] } }, 'x')).toBe('');
    expect(lineageSvg({ runId: 'x', graph: { nodes: [node('run:x', 'run', 'x')], edges: [] } }, 'x')).toBe('');
  });
});
