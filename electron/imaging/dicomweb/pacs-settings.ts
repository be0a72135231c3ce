import type { PacsSettings } from '../../api/pacs-schemas';
import { metaValue, setMetaValue } from '../../store/queries/meta';
import type { Vault } from '../../store/vault';
import { DicomWebError } from './dicomweb-error';
import { connectPacs } from './pacs-connection';

/**
 * The clinic's PACS: its DICOMweb address and user, one setting for the whole
 * vault, kept in vault_meta (encrypted with the vault, and travelling with
 * its backups). There is no password here, by design: a password at rest
 * would open the PACS to anyone who gets the vault's key. The app asks for it
 * per pull, or holds it in memory until the vault locks (handlers/pacs.ts).
 */
const KEY = 'pacs.settings';

export function readPacsSettings(vault: Vault): PacsSettings | null {
  const raw = metaValue(vault.db, KEY);
  if (raw === undefined) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<PacsSettings>;
    if (typeof parsed.url !== 'string' || typeof parsed.updatedBy !== 'string' || typeof parsed.updatedAt !== 'string') return null;
    return { url: parsed.url, user: typeof parsed.user === 'string' && parsed.user !== '' ? parsed.user : null, updatedBy: parsed.updatedBy, updatedAt: parsed.updatedAt };
  } catch {
    return null; // a damaged row reads as "not set": the clinician enters the address again
  }
}

/**
 * Checks and saves the address and user (audited, with both: neither is
 * patient data). The address is checked as connectPacs checks it; one with a
 * user or password inside is refused in the app's own words, so that no
 * password ever reaches the vault through this field.
 */
export function savePacsSettings(vault: Vault, url: string, user: string): PacsSettings {
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(url)) {
    throw new DicomWebError('invalid-url', 'The PACS address must not contain a user name or password: enter the user in its own field; the password is asked for when you pull');
  }
  const checked = connectPacs({ url, ...(user === '' ? {} : { user }) });
  const settings: PacsSettings = { url: checked.root, user: user === '' ? null : user, updatedBy: vault.clinician.id, updatedAt: vault.now().toISOString() };
  vault.write(() => {
    setMetaValue(vault.db, KEY, JSON.stringify(settings));
    vault.audit('record.write', null, { kind: 'pacs.settings', url: settings.url, user: settings.user });
  });
  return settings;
}
