import { join } from 'node:path';
import type { CoreClient } from '../../electron/core/core-client';
import { createInProcessCore } from '../../electron/core/in-process-core';

/** Fast scrypt for tests: the keyring's format is the same, only cheaper to derive. */
const TEST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };

/**
 * An in-process core over a new vault in `dir` (created by Dr Ada), reading
 * its models from `models` through CONTINUUM_MODELS as `npm start` does (set
 * before the core starts). `close()` unloads the model, closes the core and
 * puts the environment back.
 */
export async function startCoreWithModels(dir: string, models: string): Promise<{ core: CoreClient; close(): Promise<void> }> {
  const saved = process.env['CONTINUUM_MODELS'];
  process.env['CONTINUUM_MODELS'] = models;
  const core = createInProcessCore({ vaultFile: join(dir, 'clinic.vault'), scrypt: TEST_SCRYPT });
  const created = await core.invoke('vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada', passphrase: 'a long clinic passphrase 2024' });
  if (!created.ok) throw new Error(`vault.create: ${created.error.message}`);
  return {
    core,
    async close() {
      await core.invoke('models.select', { dir: null });
      await core.close();
      if (saved === undefined) delete process.env['CONTINUUM_MODELS'];
      else process.env['CONTINUUM_MODELS'] = saved;
    },
  };
}
