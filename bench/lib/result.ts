// The runner's contract (bench/run-all.ts): a bench reports each figure as one stdout line
// `RESULT {json}` holding a BenchResult. Everything else it prints is for the human watching and
// is kept in the runner's log only. Python benches print the same line (bench/lib/bench_result.py).

/** The tables of RESULTS.md; a bench may report into several. */
export type BenchArea = 'ingest' | 'single' | 'folder' | 'query' | 'live' | 'sync';

export interface BenchResult {
  area: BenchArea;
  /** Row label: what was measured, with the sizes that matter ("native API, 4 in flight"). */
  name: string;
  value: number;
  unit: string;
  /** Which way is better; decides how the ratio and the goal read. */
  better: 'higher' | 'lower';
  /** The same measurement of a peer in the same run (mlflow server, TensorBoard…). */
  peer?: { name: string; value: number };
  /**
   * The goal. `value`: Runlens's figure must reach it (≥ for higher, ≤ for lower);
   * `ratio`: Runlens must be at least this many times better than the peer. `text` as quoted.
   */
  goal?: { value?: number; ratio?: number; text: string };
  note?: string;
}

const PREFIX = 'RESULT ';

/** Prints one result for the runner (and readably enough for a person running the bench alone). */
export function report(result: BenchResult): void {
  console.log(PREFIX + JSON.stringify(result));
}

export function parseResultLine(line: string): BenchResult | null {
  if (!line.startsWith(PREFIX)) return null;
  return JSON.parse(line.slice(PREFIX.length)) as BenchResult;
}

/** BENCH_QUICK=1 shrinks every bench so the whole suite takes minutes, not the full sizes. */
export const QUICK = process.env.BENCH_QUICK === '1';

/** How many times better Runlens is than the peer (>1 = Runlens better), whatever `better` says. */
export function ratioOf(r: BenchResult): number | null {
  if (!r.peer || r.peer.value === 0 || r.value === 0) return null;
  return r.better === 'higher' ? r.value / r.peer.value : r.peer.value / r.value;
}

/** Each part of the goal met or not (null: a ratio goal without a peer); empty without a goal. */
export function goalChecks(r: BenchResult): { part: 'figure' | 'ratio'; met: boolean | null }[] {
  const checks: { part: 'figure' | 'ratio'; met: boolean | null }[] = [];
  if (r.goal?.value !== undefined) checks.push({ part: 'figure', met: r.better === 'higher' ? r.value >= r.goal.value : r.value <= r.goal.value });
  if (r.goal?.ratio !== undefined) {
    const ratio = ratioOf(r);
    checks.push({ part: 'ratio', met: ratio === null ? null : ratio >= r.goal.ratio });
  }
  return checks;
}
