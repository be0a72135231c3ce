import type { AuditEntryDto, ClinicianDto } from '../../electron/api/schemas';
import { KIND_SINGULAR } from '../ui/record-kinds';
import { eventKind } from '../../electron/api/schemas';
import { humaniseIdentifier } from '../ui/format';

/** An audit entry's action in words ("chart.open" -> "Opened the chart"). */
export function describeAction(entry: Pick<AuditEntryDto, 'action' | 'detail'>): string {
  switch (entry.action) {
    case 'chart.open':
      return 'Opened the chart';
    case 'record.view': {
      const kind = eventKind.safeParse(entry.detail['kind']);
      return kind.success ? `Viewed a record (${KIND_SINGULAR[kind.data].toLowerCase()})` : 'Viewed a record';
    }
    case 'import.fhir':
      return 'Imported records';
    case 'export.fhir':
      return 'Exported records';
    case 'record.write':
      return entry.detail['kind'] === 'session.sign-off' ? 'Signed a visit (note and changes)' : entry.detail['kind'] === 'document.reviewed' ? 'Reviewed a scanned page' : 'Changed a record';
    case 'record.override':
      return entry.detail['kind'] === 'document.page-accepted'
        ? 'Accepted a scanned page as read without checking every doubtful word'
        : 'Filed a file despite a mismatch with the chart (override)';
    case 'brief.read':
      return 'Read the brief';
    case 'chart.verify':
      return 'Checked claims against the chart';
    default:
      return humaniseIdentifier(entry.action);
  }
}

/** A clinician's name from the vault's list; the sign-in name if they are no longer on it. */
export function clinicianName(id: string, clinicians: readonly ClinicianDto[]): string {
  return clinicians.find((c) => c.id === id)?.displayName ?? id;
}
