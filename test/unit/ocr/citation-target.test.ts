import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatDocumentSourceRef, parseDocumentSourceRef } from '../../../electron/api/ocr-source-ref';
import type { Provenance } from '../../../electron/api/schemas';
import { sourceRef } from '../../../electron/ocr/store';
import { imageFindingSource } from '../../../renderer/imaging/image-finding-source';
import { documentSource } from '../../../renderer/ocr-review/document-source';
import { focusView, unionOf } from '../../../renderer/ocr-review/focus';
import { useDocumentReview } from '../../../renderer/ocr-review/review-store';
import { registerSourceOpener, sourceLinkOf } from '../../../renderer/shell/sources';

/** From a cited record's provenance to the place on the scanned page the review pane opens at. */
const boxes = [
  { x: 60, y: 412, w: 70, h: 22 },
  { x: 372, y: 412, w: 36, h: 22 },
  { x: 496, y: 414, w: 18, h: 20 },
];
const provenance = (over: Partial<Provenance>): Provenance => ({
  sourceKind: 'document',
  sourceLabel: 'lab-report.tif',
  sourceRef: sourceRef('document-4b1d', 2, boxes),
  recordedAt: '2026-01-10T09:00:00Z',
  recordedBy: 'dr.ada',
  ...over,
});

// The openers the features register with the shell at start-up (renderer/app/features.ts).
const unregister: Array<() => void> = [];
beforeAll(() => unregister.push(registerSourceOpener(imageFindingSource), registerSourceOpener(documentSource)));
afterAll(() => unregister.forEach((off) => off()));
beforeEach(() => useDocumentReview.setState({ patientId: null, documentId: null, page: 1, focus: null }));

describe('document provenance → review target', () => {
  it('reads back the document, page and boxes the core wrote into source_ref', () => {
    const written = sourceRef('document-4b1d', 2, boxes);
    expect(written).toBe('document:document-4b1d#page=2&boxes=60,412,70,22;372,412,36,22;496,414,18,20');
    expect(parseDocumentSourceRef(written)).toEqual({ documentId: 'document-4b1d', page: 2, boxes });
    expect(parseDocumentSourceRef(formatDocumentSourceRef({ documentId: 'd', page: 1, boxes: [] }))).toEqual({ documentId: 'd', page: 1, boxes: [] });
  });

  it('finds no document in any other kind of source reference', () => {
    for (const ref of [null, undefined, '', 'Observation/123', 'proposal-77', '1.2.840.113619.2.55.3', 'document:x#page=0&boxes=', 'document:x#page=2&boxes=1,2,3', 'document:x#page=two&boxes=']) {
      expect(parseDocumentSourceRef(ref), String(ref)).toBeNull();
    }
  });

  it('offers a link only for records with document provenance, and the link opens the review at that page with the boxes', () => {
    expect(sourceLinkOf(provenance({ sourceKind: 'fhir-import', sourceLabel: 'grace.json', sourceRef: 'Observation/1' }), 'p1')).toBeNull();
    expect(sourceLinkOf(provenance({ sourceRef: 'Observation/1' }), 'p1')).toBeNull();
    const link = sourceLinkOf(provenance({}), 'p1');
    expect(link).toMatchObject({ label: 'Show on page 2 of lab-report.tif', where: 'Page 2, 3 words read from the scan' });
    link!.open();
    const state = useDocumentReview.getState();
    expect(state).toMatchObject({ patientId: 'p1', documentId: 'document-4b1d', page: 2, focus: { documentId: 'document-4b1d', page: 2, boxes } });
    // Asked again, the same place is a new request (the pane scrolls to it again); turning the page drops the outline.
    const first = state.focus!.seq;
    link!.open();
    expect(useDocumentReview.getState().focus!.seq).toBeGreaterThan(first);
    useDocumentReview.getState().setPage(3);
    expect(useDocumentReview.getState()).toMatchObject({ page: 3, focus: null });
  });
});

describe('the view a citation opens', () => {
  const page = { width: 1240, height: 1754 };
  const limits = { min: 0.25, max: 4 };

  it('zooms to at least the scan size, centres the cited words, and keeps them inside the view', () => {
    const stage = { width: 700, height: 640 };
    const view = focusView({ boxes, page, stage, limits });
    expect(view.zoom).toBe(1);
    const union = unionOf(boxes)!;
    expect(union).toEqual({ x: 60, y: 412, w: 454, h: 22 });
    // All of the cited words are in the view; vertically they sit in its middle (horizontally the page's left edge stops the scroll).
    expect(union.x * view.zoom).toBeGreaterThanOrEqual(view.scrollLeft);
    expect((union.x + union.w) * view.zoom).toBeLessThanOrEqual(view.scrollLeft + stage.width);
    expect(view.scrollLeft).toBe(0);
    expect(Math.abs((union.y + union.h / 2) * view.zoom - view.scrollTop - stage.height / 2)).toBeLessThanOrEqual(1);
    // Further right on a zoomed page, the words are centred both ways.
    const right = focusView({ boxes: [{ x: 900, y: 900, w: 120, h: 20 }], page, stage: { width: 400, height: 300 }, limits });
    expect(right.zoom).toBe(1);
    expect(right).toMatchObject({ scrollLeft: 960 - 200, scrollTop: 910 - 150 });
  });

  it('zooms out when the cited line is wider than the view, and never scrolls past the page', () => {
    const wide = [{ x: 20, y: 10, w: 1200, h: 30 }];
    const view = focusView({ boxes: wide, page, stage: { width: 600, height: 400 }, limits });
    expect(view.zoom).toBeLessThanOrEqual(0.45);
    expect(view.zoom * 1200).toBeLessThanOrEqual(600);
    expect(view.scrollTop).toBe(0);
    expect(view.scrollLeft).toBeGreaterThanOrEqual(0);
    const corner = focusView({ boxes: [{ x: 1200, y: 1720, w: 30, h: 20 }], page, stage: { width: 600, height: 400 }, limits });
    expect(corner.scrollLeft).toBe(1240 * corner.zoom - 600);
    expect(corner.scrollTop).toBe(1754 * corner.zoom - 400);
  });
});
