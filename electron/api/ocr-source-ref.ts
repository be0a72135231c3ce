/**
 * Where a value read from a scanned document came from, as the record's
 * source_ref: "document:ID#page=N&boxes=x,y,w,h;x,y,w,h". The core writes it
 * when a proposal is accepted; the renderer reads it to open the review pane
 * at that page and box. Pure (no Node), shared by both sides.
 */
export interface DocumentSourceRef {
  documentId: string;
  page: number;
  boxes: { x: number; y: number; w: number; h: number }[];
}

export function formatDocumentSourceRef(ref: DocumentSourceRef): string {
  return `document:${ref.documentId}#page=${ref.page}&boxes=${ref.boxes.map((b) => `${b.x},${b.y},${b.w},${b.h}`).join(';')}`;
}

const PATTERN = /^document:([^#\s]+)#page=(\d+)&boxes=((?:-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?,\d+(?:\.\d+)?,\d+(?:\.\d+)?;?)*)$/;

/** The document, page and boxes of a source_ref, or null for any other kind of source (FHIR, a session, an image). */
export function parseDocumentSourceRef(sourceRef: string | null | undefined): DocumentSourceRef | null {
  const m = sourceRef ? PATTERN.exec(sourceRef) : null;
  if (!m) return null;
  const page = Number(m[2]);
  if (!Number.isSafeInteger(page) || page < 1) return null;
  const boxes = m[3]!
    .split(';')
    .filter((part) => part !== '')
    .map((part) => {
      const [x, y, w, h] = part.split(',').map(Number) as [number, number, number, number];
      return { x, y, w, h };
    });
  return { documentId: m[1]!, page, boxes };
}
