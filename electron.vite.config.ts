import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Runtime packages (better-sqlite3, chokidar, zod) stay in `dependencies`, which electron-vite
// externalizes for main: a bundled better-sqlite3 cannot find its native binding.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The desktop shell and the CLI share the core as one chunk graph.
        input: {
          index: resolve('src-main/electron/main.ts'),
          cli: resolve('src-main/cli.ts'),
        },
        output: {
          banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file that requires nothing but electron.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    build: {
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
    plugins: [react()],
  },
});
