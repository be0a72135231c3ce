import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importStarterLibrary, type StarterImport } from '../../electron/evidence/starter-library';
import { Vault } from '../../electron/store/vault';

/** A throwaway vault holding the starter library, for the eval and the library tests. */
export async function starterVault(dir: string): Promise<{ vault: Vault; folder: string; imported: StarterImport; seconds: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'continuum-evidence-'));
  const vault = Vault.create(join(folder, 'eval.vault'), { clinician: { id: 'eval', displayName: 'Evidence eval' }, passphrase: 'evidence eval passphrase' }, { scrypt: { N: 2 ** 12, r: 8, p: 1 } });
  const started = performance.now();
  const imported = await importStarterLibrary(vault, dir);
  return { vault, folder, imported, seconds: (performance.now() - started) / 1000 };
}
