import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes a native run folder (run.json, optional metrics lines) and returns its path. */
export function writeRunFolder(parent: string, name: string, run: Record<string, unknown>, lines: unknown[] = []): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'run.json'), JSON.stringify(run));
  if (lines.length > 0) appendLines(dir, lines);
  return dir;
}

export function appendLines(dir: string, lines: unknown[]): void {
  appendFileSync(join(dir, 'metrics.jsonl'), lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)) + '\n').join(''));
}

export function points(key: string, from: number, to: number): object[] {
  return Array.from({ length: to - from }, (_, i) => ({ key, value: 1 / (from + i + 1), step: from + i, timestamp: 1_700_000_000_000 + from + i }));
}
