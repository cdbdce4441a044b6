// `npm run rebuild:electron`: builds better-sqlite3 for the installed Electron's ABI into
// .electron-native/<platform>-<arch>/ (src-main/electron/electron-sqlite-binding.ts), a staging
// project of its own, so node_modules keeps the Node build that tests and serve mode load.
// `npm start` / `npm run dev` run it first; it does nothing when the build on disk was made for
// the installed Electron and better-sqlite3 (`--force` rebuilds anyway). Needs the internet:
// prebuild-install fetches a prebuilt addon from GitHub, or node-gyp fetches Electron's headers.
//   tsx scripts/rebuild-electron-sqlite.ts [--platform linux|darwin|win32] [--arch x64|arm64|…] [--force] [--copy-to <file>]
// --copy-to also copies the addon to <file> (packaging puts it in the app; build/after-pack.cjs).
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { rebuild } from '@electron/rebuild';
import { electronNativeDir, electronSqliteBinding, type ElectronSqliteTarget } from '../src-main/electron/electron-sqlite-binding';

const root = resolve(import.meta.dirname, '..');

function installedVersion(pkg: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

function readStamp(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

async function buildInStaging(dir: string, target: ElectronSqliteTarget): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  const source = join(root, 'node_modules', 'better-sqlite3');
  const nodeBuild = join(source, 'build');
  // The sources without node_modules' Node build: a failed rebuild must leave no addon behind
  // rather than a Node-ABI one that would pass for the Electron build.
  cpSync(source, join(dir, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (p) => p !== nodeBuild && !p.startsWith(nodeBuild + sep) });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'runlens-electron-native', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3 } }, null, 2));
  // A nodedir in the npm config (set to build better-sqlite3 offline against the system Node's
  // headers, as CI does) would make node-gyp compile against Node's headers under Electron's name:
  // a Node-ABI addon that fails in Electron. Electron's own headers it must be.
  for (const key of Object.keys(process.env)) if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
  // projectRootPath stops @electron/rebuild's search at the staging project: without it, it walks
  // up into the checkout's node_modules and rebuilds the Node build in place.
  await rebuild({ buildPath: dir, projectRootPath: dir, electronVersion: target.electron, platform: target.platform as NodeJS.Platform, arch: target.arch, onlyModules: ['better-sqlite3'], force: true });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      platform: { type: 'string', default: process.platform },
      arch: { type: 'string', default: process.arch },
      force: { type: 'boolean', default: false },
      'copy-to': { type: 'string' },
    },
  });
  const target: ElectronSqliteTarget = { electron: installedVersion('electron'), betterSqlite3: installedVersion('better-sqlite3'), platform: values.platform, arch: values.arch };
  const dir = electronNativeDir(root, target.platform, target.arch);
  const binding = electronSqliteBinding(root, target.platform, target.arch);
  const stampFile = join(dir, 'target.json');
  const stamp = JSON.stringify(target);
  if (!values.force && existsSync(binding) && readStamp(stampFile) === stamp) {
    console.log(`better-sqlite3 for Electron ${target.electron} (${target.platform}-${target.arch}) is up to date`);
  } else {
    console.log(`building better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} (${target.platform}-${target.arch}) in ${dir}`);
    await buildInStaging(dir, target);
    if (!existsSync(binding)) throw new Error(`@electron/rebuild finished but left no addon at ${binding}`);
    // Written last: an interrupted build has no stamp, so the next run starts over.
    writeFileSync(stampFile, stamp);
  }
  const copyTo = values['copy-to'];
  if (copyTo) {
    mkdirSync(resolve(copyTo, '..'), { recursive: true });
    copyFileSync(binding, copyTo);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
