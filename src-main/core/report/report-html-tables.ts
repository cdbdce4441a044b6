// The HTML report's tables: the runs, the params that differ, and each metric's summary. Numbers
// are shown as every report shows them (reportNumber) and carried exactly in `data-value` and the
// cell's title, so a reader hovering a cell, or a test, gets the stored number back.
import { inferDirection } from '../../../src-shared/metric-direction';
import { metricBest } from './metric-best';
import type { MetricCell, ReportData, ReportRun } from './report-data';
import { reportDelta, reportNumber } from './report-number';
import { escapeXml as esc } from './xml-text';

const DASH = '<td class="missing">—</td>';

export const utc = (ms: number) => new Date(ms).toISOString();

function swatch(color: string, toggle: string | null): string {
  const style = `background:${esc(color)}`;
  return toggle === null
    ? `<span class="swatch" style="${style}"></span>`
    : `<span class="swatch toggle" data-toggle-run="${esc(toggle)}" title="Show or hide in the charts" style="${style}"></span>`;
}

function numCell(n: number | null, note = ''): string {
  if (n === null) return DASH;
  const exact = String(n);
  return `<td class="num" data-value="${exact}" title="${exact}">${esc(reportNumber(n))}${note}</td>`;
}

const stepCell = (step: number | null) => (step === null ? DASH : `<td class="num">${step}</td>`);

const atStep = (step: number | null) => (step === null ? '' : ` <span class="at">@ ${step}</span>`);

function runHeader(run: ReportRun, colors: ReadonlyMap<string, string>, baseline: string | null): string {
  const mark = run.id === baseline ? '<span class="badge">baseline</span>' : '';
  return `<th data-run="${esc(run.id)}">${swatch(colors.get(run.id)!, null)}${esc(run.name)}${mark}</th>`;
}

export function runsTable(data: ReportData, colors: ReadonlyMap<string, string>, runUrl?: (runId: string) => string): string {
  const rows = data.runs.map((r) => {
    const name = runUrl ? `<a href="${esc(runUrl(r.id))}">${esc(r.name)}</a>` : esc(r.name);
    const mark = r.id === data.baseline ? '<span class="badge">baseline</span>' : '';
    const tags = Object.entries(r.tags);
    const tagList = tags.length === 0 ? '' : `<ul class="tags">${tags.map(([k, v]) => `<li><code>${esc(k)}</code> = ${esc(v)}</li>`).join('')}</ul>`;
    const source = `${esc(r.sourceKind)}${r.sourcePath === null ? '' : `<br><code>${esc(r.sourcePath)}</code>`}`;
    const ends = `${utc(r.startTime)}<br>${r.endTime === null ? '—' : utc(r.endTime)}`;
    return (
      `<tr data-run="${esc(r.id)}"><td><span class="run-name">${swatch(colors.get(r.id)!, r.id)}${name}${mark}</span><br><code class="id">${esc(r.id)}</code></td>` +
      `<td>${esc(r.experiment)}</td><td>${esc(r.status)}</td><td class="mono times">${ends}</td><td class="source">${source}</td><td>${tagList}</td></tr>`
    );
  });
  return (
    '<div class="table-wrap"><table class="runs">\n<thead><tr><th>Run</th><th>Experiment</th><th>Status</th><th>Start / end (UTC)</th><th>Source</th><th>Tags</th></tr></thead>\n<tbody>\n' +
    rows.join('\n') +
    '\n</tbody></table></div>'
  );
}

const paramValue = (v: string | null) => (v === null ? '<span class="note">—</span>' : esc(v));

/** Params that differ in a table of runs (cells unlike the baseline's marked); the identical ones folded away below. */
export function paramsTable(data: ReportData, colors: ReadonlyMap<string, string>): string {
  if (data.params.length === 0) return '<p class="note">The runs have no params.</p>';
  const differing = data.params.filter((p) => p.differs);
  const same = data.params.filter((p) => !p.differs);
  const parts: string[] = [];
  if (differing.length === 0) parts.push('<p class="note">Every param has the same value in all runs.</p>');
  else {
    const head = `<thead><tr><th>Param</th>${data.runs.map((r) => runHeader(r, colors, data.baseline)).join('')}</tr></thead>`;
    const rows = differing.map((p) => {
      const base = data.baseline === null ? undefined : p.values[data.baseline];
      const cells = data.runs.map((r) => {
        const v = p.values[r.id] ?? null;
        const changed = base !== undefined && r.id !== data.baseline && v !== base;
        return `<td${changed ? ' class="changed"' : ''}>${paramValue(v)}</td>`;
      });
      return `<tr class="differs" data-param="${esc(p.key)}"><th><code>${esc(p.key)}</code></th>${cells.join('')}</tr>`;
    });
    parts.push(`<div class="table-wrap"><table class="params">\n${head}\n<tbody>\n${rows.join('\n')}\n</tbody></table></div>`);
  }
  if (same.length > 0) {
    const rows = same.map((p) => `<tr data-param="${esc(p.key)}"><th><code>${esc(p.key)}</code></th><td>${paramValue(Object.values(p.values)[0] ?? null)}</td></tr>`);
    parts.push(
      `<details class="identical"><summary>${same.length} param${same.length === 1 ? '' : 's'} identical in every run</summary>` +
        `<table class="params-same">\n<tbody>\n${rows.join('\n')}\n</tbody></table></details>`,
    );
  }
  return parts.join('\n');
}

function deltaCell(cell: MetricCell, runId: string, baseline: string | null, direction: 'min' | 'max' | null): string {
  if (baseline === null) return '';
  if (runId === baseline) return '<td class="num note">baseline</td>';
  const d = cell.deltaVsBaseline;
  if (d === null) return DASH;
  const verdict = direction === null || d === 0 ? '' : (d < 0) === (direction === 'min') ? ' better' : ' worse';
  return `<td class="num delta${verdict}" data-value="${String(d)}" title="${String(d)}">${esc(reportDelta(d))}</td>`;
}

/** What the ↓/↑ next to a key means, and whether the name or the user said so. */
function directionNote(key: string, direction: 'min' | 'max'): string {
  const better = direction === 'min' ? 'Lower is better' : 'Higher is better';
  return `${better} (${direction === inferDirection(key) ? 'going by the name' : 'as set in the comparison'})`;
}

/** Per metric, one row per run: the last value and the extremes with their steps, and the step of its best. */
export function summaryTable(data: ReportData, colors: ReadonlyMap<string, string>): string {
  if (data.metrics.length === 0) return '<p class="note">No metrics to summarise.</p>';
  const delta = data.baseline === null ? '' : '<th class="num">Δ last vs baseline</th>';
  const head = `<thead><tr><th>Metric</th><th>Run</th><th class="num">Last @ step</th><th class="num">Min @ step</th><th class="num">Max @ step</th><th class="num">Step of best</th>${delta}</tr></thead>`;
  const bodies = data.metrics.map((m) => {
    const best = metricBest(m);
    const arrow = best.direction === null ? '' : ` <span class="direction" title="${directionNote(m.key, best.direction)}">${best.direction === 'min' ? '↓' : '↑'}</span>`;
    const rows = data.runs.map((r, i) => {
      const keyCell = i === 0 ? `<th rowspan="${data.runs.length}"><code>${esc(m.key)}</code>${arrow}</th>` : '';
      const star = best.bestRuns.has(r.id) ? ' <span class="best" title="Best of these runs">★</span>' : '';
      const name = `<td class="run">${swatch(colors.get(r.id)!, null)}${esc(r.name)}${star}</td>`;
      const c = m.byRun[r.id];
      const cells = c
        ? numCell(c.last, atStep(c.lastStep)) +
          numCell(c.min, atStep(c.minStep)) +
          numCell(c.max, atStep(c.maxStep)) +
          stepCell(best.stepOf(c)) +
          deltaCell(c, r.id, data.baseline, best.direction)
        : DASH.repeat(data.baseline === null ? 4 : 5);
      return `<tr data-run="${esc(r.id)}">${keyCell}${name}${cells}</tr>`;
    });
    return `<tbody class="metric" data-key="${esc(m.key)}">\n${rows.join('\n')}\n</tbody>`;
  });
  return `<div class="table-wrap"><table class="summary">\n${head}\n${bodies.join('\n')}\n</table></div>`;
}
