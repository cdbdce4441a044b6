// electron-builder hook. Packaging runs with npmRebuild: false so that it never rebuilds the
// checkout's node_modules in place (that Node build of better-sqlite3 is what tests and serve
// mode load); instead this puts the Electron-ABI build, made for the target platform and arch in
// .electron-native/ by scripts/rebuild-electron-sqlite.ts, over the Node build inside the package,
// before electron-builder signs it and makes the installers.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { Arch } = require('electron-builder');

/** @param {import('electron-builder').AfterPackContext} context */
exports.default = async function afterPack(context) {
  const root = context.packager.projectDir;
  const addon = join(context.packager.getResourcesDir(context.appOutDir), 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const args = ['--platform', context.electronPlatformName, '--arch', Arch[context.arch], '--copy-to', addon];
  execFileSync(process.execPath, [require.resolve('tsx/cli'), join(root, 'scripts', 'rebuild-electron-sqlite.ts'), ...args], { cwd: root, stdio: 'inherit' });
};
