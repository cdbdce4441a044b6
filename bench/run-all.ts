// Runs the benchmark suite in sequence and writes bench/RESULTS.md.
//   npm run bench:all                      every bench, full sizes (builds first)
//   npm run bench:all -- ingest query      only the benches whose id or area is named
//   BENCH_QUICK=1 npm run bench:all        reduced sizes: the whole suite in a few minutes
//   BENCH_NO_BUILD=1 …                     skip `npm run build` (out/ is already current)
//   BENCH_OUT=path.md …                    write the table elsewhere than bench/RESULTS.md
// Every run keeps each bench's latest outcome in bench/results.json (beside BENCH_OUT) and
// renders RESULTS.md from all of them, so a subset run replaces only its own benches' rows.
//
// CONTRACT for a bench (how it reports into this runner):
//   1. It is a standalone script (tsx or .venv/bin/python) that asserts nothing about speed, only
//      that the work happened (every point arrived…), and exits non-zero if it did not.
//   2. Each figure is one stdout line `RESULT {json}`, a BenchResult (bench/lib/result.ts): call
//      `report({...})` from bench/lib/result.ts, or `report(...)` from bench/lib/bench_result.py.
//      A peer measured in the same run goes in `peer`, the issue's goal in `goal`; the runner
//      computes the ratio and met / not met. Anything else printed is for the person watching.
//   3. It honours BENCH_QUICK=1 (`QUICK` from either lib) by shrinking its sizes, and reads the
//      built CLI from out/ (the runner builds once before the first bench).
//   4. It is registered in BENCHES below with an id and the areas it reports into.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { describeMachine } from './lib/machine';
import { resultsMarkdown, type BenchOutcome } from './lib/results-markdown';
import { parseResultLine, QUICK, type BenchArea, type BenchResult } from './lib/result';

const REPO = join(import.meta.dirname, '..');
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const PYTHON = join(REPO, '.venv', 'bin', 'python');

interface Bench {
  id: string;
  areas: BenchArea[];
  command: string[];
}

const BENCHES: Bench[] = [
  { id: 'http-ingest', areas: ['ingest'], command: [TSX, 'bench/http-ingest.bench.ts'] },
  { id: 'single-point', areas: ['single'], command: [TSX, 'bench/single-point.bench.ts'] },
  { id: 'mlflow-client', areas: ['ingest', 'single'], command: [PYTHON, 'bench/mlflow_logging.bench.py'] },
  { id: 'folder-ingest', areas: ['folder'], command: [TSX, 'bench/folder-ingest.bench.ts'] },
  { id: 'series-query', areas: ['query'], command: [TSX, 'bench/series-query.bench.ts'] },
  { id: 'runs-filter', areas: ['query'], command: [TSX, 'bench/runs-filter.bench.ts'] },
  { id: 'cold-start', areas: ['query'], command: [TSX, 'bench/cold-start.bench.ts'] },
  { id: 'live-latency', areas: ['live'], command: [TSX, 'bench/live-latency.bench.ts'] },
  { id: 'push-throughput', areas: ['sync'], command: [PYTHON, 'bench/push-throughput.py'] },
];

function runBench(bench: Bench): Promise<BenchOutcome> {
  const stamp = { started: new Date().toISOString(), loadAverage: loadavg()[0]!, quick: QUICK };
  const started = performance.now();
  const results: BenchResult[] = [];
  const [cmd, ...args] = bench.command;
  const child = spawn(cmd!, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    const result = parseResultLine(line);
    if (result) results.push(result);
    console.log(`  ${line}`);
  });
  return new Promise((done) => {
    child.on('error', (e) => (console.error(e), done({ id: bench.id, ...stamp, seconds: 0, exitCode: 127, results })));
    child.on('close', (code) => done({ id: bench.id, ...stamp, seconds: (performance.now() - started) / 1000, exitCode: code ?? 1, results }));
  });
}

function build(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`npm run build exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const selection = process.argv.slice(2);
  const unknown = selection.filter((s) => !BENCHES.some((b) => b.id === s || b.areas.includes(s as BenchArea)));
  if (unknown.length) throw new Error(`unknown bench or area: ${unknown.join(', ')} (ids: ${BENCHES.map((b) => b.id).join(', ')})`);
  const chosen = selection.length ? BENCHES.filter((b) => selection.some((s) => b.id === s || b.areas.includes(s as BenchArea))) : BENCHES;

  const machine = describeMachine(REPO); // before the build, so the load average is the machine's own
  if (process.env.BENCH_NO_BUILD !== '1') await build();
  const out = process.env.BENCH_OUT ?? join(REPO, 'bench', 'RESULTS.md');
  const store = join(dirname(out), 'results.json');
  const latest = new Map<string, BenchOutcome>(existsSync(store) ? (JSON.parse(readFileSync(store, 'utf8')) as BenchOutcome[]).map((o) => [o.id, o]) : []);
  const outcomes: BenchOutcome[] = [];
  for (const bench of chosen) {
    console.log(`\n== ${bench.id}${QUICK ? ' (quick)' : ''}`);
    const outcome = await runBench(bench);
    console.log(`== ${bench.id}: ${outcome.exitCode === 0 ? 'done' : `FAILED (exit ${outcome.exitCode})`} in ${outcome.seconds.toFixed(0)} s, ${outcome.results.length} figures`);
    outcomes.push(outcome);
    latest.set(bench.id, outcome);
    // After each bench, so a long run stopped half-way keeps what it measured.
    const merged = BENCHES.flatMap((b) => latest.get(b.id) ?? []);
    writeFileSync(store, JSON.stringify(merged, null, 1) + '\n');
    writeFileSync(out, resultsMarkdown({ machine, outcomes: merged }));
  }
  console.log(`\nWrote ${relative(process.cwd(), out)} and ${relative(process.cwd(), store)}`);
  if (outcomes.some((o) => o.exitCode !== 0)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
