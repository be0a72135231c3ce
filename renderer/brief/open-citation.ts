import type { CitationDto, Provenance } from '../../electron/api/schemas';
import { useDetails } from '../chart/details-store';
import { useFindingFocus } from '../derm/finding-focus';
import { useEvidence } from '../evidence/evidence-store';
import { imageFindingLink } from '../imaging/image-finding-source';
import { documentSource } from '../ocr-review/document-source';

/** A way to show the source a record was taken from, in the pane that shows such sources. */
export interface SourceLink {
  /** The button's words, e.g. "Show on page 2 of lab-report.tif". */
  readonly label: string;
  /** Where in the source, in words, for the drawer's provenance (instead of the raw reference), e.g. "Page 2, 5 words". */
  readonly where: string;
  readonly open: () => void;
}

/** Turns a record's provenance of one source kind into a link to that source (null when its reference does not point anywhere the app can show). */
export interface SourceOpener {
  /** The provenance's sourceKind it handles ('document' for scanned pages). */
  readonly sourceKind: string;
  linkFor(provenance: Provenance, patientId: string): SourceLink | null;
}

/**
 * Every kind of source a citation can open, by provenance kind. A new kind
 * (an image frame at its coordinates, say) adds its opener to this list;
 * two openers for one kind fail at start-up rather than one silently winning.
 */
const OPENERS: readonly SourceOpener[] = [documentSource];

const BY_KIND = new Map<string, SourceOpener>();
for (const opener of OPENERS) {
  if (BY_KIND.has(opener.sourceKind)) throw new Error(`two source openers for provenance kind "${opener.sourceKind}"`);
  BY_KIND.set(opener.sourceKind, opener);
}

/** The link to a record's source, or null when it has none to show (a FHIR import, a clinician's entry). */
export function sourceLinkOf(provenance: Provenance, patientId: string): SourceLink | null {
  // An image finding's fact keeps its image's source (kind 'document', like a scan); its reference says image and frame.
  return imageFindingLink(provenance, patientId) ?? BY_KIND.get(provenance.sourceKind)?.linkFor(provenance, patientId) ?? null;
}

/**
 * A citation chip was clicked (brief, chat): a record opens in the details
 * drawer, which offers its source when it has one; a guideline passage opens
 * in the evidence panel.
 */
export function openCitation(citation: CitationDto): void {
  // A fact confirmed from an image finding opens its image at the annotation (other facts: the drawer).
  // The whole chart (a claim about absence) has no one record to open: the chart itself is on screen.
  if (citation.kind === 'evidence') return void useEvidence.getState().openPassage(citation.chunkId);
  const record = citation.record;
  if (record === 'patient') return;
  if (record === 'fact') void useFindingFocus.getState().openFact(citation.id);
  else void useDetails.getState().show(record, citation.id);
}
