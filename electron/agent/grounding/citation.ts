import type { CitationDto } from '../../api/schemas';

/**
 * What a claim rests on. Today: a record of the patient's memory (a row
 * of one of the clinical tables). Evidence chunks and document boxes join
 * this union as their issues land; the verifier treats each kind through
 * its own source reader.
 */
export type RecordCitation = CitationDto;

export type Citation = RecordCitation;

/** One sentence of a brief or an answer, with the sources it cites. */
export interface Claim {
  text: string;
  citations: Citation[];
}

export function citeRecord(record: RecordCitation['record'], id: string): RecordCitation {
  return { kind: 'record', record, id };
}
