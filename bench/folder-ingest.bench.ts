// Folder ingest: `runlens ingest` (the built CLI, process start included) reading a fresh data
// folder's worth of files once, into an empty data dir:
//   - one run folder whose metrics.jsonl holds 10M points (BENCH_QUICK=1: 1M), 10 keys;
//   - an MLflow file store (mlruns/) of 100 runs × 10 metrics × 10,000 steps (BENCH_QUICK=1:
//     50 runs × 10 × 2,000) with params and tags, written in the shapes MLflow writes.
// Prints points/s and RESULT lines (bench/run-all.ts); asserts only that every point was read.
//   npm run build && npx tsx bench/folder-ingest.bench.ts
import { execFile } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { appendMetric, writeExperiment, writeFile, writeRun } from '../src-main/core/test-support/mlflow-stores';
import { QUICK, report } from './lib/result';

const JSONL_POINTS = Number(process.env.BENCH_JSONL_POINTS ?? (QUICK ? 1_000_000 : 10_000_000));
const JSONL_KEYS = 10;
const MLRUNS = QUICK ? { runs: 50, keys: 10, steps: 2_000 } : { runs: 100, keys: 10, steps: 10_000 };
const T0 = 1_764_000_000_000;
const CLI = join(import.meta.dirname, '..', 'out', 'main', 'cli.js');

/** A run folder as a training script appending to metrics.jsonl writes it, step by step. */
function writeRunFolder(dir: string): number {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'run.json'), JSON.stringify({ id: 'jsonl-bench', experiment: 'bench', name: 'jsonl', status: 'FINISHED', params: { lr: 0.001, batch_size: 128 } }));
  const fd = openSync(join(dir, 'metrics.jsonl'), 'w');
  const steps = JSONL_POINTS / JSONL_KEYS;
  let lines: string[] = [];
  for (let step = 0; step < steps; step++) {
    for (let k = 0; k < JSONL_KEYS; k++) lines.push(`{"key":"train/m${k}","value":${Math.exp(-step / steps) + Math.random() * 1e-3},"step":${step},"timestamp":${T0 + step * 10}}`);
    if (lines.length >= 100_000) (writeSync(fd, lines.join('\n') + '\n'), (lines = []));
  }
  if (lines.length) writeSync(fd, lines.join('\n') + '\n');
  closeSync(fd);
  return statSync(join(dir, 'metrics.jsonl')).size;
}

function writeMlruns(root: string): number {
  const mlruns = join(root, 'mlruns');
  const expDir = writeExperiment(mlruns, '1', 'bench');
  for (let r = 0; r < MLRUNS.runs; r++) {
    const runId = r.toString(16).padStart(32, '0');
    const runDir = writeRun(expDir, '1', runId, { status: 3, end_time: T0 + 1e6, run_name: `run-${r}` });
    for (const [key, value] of [['lr', String(10 ** -(r % 4))], ['batch_size', '128'], ['optimizer', 'adam']]) writeFile(join(runDir, 'params', key!), value!);
    writeFile(join(runDir, 'tags', 'mlflow.runName'), `run-${r}`);
    for (let k = 0; k < MLRUNS.keys; k++) {
      const lines: string[] = [];
      for (let step = 0; step < MLRUNS.steps; step++) lines.push(`${T0 + step * 10} ${Math.exp(-step / MLRUNS.steps) + Math.random() * 1e-3} ${step}`);
      appendMetric(runDir, `m${k}`, lines);
    }
  }
  return MLRUNS.runs * MLRUNS.keys * MLRUNS.steps;
}

/** Runs `runlens ingest PATH` into a fresh data dir; returns the wall seconds and the points it reports. */
async function ingest(path: string, dataDir: string): Promise<{ seconds: number; points: number }> {
  const t0 = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'ingest', path, '--data', dataDir], { maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - t0) / 1000;
  const summary = /Ingested (\d+) run\(s\), (\d+) new point\(s\), (\d+) problem\(s\)/.exec(stdout);
  if (!summary) throw new Error(`unexpected ingest output: ${stdout.slice(-500)}`);
  if (summary[3] !== '0') throw new Error(`ingest reported problems: ${stdout.slice(-2000)}`);
  return { seconds, points: Number(summary[2]) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'runlens-bench-'));
  try {
    let t0 = performance.now();
    const bytes = writeRunFolder(join(dir, 'jsonl', 'run'));
    console.log(`metrics.jsonl: ${(JSONL_POINTS / 1e6).toFixed(0)} M points, ${(bytes / 2 ** 20).toFixed(0)} MiB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const jsonl = await ingest(join(dir, 'jsonl'), join(dir, 'data-jsonl'));
    if (jsonl.points !== JSONL_POINTS) throw new Error(`metrics.jsonl: expected ${JSONL_POINTS} points, ingest read ${jsonl.points}`);
    rmSync(join(dir, 'jsonl'), { recursive: true });

    t0 = performance.now();
    const mlrunsPoints = writeMlruns(join(dir, 'mlflow'));
    console.log(`mlruns/: ${MLRUNS.runs} runs × ${MLRUNS.keys} metrics × ${MLRUNS.steps} steps, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const mlruns = await ingest(join(dir, 'mlflow'), join(dir, 'data-mlruns'));
    if (mlruns.points !== mlrunsPoints) throw new Error(`mlruns: expected ${mlrunsPoints} points, ingest read ${mlruns.points}`);

    console.log(`\nrunlens ingest, process start included\n| input | points | seconds | points/s |\n|---|---|---|---|`);
    console.log(`| metrics.jsonl | ${jsonl.points} | ${jsonl.seconds.toFixed(1)} | ${(jsonl.points / jsonl.seconds).toFixed(0)} |`);
    console.log(`| mlruns/ | ${mlruns.points} | ${mlruns.seconds.toFixed(1)} | ${(mlruns.points / mlruns.seconds).toFixed(0)} |`);
    report({ area: 'folder', name: `metrics.jsonl, ${JSONL_POINTS.toLocaleString('en-US')} points in ${JSONL_KEYS} keys, ${(bytes / 2 ** 20).toFixed(0)} MiB`, value: jsonl.points / jsonl.seconds, unit: 'points/s', better: 'higher', note: `${jsonl.seconds.toFixed(1)} s, process start included` });
    report({ area: 'folder', name: `mlruns/ file store, ${MLRUNS.runs} runs × ${MLRUNS.keys} metrics × ${MLRUNS.steps.toLocaleString('en-US')} steps`, value: mlruns.points / mlruns.seconds, unit: 'points/s', better: 'higher', note: `${mlruns.seconds.toFixed(1)} s, process start included` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
