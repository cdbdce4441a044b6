// One vertical axis per chosen param and a last one for a metric; each run is a polyline across
// them in its colour. The lines are painted on a canvas under an SVG of axes: drawn as 500 SVG
// paths they cost ~85 ms of paint per mouse move (the highlight's repaint re-rasterises every
// path under it), which the canvas, left alone while the mouse moves, does not. Hovering finds
// the nearest line arithmetically — the run's height between the two axes around the cursor —
// and draws that one again in the SVG. Dragging along an axis brushes a range; lines outside fade.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunSummary } from '../../../../src-shared/domain';
import { useRunColor } from '../../components/run-colors';
import { RunSwatch } from '../../components/run-swatch';
import { formatNumber } from '../../../../src-shared/format';
import { navigate } from '../../lib/hash-router';
import { useElementWidth } from '../../lib/use-element-width';
import type { PlotAxis, PlotValue } from './parallel-axes';

export interface ParallelAxis {
  id: string;
  label: string;
  axis: PlotAxis;
  /** Per run, the value the tooltip shows. */
  values: PlotValue[];
}

const HEIGHT = 320;
const PAD = { top: 36, bottom: 16, left: 64, right: 40 };
/** How far (px) from a line the cursor may be and still pick it, and from an axis to brush it. */
const HOVER_REACH = 10;
const BRUSH_REACH = 14;
/** A label wider than the gap between axes would run into the next one. */
const LABEL_CHARS = 22;

type Brushes = Record<string, [number, number]>;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** Moves a centred title sideways just enough to stay inside the plot (≈6.5 px a character). */
function titleShift(x: number, text: string, width: number): number {
  const half = (text.length * 6.5) / 2;
  return Math.max(half + 2 - x, 0) + Math.min(width - 2 - half - x, 0);
}
const valueText = (v: PlotValue) => (v === null || v === undefined ? '—' : typeof v === 'number' ? formatNumber(v) : v);

export function ParallelCoordinates({ runs, axes }: { runs: RunSummary[]; axes: ParallelAxis[] }) {
  const [frameRef, width] = useElementWidth<HTMLDivElement>();
  const runColor = useRunColor();
  const svgRef = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const [brushes, setBrushes] = useState<Brushes>({});
  const drag = useRef<{ axisId: string; from: number; moved: boolean } | null>(null);

  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const gap = axes.length > 1 ? (width - PAD.left - PAD.right) / (axes.length - 1) : 0;
  const axisX = (j: number) => (axes.length > 1 ? PAD.left + j * gap : width / 2);
  const toY = (pos: number) => PAD.top + (1 - pos) * plotHeight;
  const fromY = (y: number) => clamp01(1 - (y - PAD.top) / plotHeight);
  const labelChars = Math.max(6, Math.min(LABEL_CHARS, Math.floor(gap / 7)));

  const inBrush = useMemo(
    () =>
      runs.map((_, i) =>
        axes.every((a) => {
          const range = brushes[a.id];
          const pos = a.axis.positions[i];
          return !range || (pos !== null && pos !== undefined && pos >= range[0] && pos <= range[1]);
        }),
      ),
    [runs, axes, brushes],
  );

  const paths = useMemo(
    () =>
      runs.map((_, i) => {
        let d = '';
        let pen = false;
        axes.forEach((a, j) => {
          const pos = a.axis.positions[i];
          if (pos === null || pos === undefined) {
            pen = false;
            return;
          }
          d += `${pen ? 'L' : 'M'}${axisX(j).toFixed(1)},${toY(pos).toFixed(1)}`;
          pen = true;
        });
        return d;
      }),
    // axisX and toY depend on nothing but the width and the axes.
    [runs, axes, width],
  );

  const canvasRef = useRef<HTMLCanvasElement>(null);
  const hovering = hover !== null;
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(HEIGHT * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.lineWidth = 1.3;
    ctx.lineJoin = 'round';
    const opacity = runs.length > 150 ? 0.35 : runs.length > 30 ? 0.6 : 0.9;
    let drawn = 0;
    runs.forEach((run, i) => {
      if (!paths[i]) return;
      ctx.strokeStyle = runColor(run.id);
      ctx.globalAlpha = !inBrush[i] ? 0.05 : hovering ? 0.15 : opacity;
      ctx.stroke(new Path2D(paths[i]));
      drawn++;
    });
    // What was drawn, for tests and the curious: a canvas has no elements to count.
    canvas.dataset.lines = String(drawn);
  }, [runs, paths, inBrush, hovering, width, runColor]);

  /** The run whose line passes nearest (x, y), if within reach: its height is interpolated between the axes around x. */
  const nearest = (x: number, y: number): number | null => {
    if (axes.length === 0) return null;
    const j = axes.length === 1 ? 0 : Math.min(axes.length - 2, Math.max(0, Math.floor((x - PAD.left) / gap)));
    const t = axes.length === 1 ? 0 : clamp01((x - axisX(j)) / gap);
    let best: number | null = null;
    let bestDistance = HOVER_REACH;
    for (let i = 0; i < runs.length; i++) {
      if (!inBrush[i]) continue;
      const a = axes[j]!.axis.positions[i];
      const b = axes.length === 1 ? a : axes[j + 1]!.axis.positions[i];
      if (a === null || a === undefined || b === null || b === undefined) continue;
      const distance = Math.abs(toY(a + (b - a) * t) - y);
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    return best;
  };

  const local = (e: React.PointerEvent) => {
    const box = svgRef.current!.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  const onPointerDown = (e: React.PointerEvent) => {
    const { x, y } = local(e);
    const j = axes.findIndex((_, k) => Math.abs(axisX(k) - x) <= BRUSH_REACH);
    if (j < 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { axisId: axes[j]!.id, from: fromY(y), moved: false };
  };

  const onPointerMove = (e: React.PointerEvent) => {
    const { x, y } = local(e);
    const brushing = drag.current;
    if (brushing) {
      const to = fromY(y);
      brushing.moved ||= Math.abs(to - brushing.from) > 0.01;
      if (brushing.moved) setBrushes((b) => ({ ...b, [brushing.axisId]: [Math.min(brushing.from, to), Math.max(brushing.from, to)] }));
      return;
    }
    const index = nearest(x, y);
    setHover(index === null ? null : { index, x, y });
  };

  const onPointerUp = () => {
    const brushing = drag.current;
    drag.current = null;
    if (brushing && !brushing.moved) {
      // A click on an axis (no drag) clears its brush.
      setBrushes(({ [brushing.axisId]: _, ...rest }) => rest);
    } else if (!brushing && hover) {
      navigate({ page: 'run', runId: runs[hover.index]!.id });
    }
  };

  const hovered = hover ? runs[hover.index] : undefined;
  const brushed = Object.keys(brushes).length > 0;
  return (
    <div className="pc-frame" ref={frameRef} data-testid="parallel-coordinates">
      {width > 0 && (
        <canvas ref={canvasRef} className="pc-lines" style={{ width, height: HEIGHT }} data-testid="pc-lines" />
      )}
      {width > 0 && (
        <svg ref={svgRef} width={width} height={HEIGHT} className="pc-plot" role="img" aria-label={`Parallel coordinates of ${runs.length} runs`}>
          {axes.map((a, j) => {
            const range = brushes[a.id];
            return (
              <g key={a.id} transform={`translate(${axisX(j)},0)`} data-testid="pc-axis" data-axis-id={a.id} data-axis-kind={a.axis.kind}>
                <text className="pc-axis__title" x={titleShift(axisX(j), short(a.label, labelChars), width)} y={PAD.top - 20} textAnchor="middle">
                  <title>{a.label}</title>
                  {short(a.label, labelChars)}
                </text>
                {a.axis.kind !== 'category' && (
                  <text className="pc-axis__kind" y={PAD.top - 8} textAnchor="middle">
                    {a.axis.kind === 'log' ? 'log' : ''}
                  </text>
                )}
                <line className="pc-axis__line" data-testid="pc-axis-line" y1={PAD.top} y2={PAD.top + plotHeight} />
                {a.axis.ticks.map((tick) => (
                  <g key={`${tick.at}-${tick.label}`} transform={`translate(0,${toY(tick.at)})`} data-testid="pc-tick" data-label={tick.label}>
                    <line className="pc-axis__tick" x1={-3} x2={0} />
                    <text className="pc-axis__label" x={-5} dy="0.32em" textAnchor="end">
                      <title>{tick.label}</title>
                      {short(tick.label, 10)}
                    </text>
                  </g>
                ))}
                {range && <rect className="pc-brush" data-testid="pc-brush" x={-6} width={12} y={toY(range[1])} height={toY(range[0]) - toY(range[1])} />}
              </g>
            );
          })}
          {hovered && <path className="pc-highlight" d={paths[hover!.index]} stroke={runColor(hovered.id)} data-testid="pc-highlight" data-run-id={hovered.id} />}
          <rect
            className="pc-overlay"
            width={width}
            height={HEIGHT}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerLeave={() => setHover(null)}
            data-testid="pc-overlay"
          />
        </svg>
      )}
      {hovered && hover && (
        <div
          className="chart-tooltip pc-tooltip"
          data-testid="pc-tooltip"
          style={{
            ...(hover.y > HEIGHT / 2 ? { bottom: HEIGHT - hover.y + 12 } : { top: hover.y + 12 }),
            ...(hover.x > width - 240 ? { right: width - hover.x + 12 } : { left: hover.x + 12 }),
          }}
        >
          <div className="pc-tooltip__run">
            <RunSwatch runId={hovered.id} />
            <b>{hovered.name || hovered.id.slice(0, 12)}</b>
          </div>
          {axes.map((a) => (
            <div key={a.id} className="pc-tooltip__row">
              <span className="muted">{short(a.label, 32)}</span> <span className="num mono">{valueText(a.values[hover.index])}</span>
            </div>
          ))}
        </div>
      )}
      {brushed && (
        <button type="button" className="quiet pc-clear" onClick={() => setBrushes({})} data-testid="pc-clear-brushes">
          Clear brushes ({inBrush.filter(Boolean).length} of {runs.length} runs)
        </button>
      )}
    </div>
  );
}
