import type { CitationDto } from '../../api/schemas';
import type { z } from 'zod';
import type { evidenceCitation, recordCitation } from '../../api/schemas';

/**
 * What a claim rests on: a record of the patient's memory (a row of one of
 * the clinical tables) or a passage of the evidence library. Document boxes
 * join this union as OCR lands; the verifier reads each kind through its
 * own source reader.
 */
export type RecordCitation = z.infer<typeof recordCitation>;
export type EvidenceCitation = z.infer<typeof evidenceCitation>;
export type Citation = CitationDto;

/** One sentence of a brief or an answer, with the sources it cites. */
export interface Claim {
  text: string;
  citations: Citation[];
}

export function citeRecord(record: RecordCitation['record'], id: string): RecordCitation {
  return { kind: 'record', record, id };
}

export function citeEvidence(chunkId: number): EvidenceCitation {
  return { kind: 'evidence', chunkId };
}
