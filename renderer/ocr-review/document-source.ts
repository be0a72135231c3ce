import { parseDocumentSourceRef } from '../../electron/api/ocr-source-ref';
import type { SourceOpener } from '../shell/sources';
import { useDocumentReview } from './review-store';

/**
 * A record read from a scanned document (an accepted OCR proposal) opens the
 * review pane at its page, the words it was read from outlined.
 */
export const documentSource: SourceOpener = {
  name: 'scanned page',
  sourceKind: 'document',
  // After an image finding's opener: both are 'document' sources, and an image's reference is the more specific.
  rank: 1,
  linkFor(provenance, patientId) {
    const ref = parseDocumentSourceRef(provenance.sourceRef);
    if (!ref) return null;
    return {
      label: `Show on page ${ref.page} of ${provenance.sourceLabel}`,
      where: `Page ${ref.page}, ${ref.boxes.length} ${ref.boxes.length === 1 ? 'word' : 'words'} read from the scan`,
      open: () => useDocumentReview.getState().openAt(patientId, ref),
    };
  },
};
