// The boundaries DEVELOPERS.md holds to, checked on every test run: the core and the shared
// contract never import electron, and the shared contract is pure (no node:, no DOM globals).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

const root = join(import.meta.dirname, '..');

describe('architecture', () => {
  it('keeps electron out of the core', () => {
    const offenders = sources(join(root, 'src-main', 'core')).filter((f) => importsOf(f).some((i) => i === 'electron' || i.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('keeps src-shared free of node and electron', () => {
    const offenders = sources(join(root, 'src-shared')).filter((f) => importsOf(f).some((i) => i.startsWith('node:') || i === 'electron'));
    expect(offenders).toEqual([]);
  });

  it('uses raw IPC only in the preload and the shell ipc module', () => {
    // A test may stand in for ipcMain to drive the shell's handlers; only shipped code counts.
    const users = [...sources(join(root, 'src-main')), ...sources(join(root, 'src-renderer'))]
      .filter((f) => !f.endsWith('.test.ts') && /\bipc(Main|Renderer)\b/.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(root.length + 1));
    expect(users.sort()).toEqual(['src-main/electron/ipc.ts', 'src-main/preload/index.ts']);
  });
});
