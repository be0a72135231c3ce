import type { Brief } from '../../api/schemas';
import type { DateStyle } from '../../api/clinical-format';
import { VaultError } from '../../store/errors';
import { getPatient } from '../../store/queries/patients';
import type { Vault } from '../../store/vault';
import { buildBrief } from './build-brief';

/**
 * The pre-visit brief of one patient, as of the vault's clock (or of the
 * patient's death). Reading a brief reads the chart, so it is audited like
 * opening one.
 */
export function briefForPatient(vault: Vault, patientId: string, options: { dateStyle?: DateStyle } = {}): Brief {
  const patient = getPatient(vault.db, patientId);
  if (!patient) throw new VaultError('not-found', `patient ${patientId}: not in this vault`);
  // A deceased patient's record is summarised as it stood at death, not as if care went on.
  const now = vault.now();
  const asOf = patient.deceasedAt && Date.parse(patient.deceasedAt) < now.getTime() ? new Date(patient.deceasedAt) : now;
  const brief = buildBrief(vault.db, patientId, asOf, { dateStyle: options.dateStyle, deceasedAt: patient.deceasedAt });
  vault.audit('brief.read', patientId, { lines: brief.counts.lines, flagged: brief.counts.flagged });
  return brief;
}

export { buildBrief };
