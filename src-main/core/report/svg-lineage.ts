// One run's upstream lineage as a standalone SVG for reports: datasets, runs and models as boxes
// in columns left → right, arrows for reads and writes. The app lays its lineage page out with
// dagre in the renderer; a report's graphs are small (one run's inputs), so a longest-path
// layering with one ordering pass is enough here and keeps the output a pure function of the
// graph: the same lineage gives the same bytes.
import type { LineageEdge, LineageNode, LineageNodeKind } from '../../../src-shared/domain';
import { runNodeId } from '../lineage/node-ids';
import type { RunLineage } from './report-data';
import { escapeXml, truncate } from './xml-text';

const BOX = { width: 200, height: 46 };
/** Column gap: room for an arrow's curve. Row pitch is even so half of it stays an integer. */
const GAP_X = 56;
const ROW = 60;
const MARGIN = 12;
const HEADER = 28;
const ARROW = 7;
/** Characters that fit the box at the font sizes below (12px bold label, 10px detail). */
const LABEL_CHARS = 25;
const DETAIL_CHARS = 31;
const TITLE_CHARS = 48;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

interface BoxStyle {
  fill: string;
  stroke: string;
  rx: number;
  dash?: string;
}

/** Shapes echo the app's lineage page (datasets rounded, runs square, models pills) so the
 * kinds stay apart in black-and-white print too; colours are the page's light-theme accents. */
const KIND_STYLE: Record<LineageNodeKind, BoxStyle> = {
  dataset: { fill: '#e7f4f2', stroke: '#0f8a7e', rx: 12 },
  artifact: { fill: '#f6f7f8', stroke: '#8a8f98', rx: 3, dash: '4 3' },
  run: { fill: '#f3f4f6', stroke: '#4e5a6b', rx: 4 },
  model: { fill: '#f1ecfa', stroke: '#7a4fc4', rx: 23 },
};
const FOCUS_STYLE: BoxStyle = { fill: '#e6effc', stroke: '#1f6feb', rx: 4 };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Column of each node: the longest path reaching it from a node without inputs, so every arrow
 * points right. Kahn's order; a cycle (not expected in lineage, but not trusted away either)
 * leaves its nodes after everything they read from.
 */
function columns(nodes: readonly LineageNode[], edges: readonly LineageEdge[]): Map<string, number> {
  const preds = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const succs = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    preds.get(e.to)!.push(e.from);
    succs.get(e.from)!.push(e.to);
  }
  const waiting = new Map(nodes.map((n) => [n.id, preds.get(n.id)!.length]));
  const col = new Map<string, number>();
  const place = (id: string) => col.set(id, Math.max(0, ...preds.get(id)!.filter((p) => col.has(p)).map((p) => col.get(p)! + 1)));
  const ready = nodes.filter((n) => waiting.get(n.id) === 0).map((n) => n.id);
  while (ready.length > 0) {
    const id = ready.shift()!;
    place(id);
    for (const s of succs.get(id)!) {
      waiting.set(s, waiting.get(s)! - 1);
      if (waiting.get(s) === 0) ready.push(s);
    }
  }
  for (const n of nodes) if (!col.has(n.id)) place(n.id);
  return col;
}

/** What takes a place in a column: a node, or a waypoint of an arrow passing that column. */
type Slot = Pick<LineageNode, 'id' | 'kind' | 'label'>;
type Link = Pick<LineageEdge, 'from' | 'to'>;

/**
 * An arrow spanning several columns gets a waypoint in each column it crosses, which takes a
 * row there like a box does (as in Sugiyama layouts such as dagre's), so the arrow passes
 * through an empty place instead of behind a box.
 */
function waypoints(edges: readonly LineageEdge[], col: Map<string, number>): { slots: Slot[]; links: Link[]; via: Map<LineageEdge, string[]> } {
  const slots: Slot[] = [];
  const links: Link[] = [];
  const via = new Map<LineageEdge, string[]>();
  edges.forEach((e, i) => {
    const ids: string[] = [];
    for (let c = col.get(e.from)! + 1; c < col.get(e.to)!; c++) {
      const id = `~${i}:${c}`;
      // Waypoints sort after boxes of the same pull, so boxes keep the upper rows.
      slots.push({ id, kind: 'run', label: '\uffff' });
      col.set(id, c);
      ids.push(id);
    }
    const chain = [e.from, ...ids, e.to];
    for (let k = 1; k < chain.length; k++) links.push({ from: chain[k - 1]!, to: chain[k]! });
    via.set(e, ids);
  });
  return { slots, links, via };
}

/** Rows within each column: by the mean row of what a slot reads from, to keep arrows short. */
function rows(nodes: readonly Slot[], edges: readonly Link[], col: Map<string, number>): Map<string, number> {
  const preds = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) preds.get(e.to)!.push(e.from);
  const row = new Map<string, number>();
  const depth = Math.max(...col.values()) + 1;
  for (let c = 0; c < depth; c++) {
    const here = nodes.filter((n) => col.get(n.id) === c);
    const centre = (n: Slot) => {
      const placed = preds.get(n.id)!.filter((p) => row.has(p)).map((p) => row.get(p)!);
      return placed.length === 0 ? Infinity : placed.reduce((s, r) => s + r, 0) / placed.length;
    };
    const keyed = here.map((n) => ({ n, centre: centre(n) }));
    keyed.sort((a, b) => a.centre - b.centre || byText(a.n.kind, b.n.kind) || byText(a.n.label, b.n.label) || byText(a.n.id, b.n.id));
    keyed.forEach(({ n }, i) => row.set(n.id, i));
  }
  return row;
}

function nodeSvg(n: LineageNode, x: number, y: number, focus: boolean): string {
  const s = focus ? FOCUS_STYLE : KIND_STYLE[n.kind];
  const newer = n.newerVersion || n.newerDataAvailable;
  const detail = [n.kind, n.detail].filter((t) => t.length > 0).join(' · ');
  const hover = [n.label, detail, newer ? (n.newerVersion ? 'a newer version exists' : 'newer data upstream') : ''].filter((t) => t.length > 0).join('\n');
  return [
    `<g data-node="${escapeXml(n.id)}" data-kind="${n.kind}"${focus ? ' data-focus="true"' : ''}>`,
    `<title>${escapeXml(hover)}</title>`,
    `<rect x="${x}" y="${y}" width="${BOX.width}" height="${BOX.height}" rx="${s.rx}" fill="${s.fill}" stroke="${s.stroke}" stroke-width="${focus ? 2.5 : 1.5}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    `<text x="${x + 10}" y="${y + 19}" font-size="12" font-weight="600" fill="#1b1f24">${escapeXml(truncate(n.label, LABEL_CHARS))}</text>`,
    `<text x="${x + 10}" y="${y + 35}" font-size="10" fill="#59636e">${escapeXml(truncate(detail, DETAIL_CHARS))}</text>`,
    // An amber dot flags stale inputs, as the app's badge does; the hover text says which kind.
    newer ? `<circle cx="${x + BOX.width - 9}" cy="${y + 9}" r="4" fill="#d4a61c"/>` : '',
    '</g>',
  ].join('');
}

type Point = { x: number; y: number };

/** A curve from one box's right side to the next left side, straight across each waypoint's place. */
function edgeSvg(e: LineageEdge, from: Point, passes: readonly Point[], to: Point): string {
  const mid = (p: Point) => p.y + BOX.height / 2;
  const x2 = to.x;
  const y2 = mid(to);
  const tip = x2 - ARROW;
  const hops = [{ x: from.x + BOX.width, y: mid(from) }, ...passes.flatMap((p) => [{ x: p.x, y: mid(p) }, { x: p.x + BOX.width, y: mid(p) }]), { x: tip, y: y2 }];
  let d = `M${hops[0]!.x} ${hops[0]!.y}`;
  for (let k = 1; k < hops.length; k++) {
    const a = hops[k - 1]!;
    const b = hops[k]!;
    // Odd hops cross a gap between columns (a curve); even ones run along a waypoint (straight).
    if (k % 2 === 0) d += ` L${b.x} ${b.y}`;
    else {
      const bend = Math.max(20, Math.round((b.x - a.x) / 2));
      d += ` C${a.x + bend} ${a.y} ${b.x - bend} ${b.y} ${b.x} ${b.y}`;
    }
  }
  const label = `${e.kind === 'input' ? 'read' : 'wrote'}${e.context ? ` (${e.context})` : ''}`;
  return [
    `<g data-edge="${escapeXml(`${e.from} ${e.to}`)}">`,
    `<title>${escapeXml(label)}</title>`,
    `<path d="${d}" fill="none" stroke="#8a8f98" stroke-width="1.5"/>`,
    `<path d="M${tip} ${y2 - 4} L${x2} ${y2} L${tip} ${y2 + 4} Z" fill="#8a8f98"/>`,
    '</g>',
  ].join('');
}

/**
 * The run's upstream graph as an SVG document (also valid inline in HTML: no ids, no <style>,
 * so several on one page cannot clash), or '' when the run has no recorded inputs — a lone box
 * says nothing. Derived edges are left out: they shortcut a run that is drawn anyway.
 */
export function lineageSvg(lineage: RunLineage, runName: string): string {
  const { nodes } = lineage.graph;
  const present = new Set(nodes.map((n) => n.id));
  const edges = lineage.graph.edges.filter((e) => e.kind !== 'derived' && present.has(e.from) && present.has(e.to));
  if (nodes.length === 0 || edges.length === 0) return '';

  const col = columns(nodes, edges);
  const { slots: passing, links, via } = waypoints(edges, col);
  const slots: Slot[] = [...nodes, ...passing];
  const row = rows(slots, links, col);
  const depth = Math.max(...col.values()) + 1;
  const perCol = Array.from({ length: depth }, (_, c) => slots.filter((n) => col.get(n.id) === c).length);
  const tallest = Math.max(...perCol);
  const pos = new Map(
    slots.map((n) => {
      const c = col.get(n.id)!;
      // Shorter columns are centred against the tallest.
      const offset = ((tallest - perCol[c]!) * ROW) / 2;
      return [n.id, { x: MARGIN + c * (BOX.width + GAP_X), y: MARGIN + HEADER + offset + row.get(n.id)! * ROW }];
    }),
  );
  const width = MARGIN * 2 + depth * BOX.width + (depth - 1) * GAP_X;
  const height = MARGIN * 2 + HEADER + (tallest - 1) * ROW + BOX.height;
  const focus = runNodeId(lineage.runId);
  const title = `Inputs of ${truncate(runName, TITLE_CHARS)}`;
  const ordered = [...nodes].sort((a, b) => col.get(a.id)! - col.get(b.id)! || row.get(a.id)! - row.get(b.id)!);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 14}" font-size="13" font-weight="600" fill="#1b1f24">${escapeXml(title)}</text>`,
    ...edges.map((e) => edgeSvg(e, pos.get(e.from)!, via.get(e)!.map((id) => pos.get(id)!), pos.get(e.to)!)),
    ...ordered.map((n) => nodeSvg(n, pos.get(n.id)!.x, pos.get(n.id)!.y, n.id === focus)),
    '</svg>',
    '',
  ].join('\n');
}
