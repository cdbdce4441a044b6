// uPlot options for one compare chart. Colours come from the theme's CSS variables; scales and
// bands read refs, so a zoom or new data updates the chart in place (`setScale`/`setData`)
// rather than rebuilding it.
import uPlot from 'uplot';
import { formatTick } from '../../../../../src-shared/format';
import { DURATION_INCREMENTS, valueTicks, xTicks, type XKind } from './axis-format';
import type { ChartBand, ChartColumn, ChartEntry } from './chart-model';
import { drawBands, withAlpha } from './draw-bands';

export interface ChartTheme {
  axis: string;
  grid: string;
  font: string;
}

export function readChartTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const family = getComputedStyle(document.body).fontFamily || 'system-ui, sans-serif';
  return {
    axis: style.getPropertyValue('--chart-axis').trim() || '#57606a',
    grid: style.getPropertyValue('--chart-grid').trim() || '#e8ebef',
    font: `11px ${family}`,
  };
}

export interface ChartRefs {
  /** The zoomed x-range; null follows the data. */
  range: { current: [number, number] | null };
  bands: { current: ChartBand[] };
}

export interface ChartCallbacks {
  onSelect: (min: number, max: number) => void;
  onCursor: (u: uPlot) => void;
  onDraw: (u: uPlot) => void;
}

export interface ChartOptionsInput {
  width: number;
  height: number;
  kind: XKind;
  log: boolean;
  columns: ChartColumn[];
  entries: ChartEntry[];
  syncKey: string;
  theme: ChartTheme;
  refs: ChartRefs;
  callbacks: ChartCallbacks;
}

const RAW_ALPHA = 0.28;
/** Pixels a y tick label needs per character at 11px, and the gap to the plot. */
const CHAR_WIDTH = 6.6;
const LABEL_GAP = 12;

function yRange(log: boolean): uPlot.Range.Function {
  return (_u, min, max) => {
    if (min == null || max == null || !Number.isFinite(min) || !Number.isFinite(max)) return log ? [1, 10] : [0, 1];
    if (log) return uPlot.rangeLog(min, max, 10, true) as [number, number];
    if (min === max) {
      const pad = Math.abs(min) * 0.1 || 1;
      return [min - pad, max + pad];
    }
    const pad = (max - min) * 0.05;
    return [min - pad, max + pad];
  };
}

function isPowerOfTen(v: number): boolean {
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9;
}

function decadesShown(u: uPlot): number {
  const { min, max } = u.scales.y!;
  return min != null && max != null && min > 0 ? Math.log10(max / min) : 0;
}

export function chartOptions(input: ChartOptionsInput): uPlot.Options {
  const { kind, log, columns, entries, theme, refs, callbacks } = input;
  const axisCommon = {
    stroke: theme.axis,
    font: theme.font,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { show: false },
  };
  return {
    width: input.width,
    height: input.height,
    ms: 1,
    pxAlign: false,
    legend: { show: false },
    // Room on the right for the last x label, which uPlot centres on its tick.
    padding: [8, 22, 0, 0],
    cursor: {
      sync: { key: input.syncKey, setSeries: false },
      drag: { x: true, y: false, setScale: false },
      points: { size: 5 },
      focus: { prox: -1 },
    },
    scales: {
      x: {
        time: kind === 'time',
        // Zoomed: keep the range across new data; otherwise follow the data's extent.
        auto: () => refs.range.current === null,
      },
      y: { distr: log ? 3 : 1, log: 10, range: yRange(log) },
    },
    axes: [
      {
        ...axisCommon,
        space: kind === 'time' ? 110 : kind === 'relative' ? 80 : 70,
        // Wall time may carry the day on a second line.
        size: kind === 'time' ? 38 : 26,
        gap: 4,
        incrs: kind === 'relative' ? DURATION_INCREMENTS : undefined,
        values: (_u, ticks, _axis, _space, increment) => xTicks(kind, ticks, increment),
      },
      {
        ...axisCommon,
        space: 28,
        gap: 6,
        size: (_u, values) => Math.ceil(Math.max(3, ...(values ?? []).map((v) => (v ?? '').length)) * CHAR_WIDTH + LABEL_GAP),
        // Log: uPlot offers every 1–9 multiple of each decade; across several decades only the
        // powers of ten keep a label and a grid line.
        filter: log ? (u, splits) => (decadesShown(u) >= 2 ? splits.map((v) => (isPowerOfTen(v) ? v : null)) : splits) : undefined,
        values: log ? (_u, ticks) => ticks.map((t) => (t == null ? '' : formatTick(t))) : (_u, ticks, _axis, _space, increment) => valueTicks(ticks, increment),
      },
    ],
    series: [
      {},
      ...columns.map((column): uPlot.Series => {
        const entry = entries[column.entry]!;
        const raw = column.role === 'raw';
        return {
          label: entry.label,
          stroke: raw ? withAlpha(entry.color, RAW_ALPHA) : entry.color,
          width: raw ? 1 : entry.runCount !== null ? 2 : 1.5,
          points: { show: false },
          spanGaps: false,
        };
      }),
    ],
    hooks: {
      drawAxes: [(u) => drawBands(u, refs.bands.current)],
      draw: [callbacks.onDraw],
      setCursor: [callbacks.onCursor],
      setSelect: [
        (u) => {
          if (u.select.width >= 3) {
            const min = u.posToVal(u.select.left, 'x');
            const max = u.posToVal(u.select.left + u.select.width, 'x');
            if (max > min) callbacks.onSelect(min, max);
          }
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
        },
      ],
    },
  };
}
