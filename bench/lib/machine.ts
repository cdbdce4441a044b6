// The machine a results table was measured on: without it the figures cannot be compared.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Machine {
  cores: number;
  cpu: string;
  ramGiB: number;
  node: string;
  python: string;
  loadAverage: [number, number, number];
}

function pythonVersion(repo: string): string {
  try {
    return execFileSync(join(repo, '.venv', 'bin', 'python'), ['--version'], { encoding: 'utf8' }).trim().replace(/^Python /, '');
  } catch {
    return 'not set up (npm run setup:python)';
  }
}

export function describeMachine(repo: string): Machine {
  const [l1, l5, l15] = loadavg();
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    ramGiB: totalmem() / 2 ** 30,
    node: process.version,
    python: pythonVersion(repo),
    loadAverage: [l1!, l5!, l15!],
  };
}
