// RESULTS.md from the runner's collected results: one table per area, Runlens's figure beside the
// peer's, the ratio (how many times better Runlens is) and the issue's goal with met / not met.
import type { Machine } from './machine';
import { goalChecks, ratioOf, type BenchArea, type BenchResult } from './result';

export interface BenchOutcome {
  id: string;
  /** ISO time the bench started, its load average (1 min) then, and whether sizes were reduced. */
  started: string;
  loadAverage: number;
  quick: boolean;
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
  sync: 'Team sync (push to an MLflow server)',
};

function figure(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

function row(r: BenchResult): string {
  const ratio = ratioOf(r);
  const verdict = (met: boolean | null) => (met === null ? 'n/a' : met ? '**met**' : '**not met**');
  const checks = goalChecks(r);
  // A goal with a figure and a ratio says which of the two was met.
  const verdicts = checks.length === 1 ? verdict(checks[0]!.met) : checks.map((c) => `${c.part} ${verdict(c.met)}`).join(', ');
  const goal = r.goal ? `${r.goal.text}: ${verdicts}` : '';
  return `| ${r.name} | ${figure(r.value, r.unit)} | ${r.peer ? `${figure(r.peer.value, r.unit)} (${r.peer.name})` : ''} | ${ratio === null ? '' : `${ratio.toFixed(1)}×`} | ${goal} | ${r.note ?? ''} |`;
}

const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** `outcomes`: the latest outcome of every bench that has run, a subset run having replaced its own. */
export function resultsMarkdown(opts: { machine: Machine; outcomes: BenchOutcome[] }): string {
  const { machine: m } = opts;
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench:all` (see README, Benchmarks); each bench\'s date, sizes and the load average when it started are in the last table.',
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.ramGiB.toFixed(0)} GiB RAM, Node ${m.node}, Python ${m.python}; load average at the last run's start ${m.loadAverage.map((l) => l.toFixed(2)).join(' / ')}.`,
    'Ratios read "how many times better Runlens is" (higher throughput or lower latency); other load on the machine skews every figure.',
  ];
  const all = opts.outcomes.flatMap((o) => o.results);
  for (const area of Object.keys(AREA_TITLES) as BenchArea[]) {
    const rows = all.filter((r) => r.area === area);
    if (rows.length === 0) continue;
    lines.push('', `## ${AREA_TITLES[area]}`, '', '| measurement | Runlens | peer | ratio | goal | note |', '|---|---|---|---|---|---|', ...rows.map(row));
  }
  lines.push('', '## Runs', '', '| bench | started (UTC) | sizes | load average | seconds | outcome |', '|---|---|---|---|---|---|');
  for (const o of opts.outcomes) {
    const outcome = o.exitCode !== 0 ? `**failed** (exit ${o.exitCode}); its figures above, if any, are partial` : o.results.length === 0 ? '**reported nothing**' : `${o.results.length} figures`;
    lines.push(`| ${o.id} | ${minute(o.started)} | ${o.quick ? 'BENCH_QUICK' : 'full'} | ${o.loadAverage.toFixed(2)} | ${o.seconds.toFixed(0)} | ${outcome} |`);
  }
  return lines.join('\n') + '\n';
}
