// The process boundaries, enforced on every build (`npm run lint` runs in `npm test` and
// `npm run build`): only the Electron shell (src-main/electron, src-main/preload) may import
// `electron`, so the core keeps running under plain Node in serve mode; and the renderer and the
// shared contract import no Node module, so the UI runs in a sandboxed window and in a browser.
// Style is not linted here: the type-checker and review cover it, and a style flood would bury
// the boundary errors this file exists for.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Matches `electron` and its subpaths (`electron/main`, `electron/renderer`, …). */
const ELECTRON = /^electron(?:$|\x2F)/.source;
/** Matches every Node builtin, `node:`-prefixed or bare (`fs`, `fs/promises`, `node:path`, …). */
const NODE = `^(?:node:|(?:${builtinModules.filter((m) => !m.includes('/')).join('|')})(?:$|\\x2F))`;

/**
 * no-restricted-syntax selectors banning a module in every way code can load it: import and
 * export-from, dynamic import(), require() and TypeScript's `import x = require()`. (esquery
 * regexes cannot contain a slash, hence \x2F above.)
 */
function banModules(pattern, message) {
  const source = `/${pattern}/`;
  return [
    `ImportDeclaration[source.value=${source}]`,
    `ExportNamedDeclaration[source.value=${source}]`,
    `ExportAllDeclaration[source.value=${source}]`,
    `ImportExpression[source.value=${source}]`,
    `CallExpression[callee.name="require"][arguments.0.value=${source}]`,
    `TSExternalModuleReference[expression.value=${source}]`,
  ].map((selector) => ({ selector, message }));
}

const TESTS = '**/*.test.{ts,tsx}';

const NO_ELECTRON = 'Only the Electron shell (src-main/electron, src-main/preload) may import electron: the core must run under plain Node.';
const NO_NODE = 'The renderer and src-shared run in a sandboxed window and a browser: no Node modules here (ask the core through the API).';

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    // Correctness only; the shell's URL and path checks rely on control-character regexes on purpose.
    rules: { 'no-control-regex': 'error' },
  },
  {
    files: ['src-main/**'],
    ignores: ['src-main/electron/**', 'src-main/preload/**'],
    rules: { 'no-restricted-syntax': ['error', ...banModules(ELECTRON, NO_ELECTRON)] },
  },
  {
    files: ['src-renderer/**', 'src-shared/**'],
    ignores: [TESTS],
    rules: { 'no-restricted-syntax': ['error', ...banModules(ELECTRON, NO_ELECTRON), ...banModules(NODE, NO_NODE)] },
  },
  {
    // Their tests run under Node in vitest and are never bundled: Node is theirs, electron is not.
    files: [TESTS],
    ignores: ['src-main/**'],
    rules: { 'no-restricted-syntax': ['error', ...banModules(ELECTRON, NO_ELECTRON)] },
  },
);
