import { importBundleText } from '../../../electron/fhir';
import type { Vault } from '../../../electron/store/vault';
import { createTestVault } from '../../helpers/temp-vault';
import { memoryBundleText } from './memory-fixture-data';

export { memoryBundleText, PATIENT } from './memory-fixture-data';

export function memoryVault(): Vault {
  const vault = createTestVault();
  importBundleText(vault, 'agent-fixture.json', memoryBundleText());
  return vault;
}
