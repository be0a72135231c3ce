import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/**
 * Where the clinic's vault lives when CONTINUUM_VAULT does not say:
 * $XDG_DATA_HOME/continuum (default ~/.local/share/continuum) on Linux,
 * ~/Library/Application Support/Continuum on macOS, %APPDATA%\Continuum on Windows.
 */
export function defaultVaultFile(env: NodeJS.ProcessEnv = process.env, os: NodeJS.Platform = platform(), home = homedir()): string {
  if (os === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), 'Continuum', 'clinic.vault');
  if (os === 'darwin') return join(home, 'Library', 'Application Support', 'Continuum', 'clinic.vault');
  const dataHome = env['XDG_DATA_HOME'] && env['XDG_DATA_HOME'].startsWith('/') ? env['XDG_DATA_HOME'] : join(home, '.local', 'share');
  return join(dataHome, 'continuum', 'clinic.vault');
}

export function vaultFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['CONTINUUM_VAULT']?.trim();
  return explicit ? explicit : defaultVaultFile(env);
}
