import { analyteDisplay } from '../../clinical/analyte-display';
import type { Db } from '../../store/sqlite';
import type { Citation } from '../grounding/citation';
import type { BriefFormat } from './format';

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
export function citationLabel(db: Db, patientId: string, citation: Citation, f: BriefFormat): string {
  if (citation.kind === 'evidence') {
    const section = db.prepare(`SELECT section FROM evidence_chunks WHERE id = ?`).pluck().get(citation.chunkId) as string | undefined;
    return cut(section ? `Guideline: ${section}` : 'Guideline passage');
  }
  const one = <T>(sql: string) => db.prepare(sql).get(citation.id, patientId) as T | undefined;
  switch (citation.record) {
    case 'observation': {
      const r = one<{ code: string | null; display: string | null; value: number | null; text: string | null; unit: string | null; at: string | null }>(
        `SELECT code, display, value_num AS value, value_text AS text, unit, effective_at AS at FROM observations WHERE id = ? AND patient_id = ?`,
      );
      if (!r) return 'Result';
      const shown = analyteDisplay(r.code, r.display ?? 'Result');
      const value = r.value !== null ? `${f.value(r.value, shown.decimals)}${f.unit(r.unit)}` : (r.text ?? '');
      // A result's chip leads with what was measured: its value and date (the name cut short if it is long).
      return `${cut(shown.name, 28)} ${value}${r.at ? ` ${f.day(r.at)}` : ''}`.replace(/\s+/g, ' ').trim();
    }
    case 'encounter': {
      const r = one<{ display: string | null; at: string | null }>(`SELECT coalesce(display, class_code) AS display, start_at AS at FROM encounters WHERE id = ? AND patient_id = ?`);
      return r ? `${cut(r.display ?? 'Visit')}${r.at ? ` ${f.day(r.at)}` : ''}` : 'Visit';
    }
    case 'medication':
    case 'condition':
    case 'procedure':
    case 'immunization':
    case 'allergy': {
      const table = { medication: 'medications', condition: 'conditions', procedure: 'procedures', immunization: 'immunizations', allergy: 'allergies' }[citation.record];
      const name = db.prepare(`SELECT coalesce(display, code) FROM ${table} WHERE id = ? AND patient_id = ?`).pluck().get(citation.id, patientId) as string | undefined;
      return cut(name ?? citation.record);
    }
    case 'care-plan': {
      const name = db.prepare(`SELECT coalesce(display, code, kind) FROM care_plan_items WHERE id = ? AND patient_id = ?`).pluck().get(citation.id, patientId) as string | undefined;
      return cut(name ?? 'Care plan');
    }
    case 'note': {
      const r = one<{ title: string; at: string }>(`SELECT title, written_at AS at FROM notes WHERE id = ? AND patient_id = ?`);
      return r ? `${cut(r.title)} ${f.day(r.at)}` : 'Note';
    }
    case 'diagnostic-report': {
      const r = one<{ display: string | null; at: string | null }>(`SELECT coalesce(display, code) AS display, effective_at AS at FROM diagnostic_reports WHERE id = ? AND patient_id = ?`);
      return r ? `${cut(r.display ?? 'Report')}${r.at ? ` ${f.day(r.at)}` : ''}` : 'Report';
    }
    case 'imaging-study': {
      const r = one<{ display: string | null; at: string | null }>(`SELECT coalesce(description, modality) AS display, started_at AS at FROM imaging_studies WHERE id = ? AND patient_id = ?`);
      return r ? `${cut(r.display ?? 'Imaging study')}${r.at ? ` ${f.day(r.at)}` : ''}` : 'Imaging study';
    }
    case 'fact':
      return 'Confirmed finding';
    case 'patient':
      return 'Whole chart';
  }
}
