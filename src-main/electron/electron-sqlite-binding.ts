// Where a checkout keeps better-sqlite3 built for Electron's ABI. node_modules holds the Node
// build (vitest, Playwright, `runlens serve`); `npm run rebuild:electron`
// (scripts/rebuild-electron-sqlite.ts) builds the Electron one in a staging project of its own
// here, and the shell run from a checkout loads it through CoreOptions.sqliteBinding, so neither
// build overwrites the other. A packaged app needs no such path: packaging puts the Electron build
// in the app's own node_modules (build/after-pack.cjs).
import { join } from 'node:path';

/** What the Electron build was made for; a build made for anything else is stale. */
export interface ElectronSqliteTarget {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

/** The staging project, one per platform and arch so packaging for another never evicts the dev build. */
export function electronNativeDir(root: string, platform: string = process.platform, arch: string = process.arch): string {
  return join(root, '.electron-native', `${platform}-${arch}`);
}

/** The Electron-ABI addon inside the staging project (where node-gyp and prebuild-install put it). */
export function electronSqliteBinding(root: string, platform: string = process.platform, arch: string = process.arch): string {
  return join(electronNativeDir(root, platform, arch), 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}
