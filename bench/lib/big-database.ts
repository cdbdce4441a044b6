// A large Runlens data folder for the cold-start bench, written in-process through the store's
// own append path (one transaction per 100k points; no HTTP) and cached between bench runs:
// building 10 GB takes minutes, measuring the start takes seconds.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core/core';
import type { NewPoint } from '../../src-main/core/store/metric-point';
import { openDb } from '../../src-main/core/store/open-db';

/** The run and key whose 1M-point series the cold start queries first. */
export const HEADLINE = { runId: 'run00000', key: 'loss', points: 1_000_000 };

const KEYS_PER_RUN = ['train_loss', 'val_loss', 'lr', 'grad_norm', 'throughput'];
const POINTS_PER_KEY = 100_000;
const PARAMS_PER_RUN = 20;
const TX_POINTS = 100_000;

export interface BigDatabase {
  dataDir: string;
  bytes: number;
  runs: number;
  points: number;
  /** Seconds the build took, whether now or when the cached folder was built. */
  builtInSeconds: number;
  fromCache: boolean;
}

interface Manifest {
  gb: number;
  bytes: number;
  runs: number;
  points: number;
  builtInSeconds: number;
}

/** What is on disk for the data folder: the database with its WAL. */
function storedBytes(dataDir: string): number {
  return ['runlens.db', 'runlens.db-wal'].reduce((n, f) => n + (existsSync(join(dataDir, f)) ? statSync(join(dataDir, f)).size : 0), 0);
}

function appendSeries(core: Core, runId: string, key: string, points: number, seed: number): void {
  for (let from = 0; from < points; from += TX_POINTS) {
    const batch: NewPoint[] = [];
    for (let step = from; step < Math.min(points, from + TX_POINTS); step++) {
      batch.push({ key, value: 2 * Math.exp(-step / (points / 5)) + 0.05 * Math.sin(step * 0.37 + seed), step, timestamp: 1_764_000_000_000 + step * 20 });
    }
    core.store.tx(() => core.store.metrics.append(runId, batch));
  }
}

function addRun(core: Core, index: number): number {
  const id = `run${String(index).padStart(5, '0')}`;
  const { store } = core;
  store.tx(() => {
    store.runs.insert({ id, experiment: `exp${index % 10}`, name: id, status: 'FINISHED', startTime: 1_764_000_000_000 + index * 60_000, endTime: null, sourceKind: 'api', sourcePath: null });
    const params: Record<string, string> = {};
    for (let p = 0; p < PARAMS_PER_RUN; p++) params[`param_${p}`] = String((index * 31 + p) % 97);
    store.runs.setParams(id, params);
  });
  let points = 0;
  if (index === 0) {
    appendSeries(core, id, HEADLINE.key, HEADLINE.points, index);
    points += HEADLINE.points;
  }
  for (const [k, key] of KEYS_PER_RUN.entries()) {
    appendSeries(core, id, key, POINTS_PER_KEY, index * 7 + k);
    points += POINTS_PER_KEY;
  }
  return points;
}

/**
 * The cached data folder of at least `gb` GB under `cacheDir`, built when missing. A folder
 * without its manifest is a build that was interrupted: it is thrown away and built again.
 */
export async function ensureBigDatabase(cacheDir: string, gb: number, log: (m: string) => void): Promise<BigDatabase> {
  const dataDir = join(cacheDir, `big-db-${gb}gb`);
  const manifestFile = join(cacheDir, `big-db-${gb}gb.json`);
  if (existsSync(manifestFile) && existsSync(join(dataDir, 'runlens.db'))) {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    // A migration added since the cache was built runs here, not inside the measured start.
    openDb(join(dataDir, 'runlens.db')).close();
    return { dataDir, bytes: storedBytes(dataDir), runs: m.runs, points: m.points, builtInSeconds: m.builtInSeconds, fromCache: true };
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const target = gb * 1e9;
  log(`Building a ${gb} GB database in ${dataDir} (cached for later runs)…`);
  const t0 = performance.now();
  const core = await createCore({ dataDir, uiDir: dataDir, resourcesDir: dataDir, version: 'bench', log: () => {} });
  let runs = 0;
  let points = 0;
  try {
    while (storedBytes(dataDir) < target) {
      points += addRun(core, runs);
      runs += 1;
      if (runs % 50 === 0) log(`  ${runs} runs, ${(storedBytes(dataDir) / 1e9).toFixed(2)} GB, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    await core.close();
  }
  const builtInSeconds = (performance.now() - t0) / 1000;
  const bytes = storedBytes(dataDir);
  writeFileSync(manifestFile, JSON.stringify({ gb, bytes, runs, points, builtInSeconds } satisfies Manifest));
  return { dataDir, bytes, runs, points, builtInSeconds, fromCache: false };
}
