// The electron-builder config (electron-builder.yml) is never run here (Electron cannot be
// downloaded in CI), so these tests hold it to what the app needs: a broken target list, scheme
// or native-addon setting would otherwise first show up on a user's machine.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { DEEP_LINK_SCHEME } from './electron/deep-link';
import { APP_ID } from './electron/app-id';
import { electronNativeDir, electronSqliteBinding, type ElectronSqliteTarget } from './electron/electron-sqlite-binding';

const root = join(import.meta.dirname, '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack: string;
  protocols: { name: string; schemes: string[] }[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string; maintainer: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    // Not part of electron-builder's public API, but the check `electron-builder` itself runs first.
    const load = createRequire(import.meta.url);
    const { validateConfiguration } = load('app-builder-lib/out/util/config/config') as { validateConfiguration: (c: unknown, log: unknown) => Promise<void> };
    const { DebugLogger } = load('builder-util') as { DebugLogger: new () => unknown };
    await expect(validateConfiguration(config, new DebugLogger())).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, protocols: [{ scheme: 'runlens' }] }, new DebugLogger())).rejects.toThrow(/configuration/);
  });

  it('names the app and builds AppImage and deb, dmg, and an NSIS installer', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    // Windows shows the shell's notifications only when its AppUserModelID is the installed app's id.
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe('Runlens');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    // deb refuses to build without a maintainer (package.json has no author).
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(config.mac.target).toContain('dmg');
    expect(config.win.target).toContain('nsis');
  });

  it('burns the fuses that keep a packaged app from being run as something else', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('registers the deep-link scheme the shell handles', () => {
    expect(config.protocols.flatMap((p) => p.schemes)).toContain(DEEP_LINK_SCHEME);
  });

  it("packs electron-vite's output, with package.json main inside it", () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'resources/**']));
    expect(pkg.main.startsWith('out/')).toBe(true);
  });

  it("unpacks better-sqlite3's addon from the asar and swaps in the Electron build without touching node_modules", () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(false);
    const hook = createRequire(import.meta.url)(join(root, config.afterPack)) as { default: unknown };
    expect(hook.default).toBeTypeOf('function');
  });

  it('points every platform at a 512px app icon that exists', () => {
    for (const icon of new Set([config.linux.icon, config.mac.icon, config.win.icon])) {
      expect(pngSize(join(root, icon))).toEqual([512, 512]);
    }
  });
});

describe('package.json scripts', () => {
  it('rebuilds better-sqlite3 for Electron before starting the desktop app', () => {
    for (const script of ['start', 'dev']) expect(pkg.scripts[script]).toMatch(/^npm run rebuild:electron && electron-vite /);
    expect(pkg.scripts['rebuild:electron']).toContain('scripts/rebuild-electron-sqlite.ts');
  });

  it('lints before building, and builds installers from a fresh build', () => {
    expect(pkg.scripts.build).toMatch(/^npm run lint && /);
    expect(pkg.scripts.test).toContain('npm run build');
    for (const script of ['dist', 'dist:linux', 'dist:mac', 'dist:win']) expect(pkg.scripts[script]).toMatch(/^npm run build && electron-builder\b/);
  });

  it('downloads nothing at install time (npm ci runs where GitHub is out of reach)', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[hook]).toBeUndefined();
    // Packaging tools are for developers; the app ships only its runtime packages.
    for (const tool of ['electron', 'electron-builder', '@electron/rebuild', 'eslint']) {
      expect(pkg.dependencies[tool]).toBeUndefined();
      expect(pkg.devDependencies[tool]).toBeDefined();
    }
  });

  it('keeps the Electron build of better-sqlite3 out of git', () => {
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['.electron-native/', 'dist/']));
    expect(existsSync(join(root, 'scripts', 'rebuild-electron-sqlite.ts'))).toBe(true);
  });
});

describe('build/after-pack.cjs', () => {
  // A platform no real build uses, so the test's staging project never meets a developer's.
  const platform = 'runlens-test-os';
  const version = (pkg: string) => (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  let out: string;
  afterEach(() => {
    rmSync(electronNativeDir(root, platform, 'x64'), { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it("copies the current Electron build over the Node build inside the package, and rebuilds nothing", async () => {
    // A staging project already built for the installed Electron: the script must take it as is
    // (a rebuild would need the network, and fail here).
    const target: ElectronSqliteTarget = { electron: version('electron'), betterSqlite3: version('better-sqlite3'), platform, arch: 'x64' };
    const binding = electronSqliteBinding(root, platform, 'x64');
    mkdirSync(dirname(binding), { recursive: true });
    writeFileSync(binding, 'electron-abi addon');
    writeFileSync(join(electronNativeDir(root, platform, 'x64'), 'target.json'), JSON.stringify(target));
    out = mkdtempSync(join(tmpdir(), 'runlens-after-pack-'));
    const hook = createRequire(import.meta.url)(join(root, config.afterPack)) as { default: (context: unknown) => Promise<void> };
    // The slice of electron-builder's AfterPackContext the hook reads; arch 1 is Arch.x64.
    await hook.default({ appOutDir: out, electronPlatformName: platform, arch: 1, packager: { projectDir: root, getResourcesDir: (dir: string) => join(dir, 'resources') } });
    const packed = join(out, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(readFileSync(packed, 'utf8')).toBe('electron-abi addon');
    expect(readFileSync(binding, 'utf8')).toBe('electron-abi addon');
  });
});
