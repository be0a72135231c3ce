import type { ReactNode } from 'react';
import type { Chart, PatientSummary } from '../../electron/api/schemas';
import { pickMrn } from '../ui/identifiers';
import { formatAge, formatDate, formatSex, parseIsoDate } from '../ui/format';
import { AllergyBanner } from './AllergyBanner';
import { CHART_SECTIONS, type ChartSection } from '../shell/navigation';

/** The age, or for a deceased patient the age at death (the date of death is the badge beside the name). */
function ageText(patient: PatientSummary): string {
  if (patient.deceasedAt) {
    const died = parseIsoDate(patient.deceasedAt);
    return (died ? formatAge(patient.birthDate, new Date(died.ms)) : null) ?? 'Unknown';
  }
  return formatAge(patient.birthDate) ?? 'Unknown';
}

export interface ChartHeaderProps {
  readonly chart: Chart;
  readonly section: ChartSection;
  /** The sections the active workflow has panels in, in order (default: all). */
  readonly sections?: readonly ChartSection[];
  /** Badges beside a section's name (documents still to review): a panel's badge element, which draws nothing when there is nothing to say. */
  readonly badges: Partial<Record<ChartSection, ReactNode>>;
  readonly onSection: (section: ChartSection) => void;
  readonly onOpenAllergy: (id: string) => void;
}

/**
 * Pure: who this chart belongs to, on every screen of it (it stays at the
 * top as the chart scrolls): name, age, sex, birth date, MRN, deceased
 * status, allergies with their severity; and the chart's sections.
 */
export function ChartHeader({ chart, section, sections, badges, onSection, onOpenAllergy }: ChartHeaderProps) {
  const shown = sections ? CHART_SECTIONS.filter((s) => sections.includes(s.id)) : CHART_SECTIONS;
  const { patient } = chart;
  const mrn = pickMrn(patient.identifiers);
  return (
    <header className={`chart-header${patient.deceasedAt ? ' deceased' : ''}`} data-testid="chart-header">
      <div className="chart-who">
        <h1 data-testid="chart-name">{patient.name || 'Name not recorded'}</h1>
        {patient.deceasedAt && (
          <span className="deceased-badge" data-testid="deceased-badge">
            Deceased {formatDate(patient.deceasedAt)}
          </span>
        )}
        <div className="facts">
          <div className="fact">
            <span className="k">{patient.deceasedAt ? 'Age at death' : 'Age'}</span>
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
            <span className="v mrn" title={mrn ?? undefined}>
              {mrn ?? 'None recorded'}
            </span>
          </div>
        </div>
      </div>
      <AllergyBanner allergies={chart.allergies} noKnown={chart.noKnownAllergies} onOpen={onOpenAllergy} />
      <nav className="chart-nav" aria-label="Chart sections">
        <div role="tablist" aria-label="Chart sections">
          {shown.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              aria-selected={section === s.id}
              className={`chart-tab${section === s.id ? ' active' : ''}`}
              data-testid={`section-${s.id}`}
              onClick={() => onSection(s.id)}
            >
              {s.label}
              {badges[s.id]}
            </button>
          ))}
        </div>
      </nav>
    </header>
  );
}
