import { useEffect, useRef } from 'react';
import type { ClinicianDto, RecordDetails } from '../../electron/api/schemas';
import { displayUnit } from '../../electron/api/clinical-format';
import { useSession } from '../shell/session-store';
import { clinicianName } from './access-words';
import { categoryLabel, formatRefRange } from '../ui/analytes';
import { KIND_SINGULAR } from '../ui/record-kinds';
import { formatDate, formatDateTime, formatStatus, humaniseIdentifier, parseIsoDate } from '../ui/format';
import { sourceLinkOf } from '../shell/sources';
import { useChart } from '../shell/chart-store';
import { useDetails, type ResultsGroup } from '../shell/details-store';

/** Field values that are dates are shown as dates; the rest as given. */
export function displayValue(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}([T ]|$)/.test(value) && parseIsoDate(value)) return formatDateTime(value);
  return value;
}

/** HL7 v3 ActEncounterCode: the encounter classes FHIR uses. */
const ENCOUNTER_CLASS: Record<string, string> = {
  AMB: 'Ambulatory',
  EMER: 'Emergency',
  FLD: 'Field',
  HH: 'Home health',
  IMP: 'Inpatient',
  ACUTE: 'Inpatient, acute',
  NONAC: 'Inpatient, non-acute',
  OBSENC: 'Observation',
  PRENC: 'Pre-admission',
  SS: 'Short stay',
  VR: 'Virtual',
};

/** HL7 v3 ObservationInterpretation: the common flags. */
const INTERPRETATION: Record<string, string> = {
  N: 'Normal',
  A: 'Abnormal',
  AA: 'Critically abnormal',
  H: 'High',
  HH: 'Critically high',
  L: 'Low',
  LL: 'Critically low',
  POS: 'Positive',
  NEG: 'Negative',
};

/** The terminologies a clinician knows by name. */
const CODE_SYSTEMS: Record<string, string> = {
  'http://snomed.info/sct': 'SNOMED CT',
  'http://loinc.org': 'LOINC',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
  'http://hl7.org/fhir/sid/cvx': 'CVX',
  'http://hl7.org/fhir/sid/icd-10': 'ICD-10',
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10-CM',
  'http://www.ama-assn.org/go/cpt': 'CPT',
};

/** A field as a clinician reads it: codes in words (the code kept beside them), statuses capitalised, dates as dates. */
export function displayField(name: string, value: string): string {
  switch (name) {
    case 'Class': {
      const words = ENCOUNTER_CLASS[value.toUpperCase()];
      return words ? `${words} (${value})` : value;
    }
    case 'Interpretation': {
      const words = INTERPRETATION[value.toUpperCase()];
      return words ? `${words} (${value})` : value;
    }
    case 'Status':
    case 'Clinical status':
    case 'Verification':
    case 'Intent':
    case 'Criticality':
      return formatStatus(value) ?? value;
    case 'Code system':
      return CODE_SYSTEMS[value] ? `${CODE_SYSTEMS[value]} (${value})` : value;
    case 'Category':
      return categoryLabel(value);
    case 'Unit': {
      // As clinicians write it, the UCUM code kept beside it when they differ.
      const shown = displayUnit(value);
      return shown && shown !== value ? `${shown} (UCUM ${value})` : value;
    }
    default:
      return displayValue(value);
  }
}

function sourceKindWords(kind: string): string {
  const k = kind.toLowerCase();
  if (k.includes('fhir')) return 'FHIR bundle';
  if (k === 'manual' || k === 'clinician') return 'Entered by a clinician';
  return humaniseIdentifier(kind);
}

/** Pure: a record's fields, where it came from, and the original resource on request. */
export function RecordDetailsView({ details, clinicians = [], where }: { details: RecordDetails; clinicians?: readonly ClinicianDto[]; where?: string }) {
  const p = details.provenance;
  return (
    <>
      <dl className="fields" data-testid="details-fields">
        {details.fields.map((f, i) => (
          <div key={`${f.name}-${i}`} style={{ display: 'contents' }}>
            <dt>{f.name}</dt>
            <dd>{displayField(f.name, f.value)}</dd>
          </div>
        ))}
      </dl>
      <section>
        <h3 style={{ marginBottom: 6 }}>Provenance</h3>
        <dl className="fields">
          <dt>Source</dt>
          <dd>
            {sourceKindWords(p.sourceKind)}: {p.sourceLabel}
          </dd>
          {where ? (
            <>
              <dt>Where</dt>
              <dd>{where}</dd>
            </>
          ) : (
            p.sourceRef && (
              <>
                <dt>Resource</dt>
                <dd>
                  <code>{p.sourceRef}</code>
                </dd>
              </>
            )
          )}
          <dt>Recorded</dt>
          <dd>
            {formatDateTime(p.recordedAt)}
            {p.recordedBy ? ` by ${clinicianName(p.recordedBy, clinicians)}` : ''}
          </dd>
        </dl>
      </section>
      {details.resource !== null && details.resource !== undefined && (
        <details className="raw">
          <summary>Original record as imported (FHIR JSON)</summary>
          <pre>{JSON.stringify(details.resource, null, 2)}</pre>
        </details>
      )}
    </>
  );
}

/** Pure: one day's results of one category, abnormal ones flagged; each opens its own record. */
export function ResultsGroupView({ group, onOpen }: { group: ResultsGroup; onOpen: (id: string) => void }) {
  const abnormal = group.results.filter((r) => r.abnormal).length;
  return (
    <>
      <p className="muted" style={{ margin: 0 }}>
        {group.results.length} {group.results.length === 1 ? 'result' : 'results'}
        {abnormal > 0 ? `, ${abnormal} outside the reference range` : ''}. Select one for its source and the original record.
      </p>
      <table className="results-table" data-testid="results-table">
        <thead>
          <tr>
            <th>Test</th>
            <th>Result</th>
            <th>Reference</th>
          </tr>
        </thead>
        <tbody>
          {group.results.map((r) => (
            <tr key={r.id} className={r.abnormal ? 'abnormal' : undefined}>
              <td>
                <button type="button" className="btn-link" onClick={() => onOpen(r.id)}>
                  {r.display}
                </button>
              </td>
              <td className="value">
                {r.value}
                {displayUnit(r.unit) ? ` ${displayUnit(r.unit)}` : ''}
                {r.abnormal && <span className="flag"> outside range</span>}
              </td>
              <td className="muted">{formatRefRange(r.refLow, r.refHigh, r.unit) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const NO_CLINICIANS: readonly ClinicianDto[] = [];

/** Smart: the drawer on the right, open while a record is selected. Esc closes it. */
export function DetailsDrawer() {
  const { target, details, group, back, loading, error, close, show } = useDetails();
  const closeRef = useRef<HTMLButtonElement>(null);
  const clinicians = useSession((s) => s.status?.clinicians ?? NO_CLINICIANS);
  const patientId = useChart((s) => s.patientId);
  // A record read from a source the app can show (a scanned page) offers to open it there.
  const source = details && patientId ? sourceLinkOf(details.provenance, patientId) : null;

  useEffect(() => {
    if (!target) return;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target, close]);

  if (!target) return null;
  return (
    <aside className="drawer" role="dialog" aria-label="Record details" data-testid="details-drawer">
      <div className="drawer-head">
        <div>
          <div className="kind">{KIND_SINGULAR[target.kind]}</div>
          <h2 style={{ fontSize: 18 }}>
            {group ? `${categoryLabel(group.category)} results, ${formatDate(group.day)}` : (details?.label ?? (loading ? 'Loading…' : ''))}
          </h2>
          {back && (
            <button type="button" className="btn-link" onClick={() => void show(back.kind, back.id)}>
              ← Back to all results of the day
            </button>
          )}
        </div>
        <span className="spacer" />
        <button ref={closeRef} type="button" className="btn" onClick={close} aria-label="Close details">
          Close
        </button>
      </div>
      <div className="drawer-body">
        {error && <div className="error-line">{error}</div>}
        {source && (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="open-source"
            onClick={() => {
              close();
              source.open();
            }}
          >
            {source.label}
          </button>
        )}
        {details && <RecordDetailsView details={details} clinicians={clinicians} {...(source ? { where: source.where } : {})} />}
        {group && <ResultsGroupView group={group} onOpen={(id) => void show('observation', id, target)} />}
      </div>
    </aside>
  );
}
