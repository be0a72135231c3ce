import type { Brief } from '../../api/schemas';
import { VaultError } from '../../store/errors';
import { getPatient } from '../../store/queries/patients';
import type { Vault } from '../../store/vault';
import { buildBrief } from './build-brief';

/**
 * The pre-visit brief of one patient, as of the vault's clock. Reading a
 * brief reads the chart, so it is audited like opening one.
 */
export function briefForPatient(vault: Vault, patientId: string): Brief {
  if (!getPatient(vault.db, patientId)) throw new VaultError('not-found', `patient ${patientId}: not in this vault`);
  const brief = buildBrief(vault.db, patientId, vault.now());
  vault.audit('brief.read', patientId, { lines: brief.counts.lines, flagged: brief.counts.flagged });
  return brief;
}

export { buildBrief };
