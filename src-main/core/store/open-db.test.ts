import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from './open-db';

const require = createRequire(import.meta.url);
/** The Node build of the addon that node_modules' better-sqlite3 loads by default. */
const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

describe('openDb with a nativeBinding (how the Electron shell loads its own build)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runlens-open-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the addon from the given file and opens a working, migrated store', () => {
    // A copy at a path of its own: only the option can make anything load it.
    const binding = join(dir, 'better_sqlite3.node');
    copyFileSync(nodeBuild, binding);
    expect(require.cache[binding]).toBeUndefined();
    const db = openDb(join(dir, 'runlens.db'), { nativeBinding: binding });
    try {
      expect(require.cache[binding]).toBeDefined();
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('says which binding is missing and how to build it', () => {
    const missing = join(dir, 'no-such', 'better_sqlite3.node');
    expect(() => openDb(join(dir, 'runlens.db'), { nativeBinding: missing })).toThrow(`cannot load better-sqlite3's native binding ${missing} (\`npm run rebuild:electron\` builds it for Electron)`);
    expect(existsSync(join(dir, 'runlens.db'))).toBe(false);
  });

  it('refuses a file that is not an addon', () => {
    const bogus = join(dir, 'bogus.node');
    writeFileSync(bogus, 'not a shared library');
    expect(() => openDb(join(dir, 'runlens.db'), { nativeBinding: bogus })).toThrow(/^cannot load better-sqlite3's native binding .*bogus\.node .*rebuild:electron.*: .+/);
    expect(existsSync(join(dir, 'runlens.db'))).toBe(false);
  });
});
