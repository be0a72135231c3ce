import { z } from 'zod';
import { normalizePublished } from './published-date';

/**
 * What the library must know of a document to cite it: where it comes
 * from, who issued it, when, under which licence, and how much weight it
 * carries (a guideline outranks a reference text, which outranks other).
 */
export const evidenceTier = z.enum(['guideline', 'reference', 'other']);
export type EvidenceTier = z.infer<typeof evidenceTier>;

export const evidenceMeta = z.object({
  title: z.string().trim().min(1).max(300),
  issuer: z.string().trim().min(1).max(200),
  /** As the document states it ("2016 Mar 18", "1999 May (revised 2014 Oct)", "Revised 8/2022"), stored normalised: "2014-10 (first issued 1999-05)". */
  published: z
    .string()
    .transform((text, ctx) => {
      const normal = normalizePublished(text);
      if (normal === null) ctx.addIssue({ code: 'custom', message: `not a date: "${text}" (YYYY-MM-DD, "2016 Mar 18", "March 2016", "8/2022", "1999 May (revised 2014 Oct)")` });
      return normal ?? text;
    }),
  licence: z.string().trim().min(1).max(200),
  tier: evidenceTier,
  url: z.string().url().max(2000).optional(),
});
export type EvidenceMeta = z.infer<typeof evidenceMeta>;

export type EvidenceFormat = 'markdown' | 'html' | 'text' | 'pdf';

/** The format from the file's name, or its first bytes for a PDF named otherwise. */
export function formatOf(fileName: string, bytes: Uint8Array): EvidenceFormat | null {
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (ext) {
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'html':
    case 'htm':
      return 'html';
    case 'txt':
    case 'text':
      return 'text';
    default:
      return null;
  }
}
