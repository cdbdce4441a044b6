// One metric's chart as a standalone SVG: valid as its own .svg file (Markdown reports) and
// inline in the HTML report, readable without JavaScript or stylesheets, so every colour and
// font is a presentation attribute (a page's CSS may still override them: dark mode). A metric
// the user charts on a log scale (MetricRow.logScale) gets a log10 y axis. No ids,
// so any number of charts can sit in one document. Same data → same bytes: coordinates are
// rounded to one decimal and runs come in the report's order.
import { fromWire } from '../../../src-shared/wire-number';
import type { ReportData, ReportSeries } from './report-data';
import { axisFraction, charWidth, logAxis, niceAxis, type Axis } from './svg-chart-axis';
import { escapeXml, truncate } from './xml-text';

const FONT = 'Helvetica, Arial, sans-serif';
const TEXT = '#333333';
const MUTED = '#666666';
const GRID = '#e3e3e3';
const TICK_FONT = 11;
const LEGEND_FONT = 11;
const LEGEND_ROW = 16;
const LEGEND_NAME_MAX = 28;
const PAD = 12;
const MIN_PLOT_HEIGHT = 100;

/** Fixed to one decimal, without `-0`: a tenth of a pixel is finer than any screen or printer. */
export const px = (n: number): string => {
  const r = Math.round(n * 10) / 10;
  return String(r === 0 ? 0 : r);
};

const estimateWidth = (text: string, fontSize: number) => [...text].length * charWidth(fontSize);

interface LegendItem {
  runId: string;
  name: string;
  color: string;
  x: number;
  y: number;
}

/** Legend items left to right, wrapping into rows within `width`. */
function layoutLegend(entries: readonly { runId: string; name: string; color: string }[], left: number, top: number, width: number): { items: LegendItem[]; bottom: number } {
  const items: LegendItem[] = [];
  let x = left;
  let y = top;
  for (const e of entries) {
    const name = truncate(e.name, LEGEND_NAME_MAX);
    const w = 16 + estimateWidth(name, LEGEND_FONT) + 14;
    if (x > left && x + w > left + width) {
      x = left;
      y += LEGEND_ROW;
    }
    items.push({ ...e, name, x, y });
    x += w;
  }
  return { items, bottom: entries.length > 0 ? y + LEGEND_ROW : top };
}

function legendSvg(items: readonly LegendItem[], fullNames: ReadonlyMap<string, string>): string {
  return items
    .map((it) => {
      const run = escapeXml(it.runId);
      return (
        `<g class="legend-item" data-run="${run}"><title>${escapeXml(fullNames.get(it.runId) ?? it.name)}</title>` +
        `<rect x="${px(it.x)}" y="${px(it.y + 4)}" width="12" height="4" rx="1" fill="${escapeXml(it.color)}"/>` +
        `<text x="${px(it.x + 16)}" y="${px(it.y + 10)}" font-size="${LEGEND_FONT}" fill="${TEXT}">${escapeXml(it.name)}</text></g>`
      );
    })
    .join('');
}

interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
  x: Axis;
  y: Axis;
}

const xPos = (p: Plot, step: number) => p.left + axisFraction(p.x, step) * p.width;
const yPos = (p: Plot, value: number) => p.top + (1 - axisFraction(p.y, value)) * p.height;

/** Which values have a place on the y axis: finite ones, and on a log axis only those above 0. */
type Drawable = (value: number) => boolean;
const drawableOn = (log: boolean): Drawable => (log ? (v) => Number.isFinite(v) && v > 0 : Number.isFinite);

function axesSvg(p: Plot): string {
  const bottom = p.top + p.height;
  const right = p.left + p.width;
  const yTicks = p.y.ticks
    .map((t) => {
      const y = px(yPos(p, t.value));
      return (
        `<line x1="${px(p.left)}" y1="${y}" x2="${px(right)}" y2="${y}" stroke="${GRID}" stroke-width="1"/>` +
        `<text x="${px(p.left - 6)}" y="${y}" dy="0.32em" text-anchor="end" font-size="${TICK_FONT}" fill="${MUTED}">${escapeXml(t.label)}</text>`
      );
    })
    .join('');
  const xTicks = p.x.ticks
    .map((t) => {
      const x = px(xPos(p, t.value));
      return (
        `<line x1="${x}" y1="${px(bottom)}" x2="${x}" y2="${px(bottom + 4)}" stroke="${MUTED}" stroke-width="1"/>` +
        `<text x="${x}" y="${px(bottom + 16)}" text-anchor="middle" font-size="${TICK_FONT}" fill="${MUTED}">${escapeXml(t.label)}</text>`
      );
    })
    .join('');
  const frame = `<line x1="${px(p.left)}" y1="${px(bottom)}" x2="${px(right)}" y2="${px(bottom)}" stroke="${MUTED}" stroke-width="1"/>`;
  const caption = `<text x="${px(right)}" y="${px(bottom + 30)}" text-anchor="end" font-size="${TICK_FONT}" fill="${MUTED}">step</text>`;
  return `<g class="axes">${yTicks}${frame}${xTicks}${caption}</g>`;
}

/** The run's line, broken where a value cannot be drawn (NaN, infinite, ≤ 0 on log); a point with no neighbour is a dot. */
function seriesSvg(p: Plot, s: ReportSeries, color: string, drawable: Drawable): string {
  const runs: string[][] = [[]];
  s.step.forEach((step, i) => {
    const v = fromWire(s.value[i]!);
    if (!drawable(v)) {
      if (runs[runs.length - 1]!.length > 0) runs.push([]);
      return;
    }
    runs[runs.length - 1]!.push(`${px(xPos(p, step))} ${px(yPos(p, v))}`);
  });
  const lines = runs.filter((r) => r.length > 1);
  const dots = runs.filter((r) => r.length === 1).map((r) => r[0]!.split(' '));
  const run = escapeXml(s.runId);
  const c = escapeXml(color);
  const path = lines.length > 0 ? `<path data-run="${run}" d="${lines.map((r) => `M${r.join('L')}`).join('')}" fill="none" stroke="${c}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>` : '';
  const circles = dots.map(([x, y]) => `<circle data-run="${run}" cx="${x}" cy="${y}" r="3" fill="${c}"/>`).join('');
  return `<g class="series" data-run="${run}">${path}${circles}</g>`;
}

function drawnExtent(series: readonly ReportSeries[], drawable: Drawable): { steps: [number, number]; values: [number, number] } | null {
  let s0 = Infinity;
  let s1 = -Infinity;
  let v0 = Infinity;
  let v1 = -Infinity;
  for (const s of series) {
    s.step.forEach((step, i) => {
      const v = fromWire(s.value[i]!);
      if (!drawable(v)) return;
      s0 = Math.min(s0, step);
      s1 = Math.max(s1, step);
      v0 = Math.min(v0, v);
      v1 = Math.max(v1, v);
    });
  }
  return s0 <= s1 ? { steps: [s0, s1], values: [v0, v1] } : null;
}

/**
 * The chart of `key` over steps: one line per run that logged it (runs without a series are
 * left out), in `colors`, with a legend; `data.series` must have been asked for.
 */
export function metricChartSvg(data: ReportData, key: string, colors: ReadonlyMap<string, string>, size: { width: number; height: number } = { width: 720, height: 300 }): string {
  const order = new Map(data.runs.map((r, i) => [r.id, i]));
  const series = (data.series ?? []).filter((s) => s.key === key && order.has(s.runId)).sort((a, b) => order.get(a.runId)! - order.get(b.runId)!);
  const names = new Map(data.runs.map((r) => [r.id, r.name]));
  const colorOf = (runId: string) => colors.get(runId) ?? MUTED;
  const width = size.width;
  const log = data.metrics.find((m) => m.key === key)?.logScale ?? false;
  const drawable = drawableOn(log);
  const titleText = log ? `${key} (log)` : key;

  const legend = layoutLegend(
    series.map((s) => ({ runId: s.runId, name: names.get(s.runId)!, color: colorOf(s.runId) })),
    PAD,
    30,
    width - 2 * PAD,
  );
  const top = legend.bottom + 10;
  const height = Math.max(size.height, top + MIN_PLOT_HEIGHT + 36);
  const plotHeight = height - top - 36;
  const extent = drawnExtent(series, drawable);

  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `font-family="${FONT}" role="img" aria-label="${escapeXml(titleText)}" data-key="${escapeXml(key)}" data-scale="${log ? 'log' : 'linear'}"`;
  const title = `<title>${escapeXml(titleText)}</title>`;
  const background = `<rect class="bg" width="${width}" height="${height}" fill="#ffffff"/>`;
  const heading = `<text class="chart-title" x="${PAD}" y="20" font-size="13" font-weight="bold" fill="${TEXT}">${escapeXml(titleText)}</text>`;
  const legendPart = legendSvg(legend.items, names);

  if (!extent) {
    const note = `<text x="${px(width / 2)}" y="${px(top + plotHeight / 2)}" text-anchor="middle" font-size="12" fill="${MUTED}">${log ? 'No values above 0 to draw on a log scale' : 'No finite values to draw'}</text>`;
    return [`${head}>${title}`, background, heading, legendPart, note, '</svg>'].join('\n');
  }

  const ySpacing = () => TICK_FONT * 2.2;
  const y = log ? logAxis(extent.values[0], extent.values[1], plotHeight, ySpacing) : niceAxis(extent.values[0], extent.values[1], plotHeight, ySpacing, false);
  const left = PAD + Math.max(...y.ticks.map((t) => estimateWidth(t.label, TICK_FONT))) + 8;
  const plotWidth = width - left - PAD - 4;
  const x = niceAxis(extent.steps[0], extent.steps[1], plotWidth, (labels) => Math.max(...labels.map((l) => estimateWidth(l, TICK_FONT))) + 12, true);
  const plot: Plot = { left, top, width: plotWidth, height: plotHeight, x, y };

  // Where the plot sits and what it spans, for the HTML report's hover script.
  const geometry = ` data-plot="${px(left)} ${px(top)} ${px(plotWidth)} ${px(plotHeight)}" data-x="${x.lo} ${x.hi}"`;
  // One line per part and per run, so a changed run shows as one changed line in a diff.
  const lines = series.map((s) => seriesSvg(plot, s, colorOf(s.runId), drawable));
  return [`${head}${geometry}>${title}`, background, heading, legendPart, axesSvg(plot), '<g class="lines">', ...lines, '</g>', '</svg>'].join('\n');
}
