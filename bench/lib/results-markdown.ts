// RESULTS.md from the runner's collected results: one table per area, Runlens's figure beside the
// peer's, the ratio (how many times better Runlens is) and the issue's goal with met / not met.
import type { Machine } from './machine';
import { goalMet, ratioOf, type BenchArea, type BenchResult } from './result';

export interface BenchOutcome {
  id: string;
  seconds: number;
  exitCode: number;
  results: BenchResult[];
}

const AREA_TITLES: Record<BenchArea, string> = {
  ingest: 'Ingest over HTTP',
  single: 'Single-point logging (one request per point, keep-alive)',
  folder: 'Folder ingest (`runlens ingest`)',
  query: 'Query, cold start and memory',
  live: 'Live latency',
};

function figure(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

function row(r: BenchResult): string {
  const ratio = ratioOf(r);
  const met = goalMet(r);
  const goal = r.goal ? `${r.goal.text}: ${met === null ? 'n/a' : met ? '**met**' : '**not met**'}` : '';
  return `| ${r.name} | ${figure(r.value, r.unit)} | ${r.peer ? `${figure(r.peer.value, r.unit)} (${r.peer.name})` : ''} | ${ratio === null ? '' : `${ratio.toFixed(1)}×`} | ${goal} | ${r.note ?? ''} |`;
}

export function resultsMarkdown(opts: { started: Date; machine: Machine; quick: boolean; selection: string[]; outcomes: BenchOutcome[] }): string {
  const { machine: m } = opts;
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench:all${opts.selection.length ? ` -- ${opts.selection.join(' ')}` : ''}\`${opts.quick ? ' with BENCH_QUICK=1 (reduced sizes)' : ''} on ${opts.started.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.ramGiB.toFixed(0)} GiB RAM, Node ${m.node}, Python ${m.python}; load average at start ${m.loadAverage.map((l) => l.toFixed(2)).join(' / ')}.`,
    'Ratios read "how many times better Runlens is" (higher throughput or lower latency); other load on the machine skews every figure.',
  ];
  const all = opts.outcomes.flatMap((o) => o.results);
  for (const area of Object.keys(AREA_TITLES) as BenchArea[]) {
    const rows = all.filter((r) => r.area === area);
    if (rows.length === 0) continue;
    lines.push('', `## ${AREA_TITLES[area]}`, '', '| measurement | Runlens | peer | ratio | goal | note |', '|---|---|---|---|---|---|', ...rows.map(row));
  }
  lines.push('', '## Runs', '', '| bench | seconds | outcome |', '|---|---|---|');
  for (const o of opts.outcomes) {
    const outcome = o.exitCode !== 0 ? `**failed** (exit ${o.exitCode}); its figures above, if any, are partial` : o.results.length === 0 ? '**reported nothing**' : `${o.results.length} figures`;
    lines.push(`| ${o.id} | ${o.seconds.toFixed(0)} | ${outcome} |`);
  }
  return lines.join('\n') + '\n';
}
