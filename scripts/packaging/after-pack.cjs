/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require() */
// electron-builder's afterPack hook: flips the Electron fuses that matter
// for a clinic, in the packaged binary, before it is signed and archived.
// - RunAsNode off: the app cannot be started as a plain Node (ELECTRON_RUN_AS_NODE).
// - NODE_OPTIONS and --inspect ignored: no code injected at start.
// - asar integrity validated, and the app only loads from its asar.
// - cookies encrypted at rest.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

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

function executable(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

module.exports = async function afterPack(context) {
  await flipFuses(executable(context), { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' });
};
module.exports.FUSES = FUSES;
