import type { PatientSummary } from '../../electron/api/schemas';
import { pickMrn } from '../patients/identifiers';
import { formatAge, formatDate, formatSex, parseIsoDate } from '../ui/format';

function ageText(patient: PatientSummary): string {
  if (patient.deceasedAt) {
    const died = parseIsoDate(patient.deceasedAt);
    const age = died ? formatAge(patient.birthDate, new Date(died.ms)) : null;
    return `Died ${formatDate(patient.deceasedAt)}${age ? ` (aged ${age})` : ''}`;
  }
  return formatAge(patient.birthDate) ?? 'Unknown';
}

/** Pure: who this chart belongs to, at a glance. */
export function ChartHeader({ patient }: { patient: PatientSummary }) {
  const mrn = pickMrn(patient.identifiers);
  return (
    <header className="chart-header">
      <h1 data-testid="chart-name">{patient.name || 'Name not recorded'}</h1>
      <div className="facts">
        <div className="fact">
          <span className="k">{patient.deceasedAt ? 'Deceased' : 'Age'}</span>
          <span className="v">{ageText(patient)}</span>
        </div>
        <div className="fact">
          <span className="k">Sex</span>
          <span className="v">{formatSex(patient.sex) ?? 'Not recorded'}</span>
        </div>
        <div className="fact">
          <span className="k">Born</span>
          <span className="v">{formatDate(patient.birthDate, 'Not recorded')}</span>
        </div>
        <div className="fact">
          <span className="k">MRN</span>
          <span className="v">{mrn ?? 'None recorded'}</span>
        </div>
      </div>
    </header>
  );
}
