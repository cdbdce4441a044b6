import { describe, expect, it } from 'vitest';
import type { WireNumber } from '../../../src-shared/domain';
import type { ReportData, ReportRun } from './report-data';
import { metricChartSvg } from './svg-chart';
import { logAxis, niceAxis } from './svg-chart-axis';

const run = (id: string, name: string): ReportRun => ({ id, name, experiment: 'e', status: 'FINISHED', startTime: 0, endTime: 1, sourceKind: 'api', sourcePath: null, tags: {} });
const series = (runId: string, key: string, step: number[], value: WireNumber[]) => ({ key, runId, total: step.length, exact: true, step, value });

const data: ReportData = {
  baseline: null,
  runs: [run('r1', 'first'), run('r2', '<b>"x" & y</b>'), run('r3', 'no loss')],
  params: [],
  metrics: [],
  series: [
    series('r2', 'loss', [0, 10, 20, 30], [0.9, 'NaN', 0.5, 0.4]),
    series('r1', 'loss', [0, 10, 20, 30], [1, 0.7, 'Infinity', 0.2]),
    series('r3', 'acc', [0, 10], [0.1, 0.2]),
  ],
};
const colors = new Map([
  ['r1', '#4e79a7'],
  ['r2', '#f28e2b'],
  ['r3', '#e15759'],
]);

const attr = (svg: string, selector: RegExp) => [...svg.matchAll(selector)].map((m) => m[1]!);

describe('metricChartSvg', () => {
  const svg = metricChartSvg(data, 'loss', colors);

  it('is a standalone SVG titled with the key, the same bytes every time', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<title>loss</title>');
    expect(metricChartSvg(structuredClone(data), 'loss', new Map(colors))).toBe(svg);
  });

  it('draws each run that logged the key in its colour, in the report order, and leaves out the others', () => {
    expect(attr(svg, /<g class="series" data-run="([^"]+)"/g)).toEqual(['r1', 'r2']);
    expect(attr(svg, /<path data-run="r1"[^>]* stroke="([^"]+)"/g)).toEqual(['#4e79a7']);
    expect(attr(svg, /<path data-run="r2"[^>]* stroke="([^"]+)"/g)).toEqual(['#f28e2b']);
    expect(svg).not.toContain('no loss');
    expect(svg).not.toContain('data-run="r3"');
  });

  it('breaks a line at NaN and infinite values; a finite point left alone is a dot', () => {
    const d = (id: string) => attr(svg, new RegExp(`<path data-run="${id}" d="([^"]+)"`, 'g'))[0]!;
    // r1: 1, 0.7 | ∞ | 0.2 → one two-point line and a dot; r2: 0.9 | NaN | 0.5, 0.4 → a dot and a line.
    expect(d('r1')).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
    expect(d('r2')).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
    expect(svg.match(/<circle data-run="r1"/g)).toHaveLength(1);
    expect(svg.match(/<circle data-run="r2"/g)).toHaveLength(1);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('rounds coordinates to one decimal', () => {
    const numbers = attr(svg, /\b(?:d|cx|cy|x1|y1|x2|y2|x|y)="([^"]+)"/g).flatMap((v) => v.split(/[ML ]/).filter(Boolean));
    expect(numbers.length).toBeGreaterThan(20);
    for (const n of numbers) expect(n).toMatch(/^-?\d+(\.\d)?$/);
  });

  it('has a legend of the drawn runs with their names escaped', () => {
    expect(attr(svg, /<g class="legend-item" data-run="([^"]+)"/g)).toEqual(['r1', 'r2']);
    expect(svg).toContain('&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('escapes the key', () => {
    const odd = metricChartSvg({ ...data, series: [series('r1', 'a<b>&"c"', [0, 1], [1, 2])] }, 'a<b>&"c"', colors);
    expect(odd).toContain('<title>a&lt;b&gt;&amp;&quot;c&quot;</title>');
    expect(odd).toContain('aria-label="a&lt;b&gt;&amp;&quot;c&quot;"');
  });

  it('labels axes with nice ticks spanning the data', () => {
    const x = niceAxis(0, 30, 600, () => 30, true);
    expect(x.lo).toBe(0);
    expect(x.hi).toBe(30);
    const y = niceAxis(0.2, 1, 200, () => 24, false);
    expect(y.ticks.map((t) => t.label)).toEqual(['0.2', '0.4', '0.6', '0.8', '1']);
    // Steps are whole: three steps get ticks 0, 1, 2, never 0.5.
    expect(niceAxis(0, 2, 600, () => 10, true).ticks.map((t) => t.label)).toEqual(['0', '1', '2']);
  });

  it('thins x ticks until their labels cannot overlap', () => {
    const wide = metricChartSvg({ ...data, series: [series('r1', 'loss', [0, 123_456_789], [1, 2])] }, 'loss', colors, { width: 300, height: 200 });
    const xs = attr(wide, /<text x="([\d.]+)" y="[\d.]+" text-anchor="middle"/g).map(Number);
    const labels = attr(wide, /text-anchor="middle" font-size="11" fill="#666666">([^<]+)</g);
    expect(xs.length).toBeGreaterThan(1);
    const widest = Math.max(...labels.map((l) => l.length)) * 11 * 0.62;
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(widest);
  });

  it('tells ticks apart when three digits would print them the same', () => {
    const labels = niceAxis(1.0001, 1.0004, 200, () => 24, false).ticks.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('says so when a key has nothing finite to draw', () => {
    const empty = metricChartSvg({ ...data, series: [series('r1', 'nan', [0], ['NaN'])] }, 'nan', colors);
    expect(empty).toContain('No finite values to draw');
    expect(empty).not.toContain('<path');
  });

  describe('on a log scale', () => {
    const onLog = (logScale: boolean, ...ss: ReturnType<typeof series>[]): ReportData => ({
      ...data,
      metrics: [{ key: 'loss', logScale, direction: 'min', byRun: {} }],
      series: ss,
    });
    const ys = (svg: string, run: string) => attr(svg, new RegExp(`<path data-run="${run}" d="([^"]+)"`, 'g')).flatMap((d) => d.split(/[ML]/).filter(Boolean).map((p) => Number(p.split(' ')[1])));
    const yLabels = (svg: string) => attr(svg, /dy="0.32em" text-anchor="end" font-size="11" fill="#666666">([^<]+)</g);

    it('says log in its title and scale attribute', () => {
      const svg = metricChartSvg(onLog(true, series('r1', 'loss', [0, 1], [1, 10])), 'loss', colors);
      expect(svg).toContain('data-scale="log"');
      expect(svg).toContain('<title>loss (log)</title>');
      expect(svg).toContain('>loss (log)</text>');
      expect(metricChartSvg(onLog(false, series('r1', 'loss', [0, 1], [1, 10])), 'loss', colors)).toContain('data-scale="linear"');
    });

    it('keeps lines apart when values span 1e-3 to 1e6, where a linear axis flattens the small ones', () => {
      const small = series('r1', 'loss', [0, 1, 2], [0.001, 0.002, 0.005]);
      const huge = series('r2', 'loss', [0, 1, 2], [1e6, 5e5, 1e5]);
      const log = metricChartSvg(onLog(true, small, huge), 'loss', colors);
      const linear = metricChartSvg(onLog(false, small, huge), 'loss', colors);
      expect(new Set(ys(linear, 'r1')).size).toBe(1);
      const [a, b] = [ys(log, 'r1'), ys(log, 'r2')];
      expect(new Set(a).size).toBe(3);
      // SVG y grows downwards: the small run sits wholly below the huge one, each spread over many pixels.
      expect(Math.min(...a)).toBeGreaterThan(Math.max(...b));
      expect(Math.max(...a) - Math.min(...a)).toBeGreaterThan(10);
      expect(Math.max(...b) - Math.min(...b)).toBeGreaterThan(10);
      // Nine decades in a 300 px chart: every second one labelled, the domain widened to whole strides.
      expect(yLabels(log)).toEqual(['1e-4', '0.01', '1', '100', '10k', '1M']);
    });

    it('leaves gaps at zero and negative values, as at NaN', () => {
      // 1 | 0 | 0.5 | -1 | 0.1, 0.2 → two dots and one line.
      const svg = metricChartSvg(onLog(true, series('r1', 'loss', [0, 1, 2, 3, 4, 5], [1, 0, 0.5, -1, 0.1, 0.2])), 'loss', colors);
      expect(attr(svg, /<path data-run="r1" d="([^"]+)"/g)).toHaveLength(1);
      expect(attr(svg, /<path data-run="r1" d="([^"]+)"/g)[0]).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
      expect(svg.match(/<circle data-run="r1"/g)).toHaveLength(2);
      expect(svg).not.toMatch(/NaN|Infinity/);
      const none = metricChartSvg(onLog(true, series('r1', 'loss', [0, 1], [0, -2])), 'loss', colors);
      expect(none).toContain('No values above 0 to draw on a log scale');
      expect(none).not.toContain('<path');
    });

    it('ticks powers of ten, with 2 and 5 between them only when their labels fit', () => {
      expect(logAxis(0.3, 0.8, 200, () => 24).ticks.map((t) => t.label)).toEqual(['0.2', '0.5', '1']);
      expect(logAxis(0.02, 40, 200, () => 24).ticks.map((t) => t.label)).toEqual(['0.01', '0.1', '1', '10', '100']);
      // Nine decades in 100 px: every third, both ends labelled.
      const thin = logAxis(0.001, 1e6, 100, () => 24);
      expect(thin.ticks.map((t) => t.label)).toEqual(['0.001', '1', '1k', '1M']);
      expect([thin.lo, thin.hi, thin.log]).toEqual([0.001, 1e6, true]);
      // One value at a power of ten sits mid-axis.
      expect(logAxis(10, 10, 200, () => 24).ticks.map((t) => t.value)).toEqual([1, 10, 100]);
    });
  });
});
