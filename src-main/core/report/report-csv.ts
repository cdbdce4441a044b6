// A report as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
// comma, a quote or a line break, quotes doubled). Two tables: runs × params and runs × metric
// summaries; `runlens report --format csv --out DIR` writes them as DIR/params.csv and
// DIR/metrics.csv. No generated-at line: the bytes depend on the data alone.
import type { ReportData } from './report-data';

export function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function csv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One row per run: id, name, then each param (sorted by key). */
export function paramsCsv(data: ReportData): string {
  return csv([
    ['run_id', 'run_name', ...data.params.map((p) => p.key)],
    ...data.runs.map((r) => [r.id, r.name, ...data.params.map((p) => p.values[r.id] ?? null)]),
  ]);
}

const METRIC_COLUMNS = ['last', 'last_step', 'min', 'min_step', 'max', 'max_step', 'delta_vs_baseline'] as const;

/** One row per run and metric key; empty cells where the run did not log the key. */
export function metricsCsv(data: ReportData): string {
  const rows: Array<Array<string | number | null>> = [['run_id', 'run_name', 'metric', ...METRIC_COLUMNS]];
  for (const r of data.runs) {
    for (const m of data.metrics) {
      const c = m.byRun[r.id];
      rows.push([r.id, r.name, m.key, ...(c ? [c.last, c.lastStep, c.min, c.minStep, c.max, c.maxStep, c.deltaVsBaseline] : METRIC_COLUMNS.map(() => null))]);
    }
  }
  return csv(rows);
}
