// Unit tests of the renderer's pure modules (request building, SSE parsing, formats, table
// derivations). Separate from the root config, whose include list covers src-main/src-shared.
// Run: npx vitest run -c src-renderer/vitest.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-renderer/src/**/*.test.ts'],
    environment: 'node',
  },
});
