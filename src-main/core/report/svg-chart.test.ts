import { describe, expect, it } from 'vitest';
import type { WireNumber } from '../../../src-shared/domain';
import type { ReportData, ReportRun } from './report-data';
import { metricChartSvg } from './svg-chart';
import { niceAxis } from './svg-chart-axis';

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
});
