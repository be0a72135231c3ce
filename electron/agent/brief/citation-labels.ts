import { analyteDisplay } from '../../clinical/analyte-display';
import type { ReadDb } from '../../store/sqlite';
import type { Citation } from '../grounding/citation';
import type { BriefFormat } from './format';
import { citedEvent, citedNote, citedObservation, citedRecordName, evidenceSection } from './label-queries';

const MAX = 48;

function cut(text: string, max = MAX): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * What a citation cites, in a few words for its chip: a result with its
 * value, unit and date ("HbA1c 7.2 % 1 Mar 2024"), a visit with its date,
 * a drug or a problem by name; a library passage by its section. Read from
 * the record itself, so a chip never says more than its source.
 */
export function citationLabel(db: ReadDb, patientId: string, citation: Citation, f: BriefFormat): string {
  if (citation.kind === 'evidence') {
    const section = evidenceSection(db, citation.chunkId);
    return cut(section ? `Guideline: ${section}` : 'Guideline passage');
  }
  switch (citation.record) {
    case 'observation': {
      const r = citedObservation(db, patientId, citation.id);
      if (!r) return 'Result';
      const shown = analyteDisplay(r.code, r.display ?? 'Result');
      const value = r.value !== null ? `${f.value(r.value, shown.decimals)}${f.unit(r.unit)}` : (r.text ?? '');
      // A result's chip leads with what was measured: its value and date (the name cut short if it is long).
      return `${cut(shown.name, 28)} ${value}${r.at ? ` ${f.day(r.at)}` : ''}`.replace(/\s+/g, ' ').trim();
    }
    case 'encounter': {
      const r = citedEvent(db, patientId, 'encounter', citation.id);
      return r ? `${cut(r.display ?? 'Visit')}${r.at ? ` ${f.day(r.at)}` : ''}` : 'Visit';
    }
    case 'medication':
    case 'condition':
    case 'procedure':
    case 'immunization':
    case 'allergy': {
      const name = citedRecordName(db, patientId, citation.record, citation.id);
      return cut(name ?? citation.record);
    }
    case 'care-plan': {
      const name = citedRecordName(db, patientId, 'care-plan', citation.id);
      return cut(name ?? 'Care plan');
    }
    case 'note': {
      const r = citedNote(db, patientId, citation.id);
      return r ? `${cut(r.title)} ${f.day(r.at)}` : 'Note';
    }
    case 'diagnostic-report': {
      const r = citedEvent(db, patientId, 'diagnostic-report', citation.id);
      return r ? `${cut(r.display ?? 'Report')}${r.at ? ` ${f.day(r.at)}` : ''}` : 'Report';
    }
    case 'imaging-study': {
      const r = citedEvent(db, patientId, 'imaging-study', citation.id);
      return r ? `${cut(r.display ?? 'Imaging study')}${r.at ? ` ${f.day(r.at)}` : ''}` : 'Imaging study';
    }
    case 'fact':
      return 'Confirmed finding';
    case 'patient':
      return 'Whole chart';
  }
}
