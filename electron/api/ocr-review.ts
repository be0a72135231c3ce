/**
 * When a scanned page counts as reviewed, shared by the core (which keeps
 * the state) and the review pane (which shows it): every word recognized
 * below this confidence (0-100) has been looked at by a clinician, or the
 * page has been accepted as read.
 */
export const LOW_CONFIDENCE = 75;

/** The words of a page a clinician must look at before the page counts as reviewed: low confidence, not corrected. */
export function lowConfidenceWords(words: ReadonlyArray<{ confidence: number; corrected?: boolean }>): number[] {
  const out: number[] = [];
  words.forEach((w, i) => {
    if (!w.corrected && w.confidence < LOW_CONFIDENCE) out.push(i);
  });
  return out;
}
