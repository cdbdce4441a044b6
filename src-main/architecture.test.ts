// The boundaries DEVELOPERS.md holds to. Which module may import electron or Node is ESLint's job
// (eslint.config.js, run by `npm run build`): these tests prove that rule bites on every way of
// loading a module, so a loosened config fails here rather than letting an import through.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const root = join(import.meta.dirname, '..');

const eslint = new ESLint({ cwd: root });

/** The boundary errors ESLint reports for `code` as if it lived at `file` (relative to the repo). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries (eslint.config.js)', () => {
  const loads = (mod: string) => [
    `import x from '${mod}';`,
    `import type { X } from '${mod}';`,
    `export { x } from '${mod}';`,
    `export * from '${mod}';`,
    `const m = await import('${mod}');`,
    `const m = require('${mod}');`,
    `import m = require('${mod}');`,
  ];

  it.each(loads('electron'))('refuses electron outside the shell: %s', async (code) => {
    for (const file of ['src-main/core/x.ts', 'src-main/cli.ts', 'src-shared/x.ts', 'src-renderer/src/x.tsx']) {
      expect(await boundaryErrors(file, code)).toEqual([expect.stringMatching(/^no-restricted-syntax: Only the Electron shell/)]);
    }
  });

  it.each(['node:fs', 'fs', 'fs/promises', 'node:path', 'path', 'child_process', 'node:test', 'os'])('refuses the Node module %s in the renderer and src-shared', async (mod) => {
    for (const code of loads(mod)) {
      for (const file of ['src-renderer/src/x.tsx', 'src-shared/x.ts']) {
        expect(await boundaryErrors(file, code), `${code} in ${file}`).toEqual([expect.stringMatching(/^no-restricted-syntax: The renderer and src-shared/)]);
      }
    }
  });

  it('allows electron in the shell and the preload, and Node in the core', async () => {
    for (const code of [...loads('electron'), ...loads('electron/main')]) {
      expect(await boundaryErrors('src-main/electron/x.ts', code)).toEqual([]);
      expect(await boundaryErrors('src-main/preload/x.ts', code)).toEqual([]);
    }
    expect(await boundaryErrors('src-main/core/x.ts', "import { readFileSync } from 'node:fs';\nimport { join } from 'path';")).toEqual([]);
  });

  it('lets the tests of the renderer and src-shared use Node (they run in vitest), but not electron', async () => {
    for (const file of ['src-shared/x.test.ts', 'src-renderer/src/x.test.tsx']) {
      expect(await boundaryErrors(file, "import { execFileSync } from 'node:child_process';\nconst fs = require('fs');")).toEqual([]);
      expect(await boundaryErrors(file, "import { app } from 'electron';")).toEqual([expect.stringMatching(/Only the Electron shell/)]);
    }
    expect(await boundaryErrors('src-main/core/x.test.ts', "vi.mock('electron'); const e = await import('electron');")).toEqual([expect.stringMatching(/Only the Electron shell/)]);
  });

  it('allows packages that only look like Node modules', async () => {
    for (const mod of ['fsevents-like', 'path-browserify-ish', 'electron-store-ish', './fs', '../path', '@scope/fs']) {
      expect(await boundaryErrors('src-renderer/src/x.tsx', `import x from '${mod}';`), mod).toEqual([]);
    }
  });
});

describe('architecture', () => {
  it('uses raw IPC only in the preload and the shell ipc module', () => {
    // A test may stand in for ipcMain to drive the shell's handlers; only shipped code counts.
    const users = [...sources(join(root, 'src-main')), ...sources(join(root, 'src-renderer'))]
      .filter((f) => !f.endsWith('.test.ts') && /\bipc(Main|Renderer)\b/.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(root.length + 1));
    expect(users.sort()).toEqual(['src-main/electron/ipc.ts', 'src-main/preload/index.ts']);
  });
});
