/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require() */
// electron-builder's afterPack hook, run on the packed app before it is
// signed and archived:
// 1. Every native addon must be built for the Electron it ships with
//    (native-addons.cjs); otherwise packaging fails with one line per addon.
// 2. The Electron fuses that matter for a clinic are flipped in the binary:
// - RunAsNode off: the app cannot be started as a plain Node (ELECTRON_RUN_AS_NODE).
// - NODE_OPTIONS and --inspect ignored: no code injected at start.
// - asar integrity validated, and the app only loads from its asar.
// - cookies encrypted at rest.
// - no extra privileges for file://: the app loads from its own app:// protocol.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');
const { checkNativeAddons, electronAbiFromBinary, electronAbiFromTable } = require('./native-addons.cjs');

const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

const isMac = (context) => context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';

/** What flipFuses is given: the .app bundle on macOS, the executable elsewhere. */
function executable(context) {
  const name = context.packager.appInfo.productFilename;
  if (isMac(context)) return path.join(context.appOutDir, `${name}.app`);
  if (context.electronPlatformName === 'win32') return path.join(context.appOutDir, `${name}.exe`);
  return path.join(context.appOutDir, context.packager.executableName);
}

/** The program itself, as ELECTRON_RUN_AS_NODE runs it. */
function program(context) {
  const name = context.packager.appInfo.productFilename;
  return isMac(context) ? path.join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name) : executable(context);
}

function resourcesDir(context) {
  const name = context.packager.appInfo.productFilename;
  return isMac(context) ? path.join(context.appOutDir, `${name}.app`, 'Contents', 'Resources') : path.join(context.appOutDir, 'resources');
}

/** electron-builder's Arch enum, as Node names architectures. */
const ARCH = { 0: 'ia32', 1: 'x64', 2: 'arm', 3: 'arm64' };

function electronVersion(context) {
  const known = context.packager.info?.framework?.version ?? context.packager.config?.electronVersion;
  if (known) return known;
  const pkg = require(path.join(context.packager.info?.appDir ?? process.cwd(), 'package.json'));
  return pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron;
}

/** Electron's module version: asked of the packed binary where it runs here, else node-abi's table. */
function electronAbi(context) {
  const runsHere = context.electronPlatformName === process.platform && ARCH[context.arch] === process.arch;
  const probed = runsHere ? electronAbiFromBinary(program(context)) : null;
  return probed ?? electronAbiFromTable(electronVersion(context));
}

async function afterPack(context) {
  const report = checkNativeAddons(resourcesDir(context), { abi: electronAbi(context), platform: context.electronPlatformName });
  if (report.problems.length > 0) {
    throw new Error(`native addons built for another runtime: ${report.problems.join('; ')}`);
  }
  await flipFuses(executable(context), { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' });
}

module.exports = afterPack;
module.exports.FUSES = FUSES;
