import type { CitationDto, EventKind, Provenance } from '../../electron/api/schemas';

/**
 * Opening sources, owned by the shell: a citation chip (brief, chat) or a
 * record's provenance (the details drawer) names what to show; the feature
 * that shows such things registered how. No feature imports another to open
 * its source, and a missing opener fails loudly instead of doing nothing.
 */

/** A way to show the source a record was taken from, in the pane that shows such sources. */
export interface SourceLink {
  /** The button's words, e.g. "Show on page 2 of lab-report.tif". */
  readonly label: string;
  /** Where in the source, in words, for the drawer's provenance (instead of the raw reference), e.g. "Page 2, 5 words". */
  readonly where: string;
  readonly open: () => void;
}

/** Turns a record's provenance of one source kind into a link to that source (null when its reference does not point anywhere it can show). */
export interface SourceOpener {
  /** Names the opener in errors, e.g. 'scanned page'. */
  readonly name: string;
  /** The provenance's sourceKind it handles ('document' for scanned pages), or '*': any kind, its reference alone says whether it is one of its own. */
  readonly sourceKind: string;
  /**
   * Several openers of one kind are asked in rank order, lowest first, until one links: an image
   * finding's reference ("image:dicom/...#frame=0&length=...") is more specific than a page's.
   */
  readonly rank: number;
  linkFor(provenance: Provenance, patientId: string): SourceLink | null;
}

/** What a citation can point at, and who shows it. */
export interface CitationOpeners {
  /** A chart record (condition, observation, ...) in the details drawer. */
  record(kind: EventKind, id: string): void;
  /** A memory fact: an image finding opens its image at the annotation, any other fact a record view. */
  fact(factId: string): void;
  /** A guideline passage in the evidence reader. */
  passage(chunkId: number): void;
  /** A scanned document, in the review pane. */
  document(patientId: string, documentId: string): void;
}

const openers = new Map<string, SourceOpener[]>();
const citationOpeners: Partial<CitationOpeners> = {};

/** Adds a source opener; two of one name, or two of one kind and rank, fail at start-up rather than one silently winning. */
export function registerSourceOpener(opener: SourceOpener): () => void {
  const list = openers.get(opener.sourceKind) ?? [];
  const clash = list.find((o) => o.name === opener.name || o.rank === opener.rank);
  if (clash) throw new Error(`two source openers for provenance kind "${opener.sourceKind}" at one rank or name: "${clash.name}" and "${opener.name}"`);
  openers.set(opener.sourceKind, [...list, opener].sort((a, b) => a.rank - b.rank));
  return () => openers.set(opener.sourceKind, (openers.get(opener.sourceKind) ?? []).filter((o) => o !== opener));
}

/** Says who opens one kind of citation target; a second registration for the same target throws. */
export function registerCitationOpener<K extends keyof CitationOpeners>(target: K, open: CitationOpeners[K]): () => void {
  if (citationOpeners[target]) throw new Error(`two openers registered for citations of ${target}`);
  citationOpeners[target] = open;
  return () => {
    if (citationOpeners[target] === open) delete citationOpeners[target];
  };
}

/** The registered opener for a kind of target; a target nobody registered is a programming error, said at once. */
export function opener<K extends keyof CitationOpeners>(target: K): CitationOpeners[K] {
  const open = citationOpeners[target];
  if (!open) throw new Error(`no feature registered to open ${target} citations (renderer/app/features.ts registers them)`);
  return open as CitationOpeners[K];
}

/** The link to a record's source, or null when it has none to show (a FHIR import, a clinician's entry). */
export function sourceLinkOf(provenance: Provenance, patientId: string): SourceLink | null {
  const asked = [...(openers.get('*') ?? []), ...(provenance.sourceKind === '*' ? [] : (openers.get(provenance.sourceKind) ?? []))].sort((a, b) => a.rank - b.rank);
  for (const o of asked) {
    const link = o.linkFor(provenance, patientId);
    if (link) return link;
  }
  return null;
}

/**
 * A citation chip was clicked (brief, chat): a record opens in the details
 * drawer, which offers its source when it has one; a fact confirmed from an
 * image finding opens its image at the annotation; a guideline passage opens
 * in the evidence panel. The whole chart (a claim about absence) has no one
 * record to open: the chart itself is on screen.
 */
export function openCitation(citation: CitationDto): void {
  if (citation.kind === 'evidence') return opener('passage')(citation.chunkId);
  const record = citation.record;
  if (record === 'patient') return;
  if (record === 'fact') opener('fact')(citation.id);
  else opener('record')(record, citation.id);
}
